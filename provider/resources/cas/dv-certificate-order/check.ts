/**
 * `check` of `cas.DvCertificateOrder`: every rule CreateCertificateWithCsrRequest documents, with failures naming the
 * property, the value (never a contact detail) and the rule. No API call. Rules that depend on a value still unknown
 * at preview are skipped.
 */
import type * as pulumi from "@pulumi/pulumi";
import { personalInputs } from "../../common/declaration";
import { DECLARATION, INPUT_NAMES } from "./declaration";
import { type DvCertificateOrderInputs, type ValidationDelegation } from "./types";
import {
  isUnknown,
  quote,
  readEnum,
  readHostname,
  readString,
  type CheckReport,
  type Unknown,
} from "../../common/check";
import { readDeclared, readInputs, startCheck } from "../../common/declared-check";
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { closestName } from "../../common/input-names";
import { isWithinZone } from "../../common/hostname";
import { withoutRefused } from "../../common/private-keys";
import { describeType } from "../../common/render";
import { CREATE_TOKEN_KEY } from "./create-token";
import { validatedDomain } from "./delegation";
import { CONTACT, MAX_RENEW_BEFORE_DAYS, TAGS, tagKeyProblem, VALIDATE_TYPES } from "./types";

export { INPUT_NAMES };

/** What CAS stores about a person: a failure names these inputs but never brings their value into the output. */
export const PERSONAL_INPUTS = personalInputs(DECLARATION);

/**
 * The inputs this check reads itself, in its own order: the CSR and contact rules depend on `orderId`, the delegation
 * on the validation type and the CSR's domain. Any other declared input is read by its declared rule.
 */
