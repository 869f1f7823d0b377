/**
 * The provider object of `cas.DvCertificateValidation`: this module's exports object *is* the provider, so Pulumi
 * serializes it as one `require("pulumi-alicloud-certs/dist/provider/resources/cas/dv-certificate-validation/provider.js")`.
 * That path is stored state: never move this file. Each method is one line; nothing here holds a client, config or
 * credential.
 */
import type * as pulumi from "@pulumi/pulumi";
import { type PropertyBag } from "../../common/dynamic";
import { hostClient } from "../../common/host";
import { checkValidation } from "./check";
import { createValidation } from "./create";
import { deleteValidation } from "./delete";
import { diffValidation } from "./diff";
import { readValidation } from "./read";
import { updateValidation } from "./update";

export { configure } from "../../common/host";
/** See {@link checkValidation}. */
export const check = (olds: PropertyBag, news: PropertyBag): ReturnType<typeof checkValidation> =>
  checkValidation(olds, news);
/** See {@link diffValidation}. */
export const diff = (id: string, olds: PropertyBag, news: PropertyBag): Promise<pulumi.dynamic.DiffResult> =>
  diffValidation(id, olds, news);
/** See {@link createValidation}. */
export const create = (inputs: PropertyBag): ReturnType<typeof createValidation> =>
  createValidation(hostClient(), inputs);
/** See {@link readValidation}. */
export const read = (id: string, props?: PropertyBag): ReturnType<typeof readValidation> =>
  readValidation(hostClient(), id, props ?? {});
/** See {@link updateValidation}. */
export const update = (id: string, olds: PropertyBag, news: PropertyBag): ReturnType<typeof updateValidation> =>
  updateValidation(hostClient(), id, olds, news);
/** See {@link deleteValidation}. */
const remove = (): Promise<void> => deleteValidation();
export { remove as delete };
