/**
 * The custom hostname that already holds this resource's name in its site, compared with every input (./match.ts):
 * after an ambiguous CreateCustomHostname (was it ours?), after a name conflict (what to tell the user), and when a
 * create may resume what a lost run made (./resume.ts).
 */
import { type CustomHostnameModel } from "../../../transport/operations/esa";
import { type AlibabaApi } from "../../common/host";
import { findByName, getHostname } from "./api";
import { differingInputs } from "./match";
import { type CustomHostnameInputs } from "./types";

/** What exists under this resource's name in its site; `read` says whether `model` came from a Get (complete). */
export type Existing =
  | { readonly kind: "identical"; readonly model: CustomHostnameModel; readonly read: boolean }
  | {
      readonly kind: "different";
      readonly model: CustomHostnameModel;
      readonly read: boolean;
      readonly differs: readonly string[];
    };

/**
 * Whether comparing with `inputs` needs a Get: a List item has every field except `CasId`, `CertId`, `Certificate`
 * and `PrivateKey` (ESA SDK 2024-09-10 response models), so only an uploaded or CAS certificate needs one.
 */
function comparesCertificate(inputs: CustomHostnameInputs): boolean {
  return inputs.sslFlag === "on" && (inputs.certType === "upload" || inputs.certType === "cas");
}

/**
 * The hostname of this name in the site, compared with every input: ListCustomHostnames alone, + GetCustomHostname
 * when an uploaded or CAS certificate must be compared (a List item lacks it).
 */
export async function existingHostname(api: AlibabaApi, inputs: CustomHostnameInputs): Promise<Existing | undefined> {
  const listed = await findByName(api, inputs.siteId, inputs.hostname);
  if (listed === undefined) return undefined;
  const read = comparesCertificate(inputs);
  const model = read ? await getHostname(api, listed.hostnameId) : listed;
  const differs = differingInputs(model, inputs);
  return differs.length === 0 ? { kind: "identical", model, read } : { kind: "different", model, read, differs };
}
