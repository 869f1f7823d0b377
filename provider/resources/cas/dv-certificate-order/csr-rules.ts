/**
 * The rules a CSR must meet for CreateCertificateWithCsrRequest (seed 003: "The CN field in the CSR file specifies
 * the domain name that is bound to the certificate"; RSA ≥ 2048 or ECC per the API reference notes), each with its
 * source. Pure: the facts come from `./csr`.
 *
 * - Exactly one CN (seed 003 names one domain; CA/Browser Forum Baseline Requirements §7.1.2.7.2: commonName "MUST
 *   contain exactly one entry"). A CSR with two CNs was ordered for the first only.
 * - The CN is at most 64 characters (RFC 5280 Appendix A, `ub-common-name`), so a longer domain cannot be the CN.
 * - Every name (the CN and each DNS subjectAltName) is a DNS name in preferred name syntax with A-labels (RFC 5280
 *   §4.2.1.6 and §7.2; the hostname rules of `../../common/hostname`): it is signed into the CSR, so it cannot be
 *   normalized here; a U-label, an upper-case-only difference aside, must be written as its A-label.
 * - Only DNS subjectAltNames: a DV order validates domain names (IP addresses and e-mail addresses cannot be
 *   validated by DNS or file validation).
 * - At most 100 subjectAltNames (the emulator's limit, chosen: CAS documents none; these products are single-domain
 *   or wildcard certificates, far below it).
 * - Key: RSA of at least 2048 bits or ECC on P-256, P-384 or P-521; the self-signature verifies (RFC 2986 §3: the
 *   requester proves it holds the key).
 * - Wildcard names need a wildcard product and DNS validation (CAs validate wildcards by DNS only: Baseline
 *   Requirements §3.2.2.4.7 and §3.2.2.4.18 exclude wildcards from file-based validation).
 */
import { isUnknown, quote } from "../../common/check";
import { parseHostname } from "../../common/hostname";
import { type CsrFacts } from "./csr";
import { type DvProductCode, WILDCARD_PRODUCT_CODES } from "./types";

/** Most subjectAltNames a CSR may ask for (see the module). */
export const MAX_CSR_NAMES = 100;
/** Longest CN (RFC 5280 Appendix A, `ub-common-name`). */
export const MAX_COMMON_NAME_LENGTH = 64;

/** `CN "a.example.com", SANs "a.example.com, b.example.com"`: what a CSR failure shows (a CSR is public). */
export function describeCsr(facts: CsrFacts): string {
  const cn = facts.commonName === undefined ? "no CN" : `CN ${quote(facts.commonName)}`;
  const names = [...facts.dnsNames, ...facts.otherNames];
  return `${cn}, SANs ${names.length === 0 ? "none" : quote(names.join(", "))}`;
}

/** Why a name the CSR asks for is not one a DV certificate can carry, or undefined. */
function nameProblem(name: string): string | undefined {
  const parsed = parseHostname(name, { allowWildcard: true, allowUnicode: false });
  if ("problem" in parsed) return `asks for ${quote(name)}, which is not a valid DNS name: it ${parsed.problem}`;
  if (parsed.name !== name)
    return `asks for ${quote(name)}, which is not in preferred name syntax (write ${quote(parsed.name)}; RFC 5280 §4.2.1.6)`;
  return undefined;
}

/** The CN rules: exactly one, at most 64 characters. */
function commonNameProblems(facts: CsrFacts): string[] {
  if (facts.commonNames.length === 0 || facts.commonName === undefined)
    return ["has no subject CN; CAS orders the certificate for the CN (seed 003), so set CN=<domain>"];
  if (facts.commonNames.length > 1)
    return [
      `has ${facts.commonNames.length} CN attributes (${quote(facts.commonNames.join(", "))}); CAS orders the certificate for the CN, one domain (seed 003): give exactly one CN and put the other names in subjectAltName (CA/B Forum Baseline Requirements §7.1.2.7.2)`,
    ];
  if (facts.commonName.length > MAX_COMMON_NAME_LENGTH)
    return [
      `has a CN of ${facts.commonName.length} characters; a CN holds at most ${MAX_COMMON_NAME_LENGTH} (RFC 5280 Appendix A, ub-common-name): order a shorter name as the CN`,
    ];
  return [];
}

/** The documented CSR rules that `facts` breaks (empty when CAS would accept it). */
export function csrProblems(
  facts: CsrFacts,
  context: { validateType: string | undefined; productCode: string | undefined },
): string[] {
  const problems = commonNameProblems(facts);
  for (const name of facts.dnsNames) {
    const problem = nameProblem(name);
    if (problem !== undefined) problems.push(problem);
  }
  if (facts.sanCount > MAX_CSR_NAMES)
    problems.push(`asks for ${facts.sanCount} subjectAltNames; at most ${MAX_CSR_NAMES} are accepted`);
  if (facts.otherNames.length > 0)
    problems.push(
      `has subjectAltNames that are not DNS names (${facts.otherNames.join(", ")}); a DV order validates DNS names only`,
    );
  if (!facts.keyAccepted)
    problems.push(
      `has a ${facts.keyDescription} key; CAS requires RSA of at least 2048 bits or ECC (P-256, P-384, P-521)`,
    );
  if (!facts.signatureValid)
    problems.push("is not signed by its own key (its self-signature does not verify; RFC 2986 §3)");
  problems.push(...wildcardProblems(facts, context));
  return problems;
}

/** Wildcard names need a wildcard product and DNS validation. */
function wildcardProblems(
  facts: CsrFacts,
  context: { validateType: string | undefined; productCode: string | undefined },
): string[] {
  if (!facts.dnsNames.some((n) => n.startsWith("*."))) return [];
  const problems: string[] = [];
  const product = context.productCode;
  if (product !== undefined && !isUnknown(product) && !WILDCARD_PRODUCT_CODES.includes(product as DvProductCode)) {
    problems.push(
      `asks for wildcard names but productCode ${quote(product)} is single-domain; wildcard names need one of ${WILDCARD_PRODUCT_CODES.map((c) => `"${c}"`).join(", ")}`,
    );
  } else if (product === undefined) {
    problems.push(
      `asks for wildcard names but the default productCode "digicert-free-1-free" is single-domain; wildcard names need a wildcard productCode`,
    );
  }
  if (context.validateType === "FILE")
    problems.push('asks for wildcard names, which CAs validate by DNS only; use validateType "DNS"');
  return problems;
}
