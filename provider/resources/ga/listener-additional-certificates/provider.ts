/**
 * The provider object of `ga.ListenerAdditionalCertificates`: this module's exports object IS the provider, so the
 * serialized `__provider` is one
 * `require("pulumi-alicloud-certs/dist/provider/resources/ga/listener-additional-certificates/provider.js")` (no
 * config, client or credential); that path is stored state, so never move this file. Every resource in the host
 * process shares the modules behind it, including the per-accelerator GA queue.
 */
import { type PropertyBag } from "../../common/dynamic";
import { hostClient } from "../../common/host";
import { reported } from "../../common/reported";
import { deleteBindingSet } from "./delete";
import { readBindingSet } from "./read";

export { configure } from "../../common/host";
export { checkBindingSet as check } from "./check";
export { diffBindingSet as diff } from "./diff";
export { createBindingSet as create } from "./create";
export { updateBindingSet as update } from "./update";

/** `read`: see `./read`. */
export const read = (id: string, props?: PropertyBag): ReturnType<typeof readBindingSet> =>
  reported(readBindingSet(hostClient(), id, props));
const remove = (...args: Parameters<typeof deleteBindingSet>): Promise<void> => reported(deleteBindingSet(...args));
export { remove as delete };
