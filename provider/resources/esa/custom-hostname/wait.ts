/**
 * The opt-in wait of `esa.CustomHostname`: poll `GetCustomHostname`, and while the hostname is `pending` ask ESA to
 * verify ownership now (`VerifyCustomHostname`), until it is `active` (and, for `certificateIssued`, its certificate
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
  let pending: CustomHostnameModel | undefined = first;
  const poll = async (): Promise<CustomHostnameModel> => {
    let model = pending ?? (await getHostname(api, hostnameId));
    pending = undefined;
    if (model.status === "pending" && (await verifyHostname(api, hostnameId)))
      model = await getHostname(api, hostnameId);
    seen(model);
    return model;
  };
  return waitUntil(poll, (model) => acceptHostname(model, target), {
    ...pollDelays(),
    timeoutMs: timeoutMs(inputs.waitTimeoutSeconds, DEFAULT_WAIT_TIMEOUT_SECONDS),
    description: `${inputs.hostname} to be ${target === "active" ? "active" : "active with its certificate issued"}`,
    onProgress: progress,
  });
}
