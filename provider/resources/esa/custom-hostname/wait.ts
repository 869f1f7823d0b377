/**
 * The opt-in wait of `esa.CustomHostname`: one call per poll. While the hostname is `pending` that call is
 * `VerifyCustomHostname` (ask ESA to verify ownership now; a Get follows only when it passed), otherwise
 * `GetCustomHostname`, until it is `active` (and, for `certificateIssued`, its certificate
 * is issued). Bounded by the user's timeout, paced by the shared waiter, with progress lines that tell the user which
 * DNS record to publish. The acceptor is pure so every state is unit-tested.
 */
import { type CustomHostnameModel } from "../../../transport/operations/esa";
import { waitUntil, type WaitDecision } from "../../../util/waiter";
import { timeoutMs } from "../../common/check";
import { pollDelays, progress, type AlibabaApi } from "../../common/host";
import { getHostname, verifyHostname } from "./api";
import { DEFAULT_WAIT_TIMEOUT_SECONDS, type CustomHostnameInputs } from "./types";

/** What `ConflictWith` means, in words a user can act on. */
const CONFLICT_HINTS: Readonly<Record<string, string>> = {
  existing_custom_hostname: "a custom hostname of another ESA site or account already uses this name",
  existing_record: "a DNS record of an ESA site already uses this name",
  existing_load_balancer: "an ESA load balancer already uses this name",
  existing_origin_pool: "an ESA origin pool already uses this name",
  existing_site: "an ESA site already uses this name",
};

/** What the waiter decides about one observation of the hostname. */
export function acceptHostname(
  model: CustomHostnameModel,
  target: "active" | "certificateIssued",
): WaitDecision<CustomHostnameModel> {
  switch (model.status) {
    case "conflicted": {
      const what = model.conflictWith ?? "unknown";
      return {
        state: "failure",
        reason: `${model.hostname} is conflicted (ConflictWith ${what}: ${CONFLICT_HINTS[what] ?? "another object owns the name"})`,
      };
    }
    case "offline":
      return {
        state: "failure",
        reason: `${model.hostname} is offline (OfflineReason ${model.offlineReason ?? "not given"})`,
      };
    case "active":
      break;
    case "pending":
      return {
        state: "retry",
        progress: `pending ownership verification: publish TXT ${model.verifyHost ?? "?"} = "${model.verifyCode ?? "?"}" (or CNAME ${model.hostname} to ${model.recordName ?? "the site record"})`,
      };
    default:
      return { state: "retry", progress: `status ${model.status ?? "unknown"}` };
  }
  if (target === "active") return { state: "success", value: model };
  switch (model.certStatus) {
    case "OK":
    case "Expiring":
      return { state: "success", value: model };
    case "ApplyFailed":
      return {
        state: "failure",
        reason: `the free certificate application failed (CertApplyCode ${model.certApplyCode ?? "?"}: ${model.certApplyMessage ?? "no message"}); fix DCV and change applyCertificateTrigger to apply again`,
      };
    case "Expired":
      return { state: "failure", reason: "the certificate has expired" };
    case "Applying":
      return {
        state: "retry",
        progress: `certificate Applying (DCV: TXT ${model.certTxtKey ?? "?"} = "${model.certTxtValue ?? "?"}", or HTTP ${model.certHttpKey ?? "?"})`,
      };
    default:
      return { state: "retry", progress: `certificate status ${model.certStatus ?? "not reported yet"}` };
  }
}

/**
 * While pending, a Get re-read at least this often (ms), so a hostname that turns conflicted or offline, or whose
 * verification record changed, is seen although Verify polls do not return the model.
 */
export const PENDING_REREAD_MS = 60_000;

/**
 * Which one call a poll makes, given the last model read and how long ago. While `pending`, only
 * VerifyCustomHostname can change the outcome (it checks ownership now and activates; ESA's own detection shows as
 * `Passed` too), so that poll is Verify alone, and a Get follows only when it passed; a Get alone re-reads the
 * model every {@link PENDING_REREAD_MS}. Any other status is watched with Get alone (Verify would change nothing).
 * The first poll of a wait is always Verify when pending: its model was just read.
 */
export function nextPollCall(last: CustomHostnameModel, msSinceRead: number): "get" | "verify" {
  return last.status === "pending" && msSinceRead < PENDING_REREAD_MS ? "verify" : "get";
}

/**
 * Wait until `inputs.waitFor` holds. `first` is a model just read (spares one Get); `seen` receives every model so
 * a caller can report the latest state in a partial failure. Throws `WaitError` on failure or timeout.
 */
export async function waitForTarget(
  api: AlibabaApi,
  hostnameId: string,
  inputs: CustomHostnameInputs,
  first: CustomHostnameModel,
  seen: (model: CustomHostnameModel) => void,
): Promise<CustomHostnameModel> {
  if (inputs.waitFor === "none") return first;
  const target = inputs.waitFor;
  const last = { model: first, readAt: Date.now(), fresh: true };
  const poll = async (): Promise<CustomHostnameModel> => {
    const call = nextPollCall(last.model, last.fresh ? 0 : Date.now() - last.readAt);
    last.fresh = false;
    if (call === "get" || (call === "verify" && (await verifyHostname(api, hostnameId)))) {
      last.model = await getHostname(api, hostnameId);
      last.readAt = Date.now();
    }
    seen(last.model);
    return last.model;
  };
  return waitUntil(poll, (model) => acceptHostname(model, target), {
    ...pollDelays(),
    timeoutMs: timeoutMs(inputs.waitTimeoutSeconds, DEFAULT_WAIT_TIMEOUT_SECONDS),
    description: `${inputs.hostname} to be ${target === "active" ? "active" : "active with its certificate issued"}`,
    onProgress: progress,
  });
}
