/**
 * `check` of `cas.DvCertificateOrder`: every rule CreateCertificateWithCsrRequest documents, with failures naming the
 * property, the value (never a contact detail) and the rule. No API call. Rules that depend on a value still unknown
 * at preview are skipped.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
  COMPUTED_OUTPUT_NAMES,
  type DvCertificateOrderInputs,
  type DvProductCode,
  type ValidationDelegation,
} from "./types";
import {
  CheckReport,
  isUnknown,
  quote,
  readBoolean,
  readEnum,
  readHostname,
  readId,
  readString,
  readTimeoutSeconds,
  type Unknown,
} from "../../common/check";
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { rejectUnknownInputs } from "../../common/input-names";
import { CREATE_TOKEN_KEY } from "./create-token";
import { type CsrFacts } from "./csr";
import {
  BEHAVIOUR_DEFAULTS,
  CONTACT,
  MAX_ISSUANCE_TIMEOUT_SECONDS,
  MAX_RENEW_BEFORE_DAYS,
  PRODUCT_CODES,
  TAGS,
  tagKeyProblem,
  VALIDATE_TYPES,
  WILDCARD_PRODUCT_CODES,
} from "./types";

/** Every input of `DvCertificateOrderArgs`: a key outside these (and the outputs) is a misspelling. */
export const INPUT_NAMES = [
  "csr",
  "username",
  "phone",
  "email",
  "validateType",
  "productCode",
  "tags",
  "orderId",
  "waitForIssuance",
  "issuanceTimeoutSeconds",
  "revokeOnDelete",
  "renewBeforeDays",
  "validationDelegation",
] as const;

/** What CAS stores about a person: a failure names these inputs but never brings their value into the output. */
export const PERSONAL_INPUTS = ["username", "phone", "email"] as const;

/** Check and normalize the inputs of one order. */
export async function checkOrder(
  olds: PropertyBag,
  news: PropertyBag,
): Promise<pulumi.dynamic.CheckResult<DvCertificateOrderInputs>> {
  const report = new CheckReport({ sensitive: PERSONAL_INPUTS });
  rejectUnknownInputs(report, news, { inputs: INPUT_NAMES, outputs: COMPUTED_OUTPUT_NAMES });
  const orderId = readId(report, "orderId", news["orderId"], false);
  // An adopted order was placed elsewhere: its CSR and contact details are optional and never sent.
  const required = orderId === undefined;
  const validateType = readEnum(report, "validateType", news["validateType"], VALIDATE_TYPES, required);
  const productCode = readEnum(report, "productCode", news["productCode"], PRODUCT_CODES, false);
  const csr = await checkCsr(report, olds["csr"], news["csr"], required, { validateType, productCode });
  const inputs = {
    csr,
    username: checkUsername(report, news["username"], required),
    phone: checkPhone(report, news["phone"], required),
    email: checkEmail(report, news["email"], required),
    validateType,
    productCode,
    tags: checkTags(report, news["tags"]),
    orderId,
    waitForIssuance:
      readBoolean(report, "waitForIssuance", news["waitForIssuance"]) ?? BEHAVIOUR_DEFAULTS.waitForIssuance,
    issuanceTimeoutSeconds:
      readTimeoutSeconds(
        report,
        "issuanceTimeoutSeconds",
        news["issuanceTimeoutSeconds"],
        MAX_ISSUANCE_TIMEOUT_SECONDS,
      ) ?? BEHAVIOUR_DEFAULTS.issuanceTimeoutSeconds,
    revokeOnDelete: readBoolean(report, "revokeOnDelete", news["revokeOnDelete"]) ?? BEHAVIOUR_DEFAULTS.revokeOnDelete,
    renewBeforeDays: checkRenewBeforeDays(report, news["renewBeforeDays"]),
    validationDelegation: checkValidationDelegation(report, news["validationDelegation"], validateType),
  };
  return { inputs: plainJson(inputs) as DvCertificateOrderInputs, failures: report.failures };
}

/** Normalize PEM text: LF line endings, no surrounding blank space, one final newline. */
export function normalizePem(text: string): string {
  return `${text.replace(/\r\n?/g, "\n").trim()}\n`;
}

