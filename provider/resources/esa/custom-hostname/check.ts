/**
 * `check` for `esa.CustomHostname`: every rule the ESA API documents for Create/UpdateCustomHostname (required-when
 * rules, enumerations, id and hostname formats, PEM certificate and key that belong together), reported as
 * per-property failures at preview, with zero API calls. Rules that depend on a value unknown at preview are skipped.
 */
import { type CheckFailure } from "@pulumi/pulumi/dynamic";
import {
  CheckReport,
  describeSecret,
  isUnknown,
  quote,
  readEnum,
  readHostname,
  readId,
  readTimeoutSeconds,
  readString,
  CERT_IDENTIFIER,
  MAX_ID,
} from "../../common/check";
import { UNKNOWN, type PropertyBag } from "../../common/dynamic";
import { rejectUnknownInputs } from "../../common/input-names";
import { secretInputs, unquotedInputs } from "../../common/declaration";
import { COMPUTED_KEYS, DECLARATION, INPUT_NAMES } from "./declaration";
import {
  CAS_REGIONS,
  CERT_TYPES,
  DEFAULT_WAIT_TIMEOUT_SECONDS,
  MAX_WAIT_TIMEOUT_SECONDS,
  SSL_FLAGS,
  WAIT_FOR_VALUES,
  type CasRegion,
  type CertType,
  type CustomHostnameInputs,
} from "./types";
import { parseChain, parsePrivateKey, uploadProblems } from "./pem";
import { screenPrivateKeys, withoutRefused } from "../../common/private-keys";
import { checkValidity, type ValidityContext } from "./validity";

/** Result of {@link checkInputs}: normalized inputs (may hold the unknown sentinel at preview) and failures. */
export interface CheckedInputs {
  readonly inputs: CustomHostnameInputs;
  readonly failures: readonly CheckFailure[];
}

/** `{[key]: value}` when the value is set, else `{}` (outputs must not hold `undefined`). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const known = (value: unknown): boolean => value !== undefined && !isUnknown(value);
const given = (value: unknown): boolean => value !== undefined && value !== null && value !== "";

/** Read the secret key input without ever quoting it. */
function readSecret(report: CheckReport, property: string, value: unknown): string | undefined {
  if (!given(value)) return undefined;
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value !== "string") {
    report.fail(property, `${property} ${describeSecret(value)} must be a PEM string, got ${typeof value}`);
    return undefined;
  }
  return value.trim();
}

/**
 * Upload rules (`./pem`): both PEMs hold exactly what they should, the key belongs to the leaf, the chain is in order,
 * and the leaf covers the hostname. Expiry is `./validity`'s rule, applied only to a new or changed certificate.
 */
function checkUpload(report: CheckReport, certificate: string, privateKey: string, hostname: string | undefined): void {
  const chain = isUnknown(certificate) ? undefined : parseChain(certificate);
  if (typeof chain === "string") report.fail("certificate", `certificate ${chain}`);
  const key = isUnknown(privateKey) ? undefined : parsePrivateKey(privateKey);
  if (typeof key === "string") report.fail("privateKey", `privateKey ${describeSecret(privateKey)} ${key}`);
  if (chain === undefined || typeof chain === "string" || typeof key === "string") return;
  const covering = hostname === undefined || isUnknown(hostname) ? undefined : hostname;
  for (const problem of uploadProblems(chain, key, covering, describeSecret(privateKey)))
    report.fail(problem.property, problem.reason);
}

