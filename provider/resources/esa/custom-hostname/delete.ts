/**
 * `delete` for `esa.CustomHostname`: DeleteCustomHostname (busy codes are tried again; not-found is success; a lost
 * answer is read back: ./writes.ts), then an exact-name ListCustomHostnames confirms it is gone, polling while it is
 * still listed.
 */
import { waitUntil } from "../../../util/waiter";
import { type PropertyBag } from "../../common/dynamic";
import { pollDelays, progress, unlessNotFound, type AlibabaApi } from "../../common/host";
import { findByName } from "./api";
import { storedState } from "./mapping";
import { fetchLive } from "./read";
import { deleteConfirmed } from "./writes";

/** How long `delete` waits for a deleted hostname to disappear from List. */
const DELETE_CONFIRM_TIMEOUT_MS = 300_000;

/**
 * `delete`: DeleteCustomHostname (busy codes are retried by the transport; not-found is success), then confirm it is
 * gone with an exact-name List (2 calls), waiting while it is still listed. Never reports success while it exists.
 */
export async function deleteCustomHostname(api: AlibabaApi, id: string, props: PropertyBag): Promise<void> {
  const stored = storedState(props);
  const stillThere = async (): Promise<boolean> => {
    if (stored.siteId !== undefined && stored.hostname !== undefined) {
      return (await findByName(api, stored.siteId, stored.hostname))?.hostnameId === id;
    }
    return (await unlessNotFound(fetchLive(api, id, stored))) !== undefined;
  };
  const name = stored.hostname ?? id;
  const confirmedGone = await deleteConfirmed(api, id, name, stillThere, Date.now() + DELETE_CONFIRM_TIMEOUT_MS);
  if (confirmedGone) return;
  await waitUntil(
    stillThere,
    (present) =>
      present
        ? { state: "retry", progress: "still listed after DeleteCustomHostname" }
        : { state: "success", value: undefined },
    {
      ...pollDelays(),
      timeoutMs: DELETE_CONFIRM_TIMEOUT_MS,
      description: `custom hostname ${stored.hostname ?? id} to be deleted`,
      onProgress: progress,
    },
  );
}