async function checkCsr(
  report: CheckReport,
  old: unknown,
  value: unknown,
  required: boolean,
  context: { validateType: string | undefined; productCode: string | undefined },
): Promise<string | undefined> {
  const text = readString(report, "csr", value, required);
  if (text === undefined || isUnknown(text)) return text;
  const pem = normalizePem(text);
  const { inspectCsr } = await import("./csr");
  const facts = await inspectCsr(pem);
  if ("unreadable" in facts) {
    report.fail("csr", `csr ${facts.unreadable}`);
    return pem;
  }
  for (const problem of csrProblems(facts, context)) report.fail("csr", `csr (${describeCsr(facts)}) ${problem}`);
  // Same key, subject and extensions as the stored CSR: the same order. Keep the stored text so a re-signed CSR
  // (ECDSA signatures change on every signing) is not a replacement.
  if (typeof old === "string" && old !== pem && !isUnknown(old)) {
    const previous = await inspectCsr(normalizePem(old));
    if (!("unreadable" in previous) && previous.identity === facts.identity) return old;
  }
  return pem;
}

/** `CN "a.example.com", SANs "a.example.com, b.example.com"`: what a CSR failure shows (a CSR is public). */
export function describeCsr(facts: CsrFacts): string {
  const cn = facts.commonName === undefined ? "no CN" : `CN ${quote(facts.commonName)}`;
  const names = [...facts.dnsNames, ...facts.otherNames];
  return `${cn}, SANs ${names.length === 0 ? "none" : quote(names.join(", "))}`;
}

/** The documented CSR rules that `facts` breaks (empty when CAS would accept it). */
export function csrProblems(
  facts: CsrFacts,
  context: { validateType: string | undefined; productCode: string | undefined },
): string[] {
  const problems: string[] = [];
  if (facts.commonName === undefined)
    problems.push("has no subject CN; CAS orders the certificate for the CN, so set CN=<domain>");
  for (const name of facts.dnsNames) {
    const probe = new CheckReport();
    if (readHostname(probe, "name", name, { required: true, allowWildcard: true }) === undefined) {
      problems.push(`asks for ${quote(name)}, which is not a valid DNS name (a DV certificate covers DNS names only)`);
    }
  }
  if (facts.otherNames.length > 0)
    problems.push(
      `has subjectAltNames that are not DNS names (${facts.otherNames.join(", ")}); a DV order validates DNS names only`,
    );
  if (!facts.keyAccepted)
    problems.push(
      `has a ${facts.keyDescription} key; CAS requires RSA of at least 2048 bits or ECC (P-256, P-384, P-521)`,
    );
  if (!facts.signatureValid) problems.push("is not signed by its own key (its self-signature does not verify)");
  const wildcards = facts.dnsNames.filter((n) => n.startsWith("*."));
  if (wildcards.length > 0) {
    const product = context.productCode;
    if (product !== undefined && !isUnknown(product) && !WILDCARD_PRODUCT_CODES.includes(product as DvProductCode)) {
      problems.push(
        `asks for wildcard names but productCode ${quote(product)} is single-domain; use one of ${WILDCARD_PRODUCT_CODES.map((c) => `"${c}"`).join(", ")}`,
      );
    } else if (product === undefined) {
      problems.push(
        `asks for wildcard names but the default productCode "digicert-free-1-free" is single-domain; set a wildcard productCode`,
      );
    }
    if (context.validateType === "FILE")
      problems.push('asks for wildcard names, which CAs validate by DNS only; use validateType "DNS"');
  }
  return problems;
}

function checkUsername(report: CheckReport, value: unknown, required: boolean): string | undefined {
  const text = readString(report, "username", value, required);
  if (text === undefined || isUnknown(text)) return text;
  if (text.length === 0 || text.length > CONTACT.maxUsernameLength) {
    report.fail(
      "username",
      `username (${text.length} characters) must be 1 to ${CONTACT.maxUsernameLength} characters`,
    );
  }
  return text;
}

function checkPhone(report: CheckReport, value: unknown, required: boolean): string | undefined {
  const text = readString(report, "phone", value, required);
  if (text === undefined || isUnknown(text)) return text;
  const phone = text.replace(/[\s-]/g, "");
  if (!CONTACT.phone.test(phone)) {
    report.fail(
      "phone",
      `phone (value not shown: personal data, ${phone.length} characters) must be 5 to 20 digits, optionally starting with +`,
    );
  }
  return phone;
}

