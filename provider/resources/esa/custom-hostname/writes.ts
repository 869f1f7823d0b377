/**
 * The ESA writes of `esa.CustomHostname` whose answer can be lost (a reset, a timeout, a 5xx after the service
 * committed): each is sent once by the transport (`maxAttempts: 1`), and after an ambiguous failure its outcome is
 * read back before anything else happens, through the shared lookup-before-retry loop (transport/lookup-retry.ts):
 * a write that took effect is never failed and never repeated; one that did not is tried again until the operation's
 * deadline. Definite rejections that may pass (busy codes, throttling) are tried again within the same deadline.
 *
 * | Write | Read back with | It took effect when |
 * |---|---|---|
 * | UpdateCustomHostname | GetCustomHostname | the live hostname holds every new input (./match.ts) |
 * | ApplyCustomHostnameCertificate | GetCustomHostname | CertStatus left ApplyFailed/Expiring/Expired (ESA accepts the call only in those, and an application moves it to Applying, then OK) |
 * | DeleteCustomHostname | exact-name ListCustomHostnames | the hostname is no longer listed |
 *
 * CreateCustomHostname (./create.ts) and VerifyCustomHostname (./api.ts) are read back the same way.
 */
import { writeWithLookups } from "../../../transport/lookup-retry";
import { type UpdateCustomHostnameRequest } from "../../../transport/operations/esa";
import { progress, type AlibabaApi } from "../../common/host";
import { applyCertificate, deleteHostname, getHostname, updateHostname } from "./api";
import { matchesInputs } from "./match";
import { REAPPLY_CERT_STATUSES, type CustomHostnameInputs } from "./types";

/** The transport sends each of these writes once: the loop below decides what follows a failure. */
const ONCE = { retry: { maxAttempts: 1 } } as const;

/**
 * `action` for `hostname` through the lookup-before-retry loop: `send` sends it once and an answer resolves to
 * `answered`; after a lost answer the user is told, and `applied` reads back whether it took effect (its result), or
 * not (`undefined`: send it again).
 */
function confirmedWrite<T>(
  action: string,
  hostname: string,
  deadline: number,
  write: { readonly send: () => Promise<unknown>; readonly answered: T },
  applied: () => Promise<T | undefined>,
): Promise<T> {
  return writeWithLookups<T>({
    write: async () => {
      await write.send();
      return write.answered;
    },
    applied: async () => {
      progress(`${action} for ${hostname} got no clear answer; reading the hostname back before going on`);
      return applied();
    },
    deadline,
    description: `${action} for ${hostname}`,
    onRetry: progress,
  });
}

/** UpdateCustomHostname `request`, which brings the hostname to `inputs`; read back after a lost answer. */
export async function updateConfirmed(
  api: AlibabaApi,
  request: UpdateCustomHostnameRequest,
  inputs: CustomHostnameInputs,
  deadline: number,
): Promise<void> {
  await confirmedWrite(
    "UpdateCustomHostname",
    inputs.hostname,
    deadline,
    { send: () => updateHostname(api, request, ONCE), answered: true },
    async () => (matchesInputs(await getHostname(api, request.HostnameId), inputs) ? true : undefined),
  );
}

/**
 * ApplyCustomHostnameCertificate; read back after a lost answer. A CertStatus still in ApplyFailed, Expiring or
 * Expired means it did not take effect (or its application failed at once): sending it again is what the user asked
 * for either way, and ESA accepts it in exactly those statuses.
 */
export async function applyConfirmed(
  api: AlibabaApi,
  hostnameId: string,
  hostname: string,
  deadline: number,
): Promise<void> {
  await confirmedWrite(
    "ApplyCustomHostnameCertificate",
    hostname,
    deadline,
    { send: () => applyCertificate(api, hostnameId, ONCE), answered: true },
    async () => {
      const live = await getHostname(api, hostnameId);
      return REAPPLY_CERT_STATUSES.includes(live.certStatus ?? "") ? undefined : true;
    },
  );
}

/**
 * DeleteCustomHostname (not-found is success); read back after a lost answer with `stillThere`. Resolves `true`
 * when the read-back already confirmed the hostname gone, `false` when the delete was answered (absence is then
 * still to be confirmed).
 */
export async function deleteConfirmed(
  api: AlibabaApi,
  hostnameId: string,
  hostname: string,
  stillThere: () => Promise<boolean>,
  deadline: number,
): Promise<boolean> {
  return confirmedWrite<boolean>(
    "DeleteCustomHostname",
    hostname,
    deadline,
    { send: () => deleteHostname(api, hostnameId, ONCE), answered: false },
    async () => ((await stillThere()) ? undefined : true),
  );
}
