/**
 * The resources the native provider serves, by schema token (`alicloud-certs:<namespace>:<Class>`, the tokens of
 * `schema.json`): each one's declaration and the provider object the dynamic classes use, so both providers run the
 * very same `check/diff/create/read/update/delete`. A resource added to the package is added here; a unit test keeps
 * this list equal to the declarations `schema.json` is generated from.
 */
import { type DiffResult } from "@pulumi/pulumi/dynamic";
import {
  computedNames,
  inputNames,
  schemaToken,
  secretInputs,
  secretOutputs,
  type ResourceDeclaration,
} from "../resources/common/declaration";
import { type PropertyBag } from "../resources/common/dynamic";
import { DECLARATION as CAS_ORDER } from "../resources/cas/dv-certificate-order/declaration";
import * as casOrder from "../resources/cas/dv-certificate-order/provider";
import { DECLARATION as CAS_VALIDATION } from "../resources/cas/dv-certificate-validation/declaration";
import * as casValidation from "../resources/cas/dv-certificate-validation/provider";
import { DECLARATION as ESA_HOSTNAME } from "../resources/esa/custom-hostname/declaration";
import * as esaHostname from "../resources/esa/custom-hostname/provider";
import { DECLARATION as GA_BINDING } from "../resources/ga/listener-additional-certificate/declaration";
import * as gaBinding from "../resources/ga/listener-additional-certificate/provider";
import { DECLARATION as GA_BINDING_SET } from "../resources/ga/listener-additional-certificates/declaration";
import * as gaBindingSet from "../resources/ga/listener-additional-certificates/provider";

/** The verbs of a resource's provider object, over the dynamic-provider host's property bags. */
export interface Verbs {
  check(
    olds: PropertyBag,
    news: PropertyBag,
  ): Promise<{ readonly inputs?: object; readonly failures?: readonly { property: string; reason: string }[] }>;
  diff(id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult>;
  create(inputs: PropertyBag): Promise<{ readonly id: string; readonly outs?: object }>;
  read(
    id: string,
    props: PropertyBag,
  ): Promise<{ readonly id?: string; readonly props?: object; readonly inputs?: object }>;
  update(id: string, olds: PropertyBag, news: PropertyBag): Promise<{ readonly outs?: object }>;
  delete(id: string, props: PropertyBag): Promise<void>;
}

/** One resource the native provider serves. */
export interface NativeResource {
  /** Its schema token. */
  readonly token: string;
  /** The class users of the dynamic provider write (`esa.CustomHostname`), for messages. */
  readonly displayName: string;
  readonly verbs: Verbs;
  /** Its input names, in declaration order (what an import returns as inputs when the read rebuilt none). */
  readonly inputs: readonly string[];
  /** The outputs that are not inputs: unknown in a preview's create or update. */
  readonly computed: readonly string[];
  /** The inputs and outputs stored as secrets, whatever the program passed. */
  readonly secrets: readonly string[];
  /** The hidden input carrying the resource's name (GA), filled from the request's URN on every call. */
  readonly nameInput: string | undefined;
}

/** A resource from its declaration and provider object. */
function nativeResource(declaration: ResourceDeclaration, verbs: Verbs): NativeResource {
  return {
    token: schemaToken(declaration),
    displayName: `${declaration.namespace}.${declaration.className}`,
    verbs,
    inputs: inputNames(declaration),
    computed: computedNames(declaration),
    secrets: [...new Set([...secretInputs(declaration), ...secretOutputs(declaration)])],
    nameInput: declaration.nameInput,
  };
}

/** Every resource, in the order of the package's namespaces. */
export const NATIVE_RESOURCES: readonly NativeResource[] = [
  nativeResource(ESA_HOSTNAME, esaHostname),
  nativeResource(CAS_ORDER, casOrder),
  nativeResource(CAS_VALIDATION, casValidation),
  nativeResource(GA_BINDING, gaBinding),
  nativeResource(GA_BINDING_SET, gaBindingSet),
];

/** The resource of a token; an unknown token is an error naming the ones served. */
export function resourceOf(token: string): NativeResource {
  const found = NATIVE_RESOURCES.find((resource) => resource.token === token);
  if (found === undefined) {
    const served = NATIVE_RESOURCES.map((resource) => resource.token).join(", ");
    throw new Error(`the alicloud-certs provider has no resource type ${JSON.stringify(token)} (it serves ${served})`);
  }
  return found;
}
