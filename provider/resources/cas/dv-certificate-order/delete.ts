/**
 * delete of `cas.DvCertificateOrder`, by the order's current state:
 * - `domain_verify` / `process`: CancelOrderRequest, wait for `payed`, DeleteCertificateRequest;
 * - `verify_fail` / `payed`: DeleteCertificateRequest;
 * - `certificate` (issued): by `revokeOnDelete` — retain with a warning (default), or revoke with
 *   CancelCertificateForPackageRequest and delete the revoked certificate with DeleteUserCertificate. While another
 *   order for the domain is still being validated (a renewal that has not finished: see `./renewal-guard`),
 *   consumers may still serve this certificate, so the revocation waits until that order is issued or gone (a
 *   `pulumi destroy` cancels it after deleting the consumers), for at most {@link RENEWAL_SETTLE_TIMEOUT_MS}; then the
 *   delete fails and the order stays in the state, so the certificate is never left valid and unmanaged;
 * - `unknow` (revoked, by this resource or elsewhere): with `revokeOnDelete`, the revoked certificate is deleted
 *   (DeleteUserCertificate; a run whose delete was refused left it behind);
 * - not found: already gone, success.
 */
import { type PropertyBag } from "../../common/dynamic";
import { pollDelays, progress, type AlibabaApi } from "../../common/host";
import { writeWithLookups } from "../../../transport/lookup-retry";
import { type CertificateState } from "../../../transport/operations/cas";
import { waitUntil, WaitError } from "../../../util/waiter";
import {
  cancelCertificateForPackage,
  cancelOrderRequest,
  deleteCertificateRequest,
  deleteUserCertificate,
  describeStateOrGone as describe,
  isNotFound,
} from "./api";
import { certIdOf } from "../cert-id";
import { parseInputs } from "./inputs";
import { renewalsInFlight } from "./renewal-guard";

/**
 * The deadline of each cancel or revoke write (retried through lookups) and of the wait for a cancelled order to reach
 * `payed` (the API documents it as immediate).
 */
const CANCEL_TIMEOUT_MS = 5 * 60_000;

/**
 * How long a revocation waits for the domain's renewal in flight to be issued or cancelled. Ten minutes covers a
 * destroy deleting the consumers, the waiter and the DNS record before it cancels the renewal's order; a targeted
 * delete of the old order alone fails after it instead of waiting for a validation that nobody runs.
 */
export const RENEWAL_SETTLE_TIMEOUT_MS = 10 * 60_000;

/** Delete the order as its state allows; resolves only when it is gone (or retained/revoked on purpose). */
export async function deleteOrder(client: AlibabaApi, id: string, props: PropertyBag): Promise<void> {
  const state = await describe(client, id);
  if (state === undefined) return;
  const label = `CAS order ${id}${typeof props["commonName"] === "string" ? ` (${props["commonName"]})` : ""}`;
  switch (state.type) {
    case "domain_verify":
    case "process":
      await cancel(client, id);
      await deleteRequest(client, id);
      return;
    case "verify_fail":
    case "payed":
      await deleteRequest(client, id);
      return;
    case "certificate": {
      const { revokeOnDelete } = parseInputs(props);
      if (!revokeOnDelete) {
        progress(
          `warning: ${label}: the issued certificate was left valid in CAS (revokeOnDelete is false); the order is no longer managed by Pulumi`,
        );
        return;
      }
      const domain = typeof props["commonName"] === "string" ? props["commonName"] : undefined;
      if (domain !== undefined) await renewalSettled(client, domain, id, label);
      await revoke(client, id, state);
      progress(`${label}: revoked the issued certificate (revokeOnDelete) and deleted it from CAS`);
      return;
    }
    default: {
      // `unknow`: revoked (or another state no API can act on). The certificate a revocation left behind is deleted
      // here when this resource revokes on delete: a run whose DeleteUserCertificate was refused ends here next time.
      const certId = typeof props["certId"] === "string" ? props["certId"] : undefined;
      if (parseInputs(props).revokeOnDelete && certId !== undefined) {
        await deleteUserCertificate(client, certId);
        progress(`${label} is in state ${state.type}; deleted its certificate ${certId} from CAS`);
        return;
      }
      progress(`warning: ${label} is in state ${state.type}; nothing to delete`);
    }
  }
}

