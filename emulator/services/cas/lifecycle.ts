import type { ServiceContext } from "../../core/contract";
import { certificateFacts, createCa, issueLeaf } from "./model/x509";
import { parseCsr } from "./model/csr";
import { newCertId } from "./model/ids";
import { leafValidityDays, recordValidation } from "./model/issuance-policy";
import type { CasCa, CasOrder, CasState } from "./state";

/** `RecordDomain` of DNS validation: the relative host label, exactly as the doc example shows it. */
export const DNS_RECORD_LABEL = "_dnsauth";
/** `Uri` of FILE validation. */
export const FILE_VALIDATION_URI = "/.well-known/pki-validation/fileauth.txt";

/** The name validation happens on: the CN without a wildcard prefix. */
export function validationDomain(order: CasOrder): string {
  return order.domain.startsWith("*.") ? order.domain.slice(2) : order.domain;
}

/**
 * True when the customer has published the order's validation record. DNS: a TXT with the token at
 * `_dnsauth.<domain>` (the full name a customer creates) or at the bare RecordDomain `_dnsauth` as returned. FILE: the
 * token served at `http(s)://<domain>/.well-known/pki-validation/fileauth.txt`.
 */
export function validationVisible(order: CasOrder, ctx: ServiceContext): boolean {
  const domain = validationDomain(order);
  if (order.validateType === "DNS") {
    return [`${DNS_RECORD_LABEL}.${domain}`, DNS_RECORD_LABEL].some((name) =>
      ctx.records.has("dns", name, "TXT", order.token),
    );
  }
  return ["http", "https"].some((scheme) =>
    ctx.records.has("file", `${scheme}://${domain}${FILE_VALIDATION_URI}`, "FILE", order.token),
  );
}

/** The emulator CA, created (and stored in state) on first use. */
export function ensureCa(state: CasState, nowMs: number): CasCa {
  state.ca ??= createCa(nowMs);
  return state.ca;
}

/**
 * Issue the order's certificate at `atMs` (simulated): a real X.509 leaf for the CSR's key, signed by the emulator
 * CA, valid from the second of issuance for the product's validity capped by the BR maximum in force at `atMs`.
 */
export function issueOrder(state: CasState, order: CasOrder, atMs: number, ctx: ServiceContext): void {
  const ca = ensureCa(state, atMs);
  const csr = parseCsr(order.csr);
  const pem = issueLeaf(ca, {
    spki: csr.spki,
    commonName: order.domain,
    sans: order.sans,
    keyAlgorithm: order.keyAlgorithm,
    notBefore: atMs,
    validityDays: leafValidityDays(state, ctx, order.productCode, atMs),
  });
  const certId = newCertId(state, ctx);
  state.certificates[certId] = {
    certId,
    orderId: order.orderId,
    instanceId: order.instanceId,
    source: "issued",
    name: `cert-${certId}`,
    pem,
    key: "",
    ...certificateFacts(pem),
    revoked: false,
  };
  order.state = "certificate";
  order.certId = certId;
  order.processSince = null;
}

/** True when the order's CA check passes on a reused validation: `casIssueMs` after placement (the CA's latency). */
function reusePasses(order: CasOrder, now: number, ctx: ServiceContext): boolean {
  const reused = order.reusedValidationAt;
  return reused !== undefined && reused !== null && now >= order.createdAt + ctx.timings.casIssueMs;
}

/**
 * Advance every order to `now`: `domain_verify` → `process` once its validation record is visible (the CA records
 * the validation for reuse), then `process` → `certificate` after `timings.casIssueMs`. Issuance is stamped at the
 * moment the review ends (not at the tick), so the outcome does not depend on how often the core ticks.
 */
export function tickOrders(state: CasState, ctx: ServiceContext): boolean {
  const now = ctx.clock.now();
  let changed = false;
  for (const order of Object.values(state.orders)) {
    if (order.state === "domain_verify" && validationVisible(order, ctx)) {
      order.state = "process";
      order.processSince = now;
      recordValidation(state, order, now);
      changed = true;
    } else if (order.state === "domain_verify" && reusePasses(order, now, ctx)) {
      // A reused validation keeps its own date (BR §4.2.1 counts from the validation, not from its reuse).
      order.state = "process";
      order.processSince = order.createdAt + ctx.timings.casIssueMs;
      changed = true;
    }
    if (order.state === "process" && order.processSince !== null) {
      const due = order.processSince + ctx.timings.casIssueMs;
      if (due <= now) {
        changed = true;
        try {
          issueOrder(state, order, due, ctx);
        } catch {
          // Only a hand-edited state file can hold a CSR that no longer parses; the CA rejects such an order
          // instead of failing every later call in the tick.
          order.state = "verify_fail";
          order.processSince = null;
        }
      }
    }
  }
  return changed;
}
