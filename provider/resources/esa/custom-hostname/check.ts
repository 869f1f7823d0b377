/**
 * `check` for `esa.CustomHostname`: every rule the ESA API documents for Create/UpdateCustomHostname (required-when
 * rules, enumerations, id and hostname formats, PEM certificate and key that belong together), reported as
 * per-property failures at preview, with zero API calls. Rules that depend on a value unknown at preview are skipped.
 *
 * Each input is read by the rule `./declaration.ts` declares for it (`common/declared-check.ts`), so a new input of a
 * simple kind needs no line here; what a rule cannot say is a named hook below or the SSL block (`./check-ssl.ts`).
 */
import { type CheckFailure } from "@pulumi/pulumi/dynamic";
import { type CheckReport, isUnknown, quote } from "../../common/check";
import { secretInputs, unquotedInputs } from "../../common/declaration";
import { readInputs, startCheck } from "../../common/declared-check";
import { type PropertyBag } from "../../common/dynamic";
import { withoutRefused } from "../../common/private-keys";
import { checkSsl, SSL_INPUTS, type CheckedSsl } from "./check-ssl";
import { DECLARATION, INPUT_NAMES } from "./declaration";
import { defined } from "./mapping";
import { type CustomHostnameInputs, type WaitFor } from "./types";
import { type ValidityContext } from "./validity";

/** Result of {@link checkInputs}: normalized inputs (may hold the unknown sentinel at preview) and failures. */
export interface CheckedInputs {
  readonly inputs: CustomHostnameInputs;
  readonly failures: readonly CheckFailure[];
}

export { INPUT_NAMES };

/** The one input that may hold a private key: it is documented as secret and stored as a secret output. */
export const SECRET_INPUTS = secretInputs(DECLARATION);

/**
 * Inputs whose value a failure must never bring into the engine's output: the key is secret, and the certificate is
 * stored as a secret output (users pass both through `pulumi.secret`).
 */
export const SENSITIVE_INPUTS = unquotedInputs(DECLARATION);

const given = (value: unknown): boolean => value !== undefined && value !== null && value !== "";

/** The hook of `applyCertificateTrigger`: any string or finite number, kept as a string (a change is what counts). */
function readTrigger(report: CheckReport, property: string, value: unknown): string | undefined {
  if (!given(value)) return undefined;
  if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return String(value);
  report.fail(property, `${property} ${quote(value)} must be a string or a finite number, got ${typeof value}`);
  return undefined;
}

/** The hook of `adoptExisting`: `true` adopts; anything else, unknown at preview included, does not. */
function readAdoption(report: CheckReport, property: string, value: unknown): boolean {
  if (given(value) && typeof value !== "boolean" && !isUnknown(value))
    report.fail(property, `${property} must be true or false, got ${quote(value)}`);
  return value === true;
}

/** `waitFor: "certificateIssued"` needs a certificate, so SSL on. */
function checkWaitFor(report: CheckReport, waitFor: WaitFor, ssl: CheckedSsl): void {
  if (waitFor === "certificateIssued" && ssl.inputs.sslFlag === "off")
    report.fail("waitFor", 'waitFor "certificateIssued" needs sslFlag "on" (there is no certificate with SSL off)');
}

/** `applyCertificateTrigger` re-applies the free certificate, so it needs `certType: "free"` (once that is known). */
function checkTrigger(report: CheckReport, trigger: unknown, ssl: CheckedSsl): void {
  if (!given(trigger) || !ssl.known || isUnknown(trigger) || ssl.effectiveType === "free") return;
  report.fail(
    "applyCertificateTrigger",
    `applyCertificateTrigger ${quote(trigger)} re-applies the free certificate; it needs certType "free" (here ${quote(ssl.effectiveType ?? "none")})`,
  );
}

/**
 * Normalize and validate new inputs. No API call; the clock only through `validity` (given by `check`, never by
 * create or update, so an accepted certificate never fails them later).
 */
export function checkInputs(bag: PropertyBag, validity?: ValidityContext): CheckedInputs {
  const { report, news, refused } = startCheck(DECLARATION, bag);
  const read = readInputs(report, DECLARATION, news, {
    except: SSL_INPUTS,
    hooks: { applyCertificateTrigger: readTrigger, adoptExisting: readAdoption },
  });
  const ssl = checkSsl(report, news, read.hostname, validity);
  checkWaitFor(report, read.waitFor, ssl);
  checkTrigger(report, news["applyCertificateTrigger"], ssl);
  const inputs = defined<CustomHostnameInputs>({
    ...read,
    // A required input that failed: check reports it, and these inputs are never used.
    siteId: read.siteId ?? "",
    hostname: read.hostname ?? "",
    recordId: read.recordId ?? "",
    ...ssl.inputs,
  });
  return { inputs: withoutRefused(inputs, refused), failures: report.failures };
}