function checkEmail(report: CheckReport, value: unknown, required: boolean): string | undefined {
  const text = readString(report, "email", value, required);
  if (text === undefined || isUnknown(text)) return text;
  if (text.length > CONTACT.maxEmailLength || !CONTACT.email.test(text)) {
    report.fail(
      "email",
      `email (value not shown: personal data, ${text.length} characters) must be an address like name@example.com of at most ${CONTACT.maxEmailLength} characters`,
    );
  }
  return text;
}

function checkTags(report: CheckReport, value: unknown): Record<string, string> | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value !== "object" || Array.isArray(value)) {
    report.fail(
      "tags",
      `tags must be a map of strings ({key: value}), got ${Array.isArray(value) ? "an array" : typeof value}`,
    );
    return undefined;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  // One of the API's tags is the create token (`./create-token`), which finds the order again after a lost run.
  if (entries.length > TAGS.maxCount - 1)
    report.fail(
      "tags",
      `tags has ${entries.length} entries; at most ${TAGS.maxCount - 1} are allowed (the API takes ${TAGS.maxCount}, one is the provider's ${CREATE_TOKEN_KEY})`,
    );
  const tags: Record<string, string> = {};
  for (const [key, item] of entries) {
    const keyProblem =
      key === CREATE_TOKEN_KEY ? "is reserved: the provider sets it on every order" : tagKeyProblem(key);
    if (keyProblem !== undefined) report.fail("tags", `tags key ${quote(key)} ${keyProblem}`);
    if (isUnknown(item)) {
      tags[key] = item;
    } else if (typeof item !== "string") {
      report.fail("tags", `tags[${quote(key)}] must be a string, got ${typeof item}`);
    } else if (item.length > TAGS.maxValueLength) {
      report.fail(
        "tags",
        `tags[${quote(key)}] value ${quote(item)} has ${item.length} characters; at most ${TAGS.maxValueLength} are allowed`,
      );
    } else {
      tags[key] = item;
    }
  }
  return tags;
}

/**
 * `renewBeforeDays`: a whole number of days from 0 (renewal off) to {@link MAX_RENEW_BEFORE_DAYS}; unset (undefined)
 * renews when one third of the certificate's lifetime remains (`./renewal`). A value at or above the lifetime is
 * legal here (check cannot know the lifetime): diff falls back to one third of it and warns.
 */
export function checkRenewBeforeDays(report: CheckReport, value: unknown): number | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_RENEW_BEFORE_DAYS) {
    report.fail(
      "renewBeforeDays",
      `renewBeforeDays ${quote(value)} must be a whole number of days from 0 (renewal off) to ${MAX_RENEW_BEFORE_DAYS}`,
    );
    return undefined;
  }
  return value;
}

/** The longest zone that still fits `<36-character label>.<zone>` into a 253-character DNS name. */
const MAX_DELEGATION_ZONE_LENGTH = 253 - 37;

/** `validationDelegation`: `{zone}` with a DNS zone name, and only for `validateType: "DNS"`. */
export function checkValidationDelegation(
  report: CheckReport,
  value: unknown,
  validateType: string | undefined,
): ValidationDelegation | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value !== "object" || Array.isArray(value)) {
    report.fail(
      "validationDelegation",
      `validationDelegation must be an object {zone: "<dns zone>"}, got ${Array.isArray(value) ? "an array" : typeof value}`,
    );
    return undefined;
  }
  const raw = (value as { zone?: unknown }).zone;
  if (isUnknown(raw)) return value as ValidationDelegation;
  const zone = readHostname(report, "validationDelegation.zone", raw, { required: true, allowWildcard: false });
  if (validateType !== undefined && !isUnknown(validateType) && validateType !== "DNS") {
    report.fail(
      "validationDelegation",
      `validationDelegation works with DNS validation only (the CA follows a CNAME for its TXT lookup); validateType is ${quote(validateType)}`,
    );
  }
  if (zone === undefined || isUnknown(zone)) return undefined;
  if (zone.length > MAX_DELEGATION_ZONE_LENGTH) {
    report.fail(
      "validationDelegation.zone",
      `validationDelegation.zone ${quote(zone)} has ${zone.length} characters; at most ${MAX_DELEGATION_ZONE_LENGTH} leave room for the 36-character delegation label within DNS's 253`,
    );
  }
  return { zone };
}
