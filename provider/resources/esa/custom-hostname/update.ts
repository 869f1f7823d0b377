/**
 * `update` for `esa.CustomHostname`. UpdateCustomHostname with the record change and the complete SSL block when
 * any SSL field changed; ApplyCustomHostnameCertificate only when ESA accepts it (the refreshed CertStatus is
 * ApplyFailed, Expiring or Expired, so `pulumi up --refresh` heals an expiring free certificate) or the user changed
 * `applyCertificateTrigger` and the live status allows it; then GetCustomHostname (and the wait, when asked).
 * Calls: Update + Get = 2; heal = Apply + Get = 2; trigger = Get + (Apply) + Get; provider-only settings = 0.
 */
import { type UpdateResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { progress, type AlibabaApi } from "../../common/host";
import { applyCertificate, getHostname, updateHostname } from "./api";
import { parseInputs } from "./check";
import { partialFailure } from "./create";
import { needsReapply } from "./diff";
import { REAPPLY_CERT_STATUSES, type CustomHostnameInputs, type CustomHostnameOutputs } from "./types";
import { computedOf, defined, outputsOf, storedState, updateRequest, type StoredState } from "./mapping";
import { waitForTarget } from "./wait";

/**
 * Whether to call ApplyCustomHostnameCertificate. The refreshed status decides without a call; a changed trigger
 * costs one Get, because ESA rejects the call unless the live status is ApplyFailed, Expiring or Expired.
 */
async function shouldReapply(
  api: AlibabaApi,
  hostnameId: string,
  olds: StoredState,
  news: CustomHostnameInputs,
  sslChanged: boolean,
): Promise<boolean> {
  // A new SSL block starts its own application; and only free certificates are applied for.
  if (sslChanged || news.sslFlag !== "on" || news.certType !== "free") return false;
  if (needsReapply(olds, news)) return true;
  const triggered =
    news.applyCertificateTrigger !== undefined && news.applyCertificateTrigger !== olds.applyCertificateTrigger;
  if (!triggered) return false;
  const live = await getHostname(api, hostnameId);
  if (REAPPLY_CERT_STATUSES.includes(live.certStatus ?? "")) return true;
  progress(
    `${news.hostname}: applyCertificateTrigger changed, but the certificate is ${live.certStatus ?? "not reported"}; ` +
      "ESA accepts a new application only when it is ApplyFailed, Expiring or Expired, so none was requested",
  );
  return false;
}

/** `update`. */
export async function updateCustomHostname(
  api: AlibabaApi,
  hostnameId: string,
  oldBag: PropertyBag,
  newBag: PropertyBag,
): Promise<UpdateResult<CustomHostnameOutputs>> {
  const olds = storedState(oldBag);
  const news = parseInputs(newBag);
  const request = updateRequest(hostnameId, olds, news);
  // A failed Update changed nothing: a plain error keeps the old state, and the next `up` tries again.
  if (request !== undefined) await updateHostname(api, request);
  let latest = defined<CustomHostnameOutputs>({ ...computedOf(olds), ...news, hostnameId });
  try {
    const reapply = await shouldReapply(
      api,
      hostnameId,
      olds,
      news,
      request !== undefined && request.SslFlag !== undefined,
    );
    if (reapply) {
      progress(`${news.hostname}: certificate is ${olds.certStatus ?? "due"}; applying for a new free certificate`);
      await applyCertificate(api, hostnameId);
    }
    // Only provider-side settings changed (and nothing to wait for): the cloud object is as it was, so no call.
    if (request === undefined && !reapply && news.waitFor === "none") return { outs: latest };
    let model = await getHostname(api, hostnameId);
    latest = outputsOf(news, model);
    model = await waitForTarget(api, hostnameId, news, model, (seen) => (latest = outputsOf(news, seen)));
    return { outs: outputsOf(news, model) };
  } catch (error: unknown) {
    throw partialFailure("updated", newBag, latest, error);
  }
}
