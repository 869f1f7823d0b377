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
import { withClaims } from "../claims/guards";
import { setClaims } from "../claims/of-inputs";
import { checkBindingSet } from "./check";
import { createBindingSet } from "./create";
import { deleteBindingSet } from "./delete";
import { readBindingSet } from "./read";
import { updateBindingSet } from "./update";

export { configure } from "../../common/host";
export { diffBindingSet as diff } from "./diff";

/** `check`: see `./check`; then the set's claims on its domains, which no other resource may hold (`../claims`). */
export const check = async (olds: PropertyBag, news: PropertyBag): ReturnType<typeof checkBindingSet> =>
  withClaims(
    "ga.ListenerAdditionalCertificates",
    await checkBindingSet(olds, news),
    olds,
    news,
    setClaims,
    (claim) => `certificates[${JSON.stringify(claim.spelled)}]`,
  );

/** `read`: see `./read`. */
export const read = (id: string, props?: PropertyBag): ReturnType<typeof readBindingSet> =>
  reported(readBindingSet(hostClient(), id, props));

/** `create`: see `./create`. */
export const create = (bag: PropertyBag): ReturnType<typeof createBindingSet> => createBindingSet(hostClient(), bag);

/** `update`: see `./update`. */
export const update = (id: string, olds: PropertyBag, news: PropertyBag): ReturnType<typeof updateBindingSet> =>
  updateBindingSet(hostClient(), id, olds, news);

/** `delete`: see `./delete`. */
const remove = (id: string, props: PropertyBag): Promise<void> => reported(deleteBindingSet(hostClient(), id, props));
export { remove as delete };
