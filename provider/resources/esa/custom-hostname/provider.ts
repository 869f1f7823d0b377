/**
 * The provider methods of `esa.CustomHostname`, as the exports of one module: `customHostnameProvider` IS this
 * module's exports object, so when the package is installed the serialized provider is a single
 * `require("pulumi-alicloud-certs/dist/…/custom-hostname/lifecycle.js")` (a few hundred bytes, nothing captured by
 * value). Each method is a one-line entry that delegates to the sibling module doing the work.
 */
import { type CheckResult, type ConfigureRequest, type DiffResult, type ReadResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { configureHost } from "../../common/host";
import { checkInputs } from "./check";
import { deleteCustomHostname } from "./delete";
import { diffCustomHostname } from "./diff";
import { type CustomHostnameInputs } from "./types";
import { readCustomHostname } from "./read";

export { createCustomHostname as create } from "./create";
export { updateCustomHostname as update } from "./update";

/** `configure`: keep the stack config for call time (credentials are never read at program time). */
export async function configure(req: ConfigureRequest): Promise<void> {
  configureHost(req.config);
}

/** `check`: normalized inputs and per-property failures; no API call. */
export async function check(_olds: PropertyBag, news: PropertyBag): Promise<CheckResult<CustomHostnameInputs>> {
  const { inputs, failures } = checkInputs(news);
  return { inputs, failures: [...failures] };
}

/** `diff`: no API call. */
export async function diff(_id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult> {
  return diffCustomHostname(olds, news);
}

/** `read` (refresh and `CustomHostname.get`). */
export function read(id: string, props: PropertyBag | undefined): Promise<ReadResult<PropertyBag>> {
  return readCustomHostname(id, props);
}

/** `delete` (exported under that name below: it is reserved as a function name, not as an export name). */
function remove(id: string, props: PropertyBag): Promise<void> {
  return deleteCustomHostname(id, props);
}
export { remove as delete };