/**
 * Resolve once no other order for `domain` is being validated; fail with what to do when one still is after
 * {@link RENEWAL_SETTLE_TIMEOUT_MS}. The error keeps the order in the state: its certificate is still valid.
 */
async function renewalSettled(client: AlibabaApi, domain: string, id: string, label: string): Promise<void> {
  let inFlight: string[] = [];
  try {
    await waitUntil(
      () => renewalsInFlight(client, domain, id),
      (orders) => {
        inFlight = orders;
        return orders.length === 0
          ? { state: "success", value: orders }
          : {
              state: "retry",
              progress: `${label}: revokeOnDelete waits: order ${orders.join(", ")} for ${domain} is still being validated, so consumers may still serve this certificate`,
            };
      },
      {
        timeoutMs: RENEWAL_SETTLE_TIMEOUT_MS,
        description: `the renewal of ${domain} to finish before revoking ${label}`,
        onProgress: progress,
        ...pollDelays(),
      },
    );
  } catch (error: unknown) {
    if (!(error instanceof WaitError) || error.reason !== "timeout") throw error;
    throw new Error(
      `${label} was not revoked and stays in the Pulumi state: order ${inFlight.join(", ")} for ${domain} is still being validated (a renewal that has not finished), and consumers may still serve this certificate. Finish the renewal with pulumi up (this order is then revoked at its end), or delete the renewal's order too (pulumi destroy deletes it after the consumers), then run the delete again.`,
    );
  }
}

/**
 * Run a call that is not idempotent until the delete's deadline; after an ambiguous failure, ask `applied` whether it
 * took effect before calling again. A not-found answer means there is nothing left to act on.
 */
async function callOnce(
  description: string,
  run: () => Promise<unknown>,
  applied: () => Promise<boolean>,
): Promise<void> {
  try {
    await writeWithLookups({
      write: async () => {
        await run();
        return true;
      },
      applied: async () => ((await applied()) ? true : undefined),
      deadline: Date.now() + CANCEL_TIMEOUT_MS,
      description,
      onRetry: progress,
    });
  } catch (error: unknown) {
    if (!isNotFound(error)) throw error;
  }
}

async function cancel(client: AlibabaApi, id: string): Promise<void> {
  const cancelled = async (): Promise<boolean> => {
    const state = await describe(client, id);
    return state === undefined || (state.type !== "domain_verify" && state.type !== "process");
  };
  await callOnce(`CancelOrderRequest for CAS order ${id}`, () => cancelOrderRequest(client, id), cancelled);
  await waitUntil(
    () => describe(client, id),
    (state) =>
      state === undefined || state.type === "payed"
        ? { state: "success", value: state }
        : { state: "retry", progress: `cancelling CAS order ${id}: ${state.type}` },
    {
      timeoutMs: CANCEL_TIMEOUT_MS,
      description: `cancellation of CAS order ${id}`,
      onProgress: progress,
      ...pollDelays(),
    },
  );
}

function deleteRequest(client: AlibabaApi, id: string): Promise<void> {
  return deleteCertificateRequest(client, id);
}

async function revoke(client: AlibabaApi, id: string, state: CertificateState): Promise<void> {
  const revoked = async (): Promise<boolean> => (await describe(client, id))?.type !== "certificate";
  // Looked up before revoking: the CERT list shows only valid certificates.
  const certId = await certIdOf(client, state);
  await callOnce(
    `CancelCertificateForPackageRequest for CAS order ${id}`,
    () => cancelCertificateForPackage(client, id),
    revoked,
  );
  if (certId === undefined) return;
  await deleteUserCertificate(client, certId);
}
