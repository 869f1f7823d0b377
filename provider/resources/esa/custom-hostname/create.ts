/**
 * `create` for `esa.CustomHostname`: CreateCustomHostname then GetCustomHostname (2 calls), or with
 * `adoptExisting` an exact-name ListCustomHostnames then GetCustomHostname (2 calls, plus Update + Get when the
 * adopted hostname differs from the inputs). Once the hostname exists, any failure is a partial failure carrying its
 * id, so the engine records it: never an orphan.
 */
import { type CreateResult } from "@pulumi/pulumi/dynamic";
import { writeWithLookups } from "../../../transport/lookup-retry";
import { type CustomHostnameModel } from "../../../transport/operations/esa";
import {
  messageOf,
  partialFailure as recordedFailure,
  type PartialFailureError,
  type PropertyBag,
} from "../../common/dynamic";
import { timeoutMs } from "../../common/check";
import { progress, type AlibabaApi } from "../../common/host";
import { createHostname, findByName, getHostname, updateHostname } from "./api";
import { parseInputs } from "./check";
import { conflictHint, isNameConflict } from "./conflict";
import { sendWithinQuota } from "./quota";
import { DEFAULT_WAIT_TIMEOUT_SECONDS, type CustomHostnameInputs, type CustomHostnameOutputs } from "./types";
import { createRequest, defined, inputsFromModel, outputsOf, updateRequest } from "./mapping";
import { waitForTarget } from "./wait";

/**
 * CreateCustomHostname within the quota (quota.ts), safe to repeat: it has no client token, so after an ambiguous
 * failure (reset, timeout, 5xx) the hostname is looked up by exact name before trying again, and the one found is
 * taken as ours. Attempts are bounded by the resource's timeout (the shared lookup-before-retry loop), not a count.
 */
async function createOnce(api: AlibabaApi, inputs: CustomHostnameInputs): Promise<string> {
  // ESA allows 100 creates per hour: past that, quota.ts waits (saying so) or fails fast, up to the resource's timeout.
  const deadline = Date.now() + timeoutMs(inputs.waitTimeoutSeconds, DEFAULT_WAIT_TIMEOUT_SECONDS);
  try {
    return await writeWithLookups({
      write: () =>
        sendWithinQuota(inputs.hostname, deadline, () =>
          createHostname(api, createRequest(inputs), { retry: { maxAttempts: 1 } }),
        ),
      applied: async () => {
        progress(`CreateCustomHostname for ${inputs.hostname} got no clear answer; looking it up before trying again`);
        return (await findByName(api, inputs.siteId, inputs.hostname))?.hostnameId;
      },
      deadline,
      description: `CreateCustomHostname for ${inputs.hostname}`,
      onRetry: progress,
    });
  } catch (error: unknown) {
    if (isNameConflict(error)) {
      throw new Error(`${messageOf(error)} ${await conflictHint(api, inputs.siteId, inputs.hostname)}`);
    }
    throw error;
  }
}

/** Bring an existing hostname in line with the inputs (adoption): Update only when it differs, then read it again. */
async function reconcile(
  api: AlibabaApi,
  inputs: CustomHostnameInputs,
  model: CustomHostnameModel,
): Promise<CustomHostnameModel> {
  const request = updateRequest(model.hostnameId, inputsFromModel(model, inputs), inputs);
  if (request === undefined) return model;
  progress(`adopting ${inputs.hostname} (HostnameId ${model.hostnameId}): updating it to match the inputs`);
  await updateHostname(api, request);
  return getHostname(api, model.hostnameId);
}

/** The partial-failure error for a hostname that exists: the engine records `outputs` (with `__provider`) and the id. */
export function partialFailure(
  what: string,
  bag: PropertyBag,
  outputs: CustomHostnameOutputs,
  error: unknown,
): PartialFailureError {
  const reason = messageOf(error);
  const message = `esa.CustomHostname ${outputs.hostname} (HostnameId ${outputs.hostnameId}) was ${what}, but ${reason}`;
  return recordedFailure(message, outputs.hostnameId, bag, outputs, reason);
}

/** `create`. */
export async function createCustomHostname(
  api: AlibabaApi,
  bag: PropertyBag,
): Promise<CreateResult<CustomHostnameOutputs>> {
  const inputs = parseInputs(bag);
  const adopted = inputs.adoptExisting ? await findByName(api, inputs.siteId, inputs.hostname) : undefined;
  const hostnameId = adopted?.hostnameId ?? (await createOnce(api, inputs));
  let latest = defined<CustomHostnameOutputs>({ ...inputs, hostnameId });
  try {
    let model = await getHostname(api, hostnameId);
    if (adopted !== undefined) model = await reconcile(api, inputs, model);
    latest = outputsOf(inputs, model);
    model = await waitForTarget(api, hostnameId, inputs, model, (seen) => (latest = outputsOf(inputs, seen)));
    return { id: hostnameId, outs: outputsOf(inputs, model) };
  } catch (error: unknown) {
    throw partialFailure(adopted === undefined ? "created" : "adopted", bag, latest, error);
  }
}