/** CAS rules: `certIdentifier` (`<casId>-<casRegion>`) or `casId` + `casRegion`, consistent when both are given. */
function checkCas(
  report: CheckReport,
  news: PropertyBag,
): { casId?: string; casRegion?: CasRegion; certIdentifier?: string } {
  const certIdentifier = readString(report, "certIdentifier", news["certIdentifier"], false);
  let casId = readId(report, "casId", news["casId"], false);
  let casRegion = readEnum(report, "casRegion", news["casRegion"], CAS_REGIONS, false);
  if (certIdentifier !== undefined && known(certIdentifier)) {
    const match = CERT_IDENTIFIER.exec(certIdentifier);
    const [, idPart, regionPart] = match ?? [];
    if (idPart === undefined || regionPart === undefined) {
      report.fail(
        "certIdentifier",
        `certIdentifier ${quote(certIdentifier)} must be a CAS CertIdentifier "<casId>-<region>", e.g. "12345678-cn-hangzhou"`,
      );
    } else if (!(CAS_REGIONS as readonly string[]).includes(regionPart)) {
      report.fail(
        "certIdentifier",
        `certIdentifier ${quote(certIdentifier)} names region "${regionPart}"; ESA takes CAS certificates from ${CAS_REGIONS.map((r) => `"${r}"`).join(" or ")}`,
      );
    } else if (BigInt(idPart) > MAX_ID) {
      report.fail(
        "certIdentifier",
        `certIdentifier ${quote(certIdentifier)} has a casId above 2^63 - 1, the largest CAS id (CasId is an integer, seed 002)`,
      );
    } else {
      if (known(casId) && casId !== idPart)
        report.fail(
          "casId",
          `casId ${quote(casId)} disagrees with certIdentifier ${quote(certIdentifier)}; give one of them`,
        );
      if (known(casRegion) && casRegion !== regionPart)
        report.fail(
          "casRegion",
          `casRegion ${quote(casRegion)} disagrees with certIdentifier ${quote(certIdentifier)}; give one of them`,
        );
      casId = idPart;
      casRegion = regionPart as CasRegion;
    }
  }
  if (casId === undefined && !given(news["casId"]) && !isUnknown(certIdentifier))
    report.fail("casId", 'casId (or certIdentifier) is required when certType is "cas"');
  if (casRegion === undefined && !given(news["casRegion"]) && !isUnknown(certIdentifier))
    report.fail(
      "casRegion",
      `casRegion (or certIdentifier) is required when certType is "cas": ${CAS_REGIONS.map((r) => `"${r}"`).join(" or ")}`,
    );
  return { ...opt("casId", casId), ...opt("casRegion", casRegion), ...opt("certIdentifier", certIdentifier) };
}

/** While the certificate type is unknown (preview), keep the CAS fields, checking only their own format. */
function passThroughCas(
  report: CheckReport,
  news: PropertyBag,
): { casId?: string; casRegion?: CasRegion; certIdentifier?: string } {
  return {
    ...opt("casId", readId(report, "casId", news["casId"], false)),
    ...opt("casRegion", readEnum(report, "casRegion", news["casRegion"], CAS_REGIONS, false)),
    ...opt("certIdentifier", readString(report, "certIdentifier", news["certIdentifier"], false)),
  };
}

/** Fields that belong to another certificate type are a mistake, not something to drop silently. */
function rejectForeignFields(
  report: CheckReport,
  news: PropertyBag,
  certType: CertType | undefined,
  sslOn: boolean,
): void {
  const describe = sslOn ? `certType is ${quote(certType)}` : 'sslFlag is "off"';
  if (certType !== "upload") {
    for (const property of ["certificate", "privateKey"]) {
      if (given(news[property]) && !isUnknown(news[property]))
        report.fail(property, `${property} is used only when certType is "upload" (here ${describe})`);
    }
  }
  if (certType !== "cas") {
    for (const property of ["casId", "casRegion", "certIdentifier"]) {
      if (given(news[property]) && !isUnknown(news[property]))
        report.fail(
          property,
          `${property} ${quote(news[property])} is used only when certType is "cas" (here ${describe})`,
        );
    }
  }
}

export { INPUT_NAMES };

/** The one input that may hold a private key: it is documented as secret and stored as a secret output. */
export const SECRET_INPUTS = secretInputs(DECLARATION);

/**
 * Inputs whose value a failure must never bring into the engine's output: the key is secret, and the certificate is
 * stored as a secret output (users pass both through `pulumi.secret`).
 */
export const SENSITIVE_INPUTS = unquotedInputs(DECLARATION);

/**
 * Normalize and validate new inputs. No API call; the clock only through `validity` (given by `check`, never by
 * create or update, so an accepted certificate never fails them later).
 */
