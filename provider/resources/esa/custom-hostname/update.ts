/**
 * `update` for `esa.CustomHostname`. UpdateCustomHostname with the record change and the complete SSL block when
 * any SSL field changed; ApplyCustomHostnameCertificate only when ESA accepts it (the refreshed CertStatus is
 * ApplyFailed, Expiring or Expired), or when the recorded free certificate is within 30 days of its end by the clock
 * (a plain `pulumi up`) or the user changed `applyCertificateTrigger`, and the live status (one Get) allows it; then GetCustomHostname (and the wait, when asked).
 * Calls: Update + Get = 2 (+ 1 CAS GetUserCertificateDetail before an Update that binds a CAS certificate, the
 * coverage gate of ./cas-coverage.ts); heal = Apply + Get = 2; trigger = Get + (Apply) + Get; provider-only settings = 0. An
 * Update or Apply whose answer was lost is read back (+ 1 Get) before it is failed or sent again (./writes.ts).
 */
import { type UpdateResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { timeoutMs } from "../../common/check";
import { progress, type AlibabaApi } from "../../common/host";
import { getHostname } from "./api";
import { assertCasCovers } from "./cas-coverage";
import { parseInputs } from "./inputs";
import { hostnamePartialFailure } from "./partial-failure";
import { freeCertificateDue, needsReapply } from "./diff";
import {
  DEFAULT_WAIT_TIMEOUT_SECONDS,
  REAPPLY_CERT_STATUSES,
  type CustomHostnameInputs,
  type CustomHostnameOutputs,
} from "./types";
import { computedOf, defined, outputsOf, storedState, updateRequest, type StoredState } from "./mapping";
import { waitForTarget } from "./wait";
import { applyConfirmed, updateConfirmed } from "./writes";

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
  now: Date | undefined,
): Promise<boolean> {
  // A new SSL block starts its own application; and only free certificates are applied for.
  if (sslChanged || news.sslFlag !== "on" || news.certType !== "free") return false;
  if (needsReapply(olds, news)) return true;
  const triggered =
    news.applyCertificateTrigger !== undefined && news.applyCertificateTrigger !== olds.applyCertificateTrigger;
  const due = freeCertificateDue(olds, news, now);
  if (!triggered && !due) return false;
  const live = await getHostname(api, hostnameId);
  if (REAPPLY_CERT_STATUSES.includes(live.certStatus ?? "")) return true;
  const why = triggered ? "applyCertificateTrigger changed" : `the certificate ends ${olds.certNotAfter ?? "soon"}`;
  progress(
    `${news.hostname}: ${why}, but the certificate is ${live.certStatus ?? "not reported"}; ` +
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
  now?: Date,
): Promise<UpdateResult<CustomHostnameOutputs>> {
  const olds = storedState(oldBag);
  const news = parseInputs(newBag);
  const request = updateRequest(hostnameId, olds, news);
  // Every write of this update gives up at the user's timeout (a write's retries are bounded by it, not by a count).
  const deadline = Date.now() + timeoutMs(news.waitTimeoutSeconds, DEFAULT_WAIT_TIMEOUT_SECONDS);
  // A failed Update changed nothing (a lost answer was read back first): a plain error keeps the old state, and the
  // next `up` tries again.
  // A CAS certificate that does not cover the hostname is refused before the Update (one CAS read).
  if (request?.CasId !== undefined) await assertCasCovers(api, news.hostname, request.CasId, request.CasRegion);
  if (request !== undefined) await updateConfirmed(api, request, news, deadline);
  let latest = defined<CustomHostnameOutputs>({ ...computedOf(olds), ...news, hostnameId });
  try {
    const reapply = await shouldReapply(
      api,
      hostnameId,
      olds,
      news,
      request !== undefined && request.SslFlag !== undefined,
      now,
    );
    if (reapply) {
      progress(`${news.hostname}: certificate is ${olds.certStatus ?? "due"}; applying for a new free certificate`);
      await applyConfirmed(api, hostnameId, news.hostname, deadline);
    }
    // Only provider-side settings changed (and nothing to wait for): the cloud object is as it was, so no call.
    if (request === undefined && !reapply && news.waitFor === "none") return { outs: latest };
    let model = await getHostname(api, hostnameId);
    latest = outputsOf(news, model);
    model = await waitForTarget(api, hostnameId, news, model, (seen) => (latest = outputsOf(news, seen)));
    return { outs: outputsOf(news, model) };
  } catch (error: unknown) {
    throw hostnamePartialFailure("updated", newBag, latest, error);
  }
}
