/**
 * The provider object of `esa.CustomHostname`: this module's exports object IS the provider, so when the package is
 * installed the serialized `__provider` is a single
 * `require("pulumi-alicloud-certs/dist/provider/resources/esa/custom-hostname/provider.js")` (a few hundred bytes,
 * nothing captured by value). That path is stored state: never move this file. Each method is one line that
 * resolves the host's client (only provider files do) and delegates to the sibling module doing the work.
 */
import { type CheckResult, type DiffResult, type ReadResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { hostClient } from "../../common/host";
import { clockFromEnv } from "../../../util/clock";
import { reported } from "../../common/reported";
import { checkInputs } from "./check";
import { createCustomHostname } from "./create";
import { deleteCustomHostname } from "./delete";
import { diffCustomHostname } from "./diff";
import { readCustomHostname } from "./read";
import { resumeSettingProblem } from "./resume";
import { type CustomHostnameInputs } from "./types";
import { updateCustomHostname } from "./update";

export { configure } from "../../common/host";

/** `check`: normalized inputs and per-property failures; no API call. */
export async function check(olds: PropertyBag, news: PropertyBag): Promise<CheckResult<CustomHostnameInputs>> {
  // The provider's clock (the emulator's when ALICLOUD_CERTS_CLOCK_URL names it), the one renewal decisions use.
  const now = await clockFromEnv()();
  const { inputs, failures } = checkInputs(news, { previous: olds["certificate"], now });
  // A malformed resume setting (a provider setting, not an input) fails the preview, before any API call.
  const setting = resumeSettingProblem();
  return { inputs, failures: setting === undefined ? [...failures] : [...failures, { property: "", reason: setting }] };
}

/** `diff`: no API call; the clock decides whether a recorded free certificate is due. */
export async function diff(_id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult> {
  return diffCustomHostname(olds, news, await clockFromEnv()());
}

/** `create`: see `./create`. */
export const create = (bag: PropertyBag): ReturnType<typeof createCustomHostname> =>
  createCustomHostname(hostClient(), bag);

/** `read` (refresh and `CustomHostname.get`). */
export function read(id: string, props: PropertyBag | undefined): Promise<ReadResult<PropertyBag>> {
  return reported(readCustomHostname(hostClient(), id, props));
}

/** `update`: see `./update`. */
export const update = async (
  id: string,
  olds: PropertyBag,
  news: PropertyBag,
): ReturnType<typeof updateCustomHostname> =>
  updateCustomHostname(hostClient(), id, olds, news, await clockFromEnv()());

/** `delete` (exported under that name below: it is reserved as a function name, not as an export name). */
function remove(id: string, props: PropertyBag): Promise<void> {
  return reported(deleteCustomHostname(hostClient(), id, props));
}
export { remove as delete };
