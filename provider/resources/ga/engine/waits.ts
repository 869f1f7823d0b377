/**
 * Waiting for a GA write to settle: the listener back to `active`, then the accelerator (its exclusive lock released),
 * as Terraform does. Polls with backoff and jitter through the shared waiter and prints progress lines.
 */
import { DescribeAccelerator, DescribeListener } from "../../../transport/operations/ga";
import { waitUntil, type WaitDecision } from "../../../util/waiter";
import { pollDelays, progress } from "../../common/host";
import { untilDeadline } from "./contention";
import { type GaApi } from "./live";

/** Listener states that will never become `active` again. */
const LISTENER_FAILED = new Set(["deleting"]);
/** Accelerator states that will not become `active` within any reasonable timeout. */
const ACCELERATOR_FAILED = new Set(["deleting", "finacialLocked"]);

function acceptor(
  kind: string,
  id: string,
  failed: ReadonlySet<string>,
): (r: { state: string }) => WaitDecision<string> {
  return ({ state }) => {
    if (state === "active") return { state: "success", value: state };
    if (failed.has(state)) return { state: "failure", reason: `${kind} ${id} is ${state}` };
    return { state: "retry", progress: `${kind} ${id} is ${state}` };
  };
}

/**
 * Wait until the listener and then its accelerator are `active`, within `timeoutMs` in total. API calls: at least one
 * DescribeListener and one DescribeAccelerator. Throws the waiter's `WaitError` on timeout or a failed state.
 */
export async function waitSettled(
  api: GaApi,
  acceleratorId: string,
  listenerId: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const left = (): number => Math.max(deadline - Date.now(), 1);
  const common = { ...pollDelays(), onProgress: (line: string) => progress(`GA ${acceleratorId}: ${line}`) };
  // One wait per object, in this order, each polling its Describe call until `active`, within what is left.
  const waits = [
    {
      kind: "listener",
      id: listenerId,
      failed: LISTENER_FAILED,
      describe: () =>
        api.call(DescribeListener, { ListenerId: listenerId }, untilDeadline(left(), `DescribeListener ${listenerId}`)),
    },
    {
      kind: "accelerator",
      id: acceleratorId,
      failed: ACCELERATOR_FAILED,
      describe: () =>
        api.call(
          DescribeAccelerator,
          { AcceleratorId: acceleratorId },
          untilDeadline(left(), `DescribeAccelerator ${acceleratorId}`),
        ),
    },
  ];
  for (const { kind, id, failed, describe } of waits)
    await waitUntil(describe, acceptor(kind, id, failed), {
      ...common,
      timeoutMs: left(),
      description: `GA ${kind} ${id} to be active`,
    });
}
