/**
 * Whether a live hostname is exactly what this resource's inputs ask for: every parameter a CreateCustomHostname of
 * these inputs sends (SiteId, Hostname, RecordId, SslFlag, CertType, the uploaded Certificate and PrivateKey up to
 * line breaks, CasId) holds on it. Two uses: a write whose answer was lost is read back (the Update took effect when
 * the live hostname matches its inputs), and the proof that an existing hostname is the one a lost create of this
 * resource made (such a create sends exactly these inputs; see ./resume.ts). Pure, so it is tested over generated
 * models. ESA's Get model has no `CasRegion`, so the CAS region cannot be compared (README: the documented risk).
 */
import { type CustomHostnameModel } from "../../../transport/operations/esa";
import { inputsFromModel, SSL_FIELDS } from "./mapping";
import { type CustomHostnameInputs } from "./types";

/** The inputs this model does not hold as given, in input order (names only: never a value, some are secret). */
export function differingInputs(model: CustomHostnameModel, inputs: CustomHostnameInputs): string[] {
  const live = inputsFromModel(model, inputs);
  const differs: string[] = [];
  // Get always reports the site; a model without one cannot prove it is on the asked-for site.
  if (model.siteId !== inputs.siteId) differs.push("siteId");
  if (model.hostname.toLowerCase() !== inputs.hostname) differs.push("hostname");
  if (live.recordId !== inputs.recordId) differs.push("recordId");
  for (const key of SSL_FIELDS) if ((live[key] ?? undefined) !== (inputs[key] ?? undefined)) differs.push(key);
  return differs;
}

/** True when the live hostname holds every input (see {@link differingInputs}). */
export function matchesInputs(model: CustomHostnameModel, inputs: CustomHostnameInputs): boolean {
  return differingInputs(model, inputs).length === 0;
}
