/**
 * The SSL block of `esa.CustomHostname` (`sslFlag`, `certType`, and the certificate inputs of the chosen type), read as
 * one hook of `check`: which inputs apply depends on `sslFlag` and `certType` (ESA API seeds 001 and 002: `CertType`
 * is required when SSL is on; `Certificate` and `PrivateKey` go with `upload`, `CasId` and `CasRegion` with `cas`), so
 * the rules span them. Each input is still read by its declared value rule (`readDeclared`), `privateKey` by its hook.
 */
import {
  describeSecret,
  isUnknown,
  quote,
  type CheckReport,
  type Unknown,
  CERT_IDENTIFIER,
  MAX_ID,
} from "../../common/check";
import { readDeclared } from "../../common/declared-check";
import { UNKNOWN, type PropertyBag } from "../../common/dynamic";
import { DECLARATION } from "./declaration";
import { parseChain, parsePrivateKey, uploadProblems } from "./pem";
import { CAS_REGIONS, CERT_TYPES, type CasRegion, type CertType, type CustomHostnameInputs } from "./types";
import { checkValidity, type ValidityContext } from "./validity";

/** The inputs of the SSL block, which {@link checkSsl} reads. */
export const SSL_INPUTS = [
  "sslFlag",
  "certType",
  "certificate",
  "privateKey",
  "casId",
  "casRegion",
  "certIdentifier",
] as const;

/** The SSL block as checked: its normalized inputs, and whether `sslFlag` and `certType` are known yet (preview). */
export interface CheckedSsl {
  readonly inputs: Pick<CustomHostnameInputs, (typeof SSL_INPUTS)[number]>;
  /** `certType` in effect: none with SSL off. */
  readonly effectiveType: CertType | Unknown | undefined;
  /** Both `sslFlag` and `certType` are known (false at preview while one is unknown). */
  readonly known: boolean;
}

/** `{[key]: value}` when the value is set, else `{}` (outputs must not hold `undefined`). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const known = (value: unknown): boolean => value !== undefined && !isUnknown(value);
const given = (value: unknown): boolean => value !== undefined && value !== null && value !== "";

/** The hook of `privateKey`: a PEM string, trimmed, read without ever quoting it. */
export function readPrivateKey(report: CheckReport, property: string, value: unknown): string | undefined {
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
  const certIdentifier = readDeclared(report, DECLARATION, "certIdentifier", news);
  let casId = readDeclared(report, DECLARATION, "casId", news);
  let casRegion = readDeclared(report, DECLARATION, "casRegion", news);
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
    ...opt("casId", readDeclared(report, DECLARATION, "casId", news)),
    ...opt("casRegion", readDeclared(report, DECLARATION, "casRegion", news)),
    ...opt("certIdentifier", readDeclared(report, DECLARATION, "certIdentifier", news)),
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

/**
 * The SSL block's rules: `sslFlag` defaults to `"on"` when a `certType` is given, `"off"` otherwise; `certType` needs
 * SSL on and is required with it; the inputs of another certificate type are refused, not dropped; an upload needs a
 * certificate and its key that belong together (`./pem`) and, when `validity` is given (check, not create or update),
 * a certificate valid now (`./validity`); a CAS certificate is `casId` + `casRegion` or `certIdentifier`.
 */
export function checkSsl(
  report: CheckReport,
  news: PropertyBag,
  hostname: string | undefined,
  validity: ValidityContext | undefined,
): CheckedSsl {
  const certType = readDeclared(report, DECLARATION, "certType", news);
  const sslFlag = readDeclared(report, DECLARATION, "sslFlag", news) ?? (given(news["certType"]) ? "on" : "off");
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

  const certificate = readDeclared(report, DECLARATION, "certificate", news);
  const privateKey = readPrivateKey(report, "privateKey", news["privateKey"]);
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
  return {
    inputs: {
      sslFlag,
      ...opt("certType", effectiveType),
      ...(effectiveType === "upload" || typePending
        ? { ...opt("certificate", certificate), ...opt("privateKey", privateKey) }
        : {}),
      ...cas,
    },
    effectiveType,
    known: sslKnown && typeKnown,
  };
}
