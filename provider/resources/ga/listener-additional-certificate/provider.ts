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
import { withClaims } from "../claims/guards";
import { bindingClaims } from "../claims/of-inputs";
import { checkBinding } from "./check";
import { createBinding } from "./create";
import { deleteBinding } from "./delete";
import { readBinding } from "./read";
import { updateBinding } from "./update";

export { configure } from "../../common/host";
export { diffBinding as diff } from "./diff";

/** `check`: see `./check`; then the binding's claim on its domain, which no other resource may hold (`../claims`). */
export const check = async (olds: PropertyBag, news: PropertyBag): ReturnType<typeof checkBinding> =>
  withClaims(
    "ga.ListenerAdditionalCertificate",
    await checkBinding(olds, news),
    olds,
    news,
    bindingClaims,
    () => "domain",
  );

/** `read`: see `./read`. */
export const read = (id: string, props?: PropertyBag): ReturnType<typeof readBinding> =>
  reported(readBinding(hostClient(), id, props));

/** `create`: see `./create`. */
export const create = (bag: PropertyBag): ReturnType<typeof createBinding> => createBinding(hostClient(), bag);

/** `update`: see `./update`. */
export const update = (id: string, olds: PropertyBag, news: PropertyBag): ReturnType<typeof updateBinding> =>
  updateBinding(hostClient(), id, olds, news);

/** `delete`: see `./delete`. */
const remove = (id: string, props: PropertyBag): Promise<void> => reported(deleteBinding(hostClient(), id, props));
export { remove as delete };