const READ_HERE = [
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

/** Check and normalize the inputs of one order. */
export async function checkOrder(
  olds: PropertyBag,
  bag: PropertyBag,
): Promise<pulumi.dynamic.CheckResult<DvCertificateOrderInputs>> {
  const { report, news, refused } = startCheck(DECLARATION, bag);
  const orderId = readDeclared(report, DECLARATION, "orderId", news);
  // An adopted order was placed elsewhere: its CSR and contact details are optional and never sent.
  const required = orderId === undefined;
  const validateType = readEnum(report, "validateType", news["validateType"], VALIDATE_TYPES, required);
  const productCode = readDeclared(report, DECLARATION, "productCode", news);
  const { csr, commonName } = await checkCsr(report, olds["csr"], news["csr"], required, {
    validateType,
    productCode,
  });
  const inputs = {
    csr,
    username: checkUsername(report, news["username"], required),
    phone: checkPhone(report, news["phone"], required),
    email: checkEmail(report, news["email"], required),
    validateType,
    productCode,
    tags: checkTags(report, news["tags"]),
    orderId,
    waitForIssuance: readDeclared(report, DECLARATION, "waitForIssuance", news),
    issuanceTimeoutSeconds: readDeclared(report, DECLARATION, "issuanceTimeoutSeconds", news),
    revokeOnDelete: readDeclared(report, DECLARATION, "revokeOnDelete", news),
    renewBeforeDays: checkRenewBeforeDays(report, news["renewBeforeDays"]),
    validationDelegation: checkValidationDelegation(report, news["validationDelegation"], validateType, commonName),
    // Every other declared input, by its value rule: a simple input added to the declaration needs no line here.
    ...readInputs(report, DECLARATION, news, { except: READ_HERE, hooks: {} }),
  };
  return { inputs: withoutRefused(plainJson(inputs) as DvCertificateOrderInputs, refused), failures: report.failures };
}

/** Normalize PEM text: LF line endings, no surrounding blank space, one final newline. */
export function normalizePem(text: string): string {
  return `${text.replace(/\r\n?/g, "\n").trim()}\n`;
}

/** The checked CSR (normalized PEM) and the domain it orders (its CN), when readable. */
interface CheckedCsr {
  readonly csr: string | Unknown | undefined;
  readonly commonName?: string | undefined;
}

async function checkCsr(
  report: CheckReport,
  old: unknown,
  value: unknown,
  required: boolean,
  context: { validateType: string | undefined; productCode: string | undefined },
): Promise<CheckedCsr> {
  const text = readString(report, "csr", value, required);
  if (text === undefined || isUnknown(text)) return { csr: text };
  const pem = normalizePem(text);
  const { inspectCsr } = await import("./csr");
  const { csrProblems, describeCsr } = await import("./csr-rules");
  const facts = await inspectCsr(pem);
  if ("unreadable" in facts) {
    report.fail("csr", `csr ${facts.unreadable}`);
    return { csr: pem };
  }
  for (const problem of csrProblems(facts, context)) report.fail("csr", `csr (${describeCsr(facts)}) ${problem}`);
  const commonName = facts.commonNames.length === 1 ? facts.commonName : undefined;
  // Same key, subject and extensions as the stored CSR: the same order. Keep the stored text so a re-signed CSR
  // (ECDSA signatures change on every signing) is not a replacement.
  if (typeof old === "string" && old !== pem && !isUnknown(old)) {
    const previous = await inspectCsr(normalizePem(old));
    if (!("unreadable" in previous) && previous.identity === facts.identity) return { csr: old, commonName };
  }
  return { csr: pem, commonName };
}

/** Read a personal input: like `readString`, but a value of the wrong type is described, never shown. */
function readPersonal(report: CheckReport, property: string, value: unknown, required: boolean): string | undefined {
  if (value !== undefined && value !== null && value !== "" && !isUnknown(value) && typeof value !== "string") {
    const kind = Array.isArray(value) ? "a list" : `a ${typeof value}`;
    report.fail(property, `${property} (value not shown: personal data) must be a string, got ${kind}`);
    return undefined;
  }
  return readString(report, property, value, required);
}

function checkUsername(report: CheckReport, value: unknown, required: boolean): string | undefined {
  const text = readPersonal(report, "username", value, required);
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
  const text = readPersonal(report, "phone", value, required);
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
  const text = readPersonal(report, "email", value, required);
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
    report.fail("tags", `tags must be a map of strings ({key: value}), got ${describeType(value)} ${quote(value)}`);
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

/** The fields of `validationDelegation`. */
const DELEGATION_FIELDS = ["zone"] as const;

/**
 * `validationDelegation`: `{zone}` with a DNS zone name, only for `validateType: "DNS"`, and only a zone outside the
 * domain the order validates: the customer's CNAME `_dnsauth.<domain>` → `<label>.<zone>` delegates the CA's lookup
 * to a zone the platform controls (`./delegation`); a zone inside the customer's own domain delegates nothing and
 * would make the platform write TXT records into the customer's zone. A field other than `zone` is a mistake, not
 * something to drop silently.
 */
export function checkValidationDelegation(
  report: CheckReport,
  value: unknown,
  validateType: string | undefined,
  commonName?: string,
): ValidationDelegation | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value !== "object" || Array.isArray(value)) {
    report.fail(
      "validationDelegation",
      `validationDelegation must be an object {zone: "<dns zone>"}, got ${describeType(value)} ${quote(value)}`,
    );
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(fields)) {
    if ((DELEGATION_FIELDS as readonly string[]).includes(key) || item === undefined) continue;
    const suggestion = closestName(key, DELEGATION_FIELDS);
    report.fail(
      `validationDelegation.${key}`,
      `validationDelegation has the field ${JSON.stringify(key)}, which it does not take${suggestion === undefined ? "" : `; did you mean "${suggestion}"?`} (fields: ${DELEGATION_FIELDS.join(", ")})`,
    );
  }
  const raw = fields["zone"];
  if (isUnknown(raw)) return { zone: raw };
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
  const domain = commonName === undefined ? undefined : validatedDomain(commonName);
  if (domain !== undefined && isWithinZone(zone, domain)) {
    report.fail(
      "validationDelegation.zone",
      `validationDelegation.zone ${quote(zone)} lies inside ${quote(domain)}, the domain the order validates: the delegation target must be a zone the platform controls, outside the customer's domain (the CNAME _dnsauth.${domain} would point back into the customer's own zone)`,
    );
  } else if (domain !== undefined && isWithinZone(domain, zone)) {
    report.fail(
      "validationDelegation.zone",
      `validationDelegation.zone ${quote(zone)} contains ${quote(domain)}, the domain the order validates: whoever holds that zone holds the domain's own validation record too, so there is nothing to delegate; the zone must lie outside the customer's domain`,
    );
  }
  return { zone };
}
