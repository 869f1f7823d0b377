/**
 * delete of `cas.DvCertificateOrder`, by the order's current state:
 * - `domain_verify` / `process`: CancelOrderRequest, wait for `payed`, DeleteCertificateRequest;
 * - `verify_fail` / `payed`: DeleteCertificateRequest;
 * - `certificate` (issued): by `revokeOnDelete` — retain with a warning (default), or revoke with
 *   CancelCertificateForPackageRequest and delete the revoked certificate with DeleteUserCertificate, unless another
 *   order for the domain is still being validated (a renewal that has not finished: see `./renewal-guard`);
 * - not found: already gone, success.
 */
import { type PropertyBag } from "../../common/dynamic";
import { pollDelays, progress, type AlibabaApi } from "../../common/host";
import { writeWithLookups } from "../../../transport/lookup-retry";
import { type CertificateState } from "../../../transport/operations/cas";
import { waitUntil } from "../../../util/waiter";
import {
  cancelCertificateForPackage,
  cancelOrderRequest,
  deleteCertificateRequest,
  deleteUserCertificate,
  describeStateOrGone as describe,
  isNotFound,
} from "./api";
import { certIdOf } from "../cert-id";
import { inputsOf } from "./mapping";
import { renewalsInFlight } from "./renewal-guard";

/**
 * The deadline of each cancel or revoke write (retried through lookups) and of the wait for a cancelled order to reach
 * `payed` (the API documents it as immediate).
 */
const CANCEL_TIMEOUT_MS = 5 * 60_000;

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
      const domain = typeof props["commonName"] === "string" ? props["commonName"] : undefined;
      const inFlight =
        inputsOf(props).revokeOnDelete && domain !== undefined ? await renewalsInFlight(client, domain, id) : [];
      if (inFlight.length > 0) {
        progress(
          `warning: ${label}: not revoked although revokeOnDelete is true, because order ${inFlight.join(", ")} for the same domain is still being validated and consumers may still serve this certificate; it stays valid in CAS and leaves the Pulumi state`,
        );
      } else if (inputsOf(props).revokeOnDelete) {
        await revoke(client, id, state);
        progress(`${label}: revoked the issued certificate (revokeOnDelete) and deleted it from CAS`);
      } else {
        progress(
          `warning: ${label}: the issued certificate was left valid in CAS (revokeOnDelete is false); the order is no longer managed by Pulumi`,
        );
      }
      return;
    }
    default:
      // `unknow`: revoked or another state no API can delete; nothing is left to undo.
      progress(`warning: ${label} is in state ${state.type}; nothing to delete`);
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