export function checkInputs(bag: PropertyBag, validity?: ValidityContext): CheckedInputs {
  const report = new CheckReport({ sensitive: SENSITIVE_INPUTS });
  const { news, refused } = screenPrivateKeys(report, bag, SECRET_INPUTS);
  rejectUnknownInputs(report, news, { inputs: INPUT_NAMES, outputs: COMPUTED_KEYS });
  const siteId = readId(report, "siteId", news["siteId"], true);
  const hostname = readHostname(report, "hostname", news["hostname"], { required: true, allowWildcard: true });
  const recordId = readId(report, "recordId", news["recordId"], true);
  const certType = readEnum(report, "certType", news["certType"], CERT_TYPES, false);
  const sslFlag =
    readEnum(report, "sslFlag", news["sslFlag"], SSL_FLAGS, false) ?? (given(news["certType"]) ? "on" : "off");
  const sslKnown = !isUnknown(sslFlag);
  const typeKnown = !isUnknown(certType);

  if (sslFlag === "off" && certType !== undefined && typeKnown) {
    report.fail(
      "certType",
      `certType ${quote(certType)} needs sslFlag "on" (sslFlag is "off"); remove certType or turn SSL on`,
    );
  }
  if (sslFlag === "on" && !given(news["certType"])) {
    report.fail("certType", `certType is required when sslFlag is "on": ${CERT_TYPES.map((t) => `"${t}"`).join(", ")}`);
  }
  const effectiveType = sslFlag === "off" ? undefined : certType;
  if (sslKnown && typeKnown) rejectForeignFields(report, news, effectiveType, sslFlag === "on");

  const certificate = readString(report, "certificate", news["certificate"], false);
  const privateKey = readSecret(report, "privateKey", news["privateKey"]);
  if (effectiveType === "upload") {
    if (certificate === undefined)
      report.fail("certificate", 'certificate (PEM) is required when certType is "upload"');
    if (privateKey === undefined)
      report.fail("privateKey", 'privateKey (PEM, secret) is required when certType is "upload"');
    if (certificate !== undefined && privateKey !== undefined) checkUpload(report, certificate, privateKey, hostname);
    if (validity !== undefined) checkValidity(report, certificate, validity);
  }
  const typePending = !sslKnown || !typeKnown;
  const cas = effectiveType === "cas" ? checkCas(report, news) : typePending ? passThroughCas(report, news) : {};

  const waitFor = readEnum(report, "waitFor", news["waitFor"], WAIT_FOR_VALUES, false) ?? "none";
  if (waitFor === "certificateIssued" && sslFlag === "off") {
    report.fail("waitFor", 'waitFor "certificateIssued" needs sslFlag "on" (there is no certificate with SSL off)');
  }
  const waitTimeoutSeconds =
    readTimeoutSeconds(report, "waitTimeoutSeconds", news["waitTimeoutSeconds"], MAX_WAIT_TIMEOUT_SECONDS) ??
    DEFAULT_WAIT_TIMEOUT_SECONDS;

  const trigger = news["applyCertificateTrigger"];
  let applyCertificateTrigger: string | undefined;
  if (given(trigger)) {
    if (typeof trigger === "string" || (typeof trigger === "number" && Number.isFinite(trigger)))
      applyCertificateTrigger = String(trigger);
    else
      report.fail(
        "applyCertificateTrigger",
        `applyCertificateTrigger ${quote(trigger)} must be a string or a finite number, got ${typeof trigger}`,
      );
    if (typeKnown && sslKnown && !isUnknown(trigger) && effectiveType !== "free") {
      report.fail(
        "applyCertificateTrigger",
        `applyCertificateTrigger ${quote(trigger)} re-applies the free certificate; it needs certType "free" (here ${quote(effectiveType ?? "none")})`,
      );
    }
  }
  const adopt = news["adoptExisting"];
  if (given(adopt) && typeof adopt !== "boolean" && !isUnknown(adopt))
    report.fail("adoptExisting", `adoptExisting must be true or false, got ${quote(adopt)}`);

  const inputs: CustomHostnameInputs = {
    siteId: siteId ?? "",
    hostname: hostname ?? "",
    recordId: recordId ?? "",
    sslFlag,
    ...opt("certType", effectiveType),
    ...(effectiveType === "upload" || typePending
      ? { ...opt("certificate", certificate), ...opt("privateKey", privateKey) }
      : {}),
    ...cas,
    waitFor,
    waitTimeoutSeconds,
    ...opt("applyCertificateTrigger", applyCertificateTrigger),
    adoptExisting: adopt === true,
  };
  return { inputs: withoutRefused(inputs, refused), failures: report.failures };
}
