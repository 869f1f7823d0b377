/**
 * The dynamic provider of `ga.ListenerAdditionalCertificates`, as a module. The provider object IS this module's
 * exports: when the package is installed in node_modules, Pulumi serializes it as one
 * `require("pulumi-alicloud-certs/dist/…/listener-additional-certificates-provider.js")` (a few hundred bytes, no
 * config, client or credential), and every resource in the host process shares the modules behind it, including the
 * per-accelerator GA queue. A plain object of delegating arrow functions would serialize to about 2.4 KB.
 */
import { type ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { configureHost } from "../../common/host";

/** Record the stack config for this host process (credentials and endpoints are read from it at call time). */
export async function configure(req: ConfigureRequest): Promise<void> {
  configureHost(req.config);
}

export {
  checkBindingSet as check,
  diffBindingSet as diff,
  createBindingSet as create,
  readBindingSet as read,
  updateBindingSet as update,
  deleteBindingSet as delete,
} from "./create";
