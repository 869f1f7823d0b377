/**
 * The provider object of `ga.ListenerAdditionalCertificate`: this module's exports object IS the provider. When the
 * package is installed in node_modules, Pulumi serializes it as one
 * `require("pulumi-alicloud-certs/dist/provider/resources/ga/listener-additional-certificate/provider.js")` (a few
 * hundred bytes, no config, client or credential); that path is stored state, so never move this file. Every
 * resource in the host process shares the modules behind it, including the per-accelerator GA queue.
 */
import { type PropertyBag } from "../../common/dynamic";
import { hostClient } from "../../common/host";
import { reported } from "../../common/reported";
import { deleteBinding } from "./delete";
import { readBinding } from "./read";

export { configure } from "../../common/host";
export { checkBinding as check } from "./check";
export { diffBinding as diff } from "./diff";
export { createBinding as create } from "./create";
export { updateBinding as update } from "./update";

/** `read`: see `./read`. */
export const read = (id: string, props?: PropertyBag): ReturnType<typeof readBinding> =>
  reported(readBinding(hostClient(), id, props));
const remove = (...args: Parameters<typeof deleteBinding>): Promise<void> => reported(deleteBinding(...args));
export { remove as delete };
