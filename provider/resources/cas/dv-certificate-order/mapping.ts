/** Pure mapping between the resource's properties and the CAS wire shapes. */
import { type DvCertificateOrderInputs, type DvCertificateOrderOutputs, type DvOrderState } from "./types";
import { plainJson } from "../../common/dynamic";
import {
  type CertificateState,
  type CreateCertificateWithCsrRequestParams,
  type UserCertificateDetail,
  type WireTag,
} from "../../../transport/operations/cas";
import { delegatedRecord, delegationCname } from "./delegation";
import { fullRecordName } from "../issuance";
import { renewalDue } from "./renewal";
import { leafValidity } from "../validity";

/** The CreateCertificateWithCsrRequest parameters for checked inputs (tags sorted by key, so the wire is stable). */
export function toCreateRequest(inputs: DvCertificateOrderInputs): CreateCertificateWithCsrRequestParams {
  const { csr, username, phone, email, validateType } = inputs;
  if (
    csr === undefined ||
    username === undefined ||
    phone === undefined ||
    email === undefined ||
    validateType === undefined
  ) {
    throw new Error("csr, username, phone, email and validateType are required to place an order");
  }
  // Checked inputs at create time are never unknown; a preview-only sentinel would mean no tags here.
  const given = typeof inputs.tags === "object" ? inputs.tags : {};
  const tags: WireTag[] = Object.keys(given)
    .sort()
    .map((key) => ({ Key: key, Value: given[key] ?? "" }));
  return {
    Csr: csr,
    Username: username,
    Phone: phone,
    Email: email,
    ValidateType: validateType,
    ...(inputs.productCode === undefined ? {} : { ProductCode: inputs.productCode }),
    ...(tags.length === 0 ? {} : { Tags: tags }),
  };
}

/** Everything CAS says about an order, ready for the outputs. */
export interface OrderFacts {
  readonly orderId: string;
  readonly commonName: string | undefined;
  readonly state: CertificateState;
  readonly detail: UserCertificateDetail | undefined;
}

/**
 * The outputs: the inputs plus what CAS reports. Validation instructions appear only while they apply, certificate
 * fields only once issued. `PrivateKey` is never kept (CAS has none for CSR orders; if one ever came back it must
 * not land in plaintext state). No value is `undefined` (the host's Struct conversion would fail).
 */
export function toOutputs(
  inputs: DvCertificateOrderInputs,
  facts: OrderFacts,
  previous?: Readonly<Record<string, unknown>>,
): DvCertificateOrderOutputs {
  const { state, detail } = facts;
  const pending = state.type === "domain_verify";
  const issued = state.type === "certificate";
  return withDerivedOutputs(
    {
      ...inputs,
      orderId: facts.orderId,
      state: state.type as DvOrderState,
      commonName: facts.commonName ?? detail?.commonName,
      ...(pending && state.recordDomain !== undefined
        ? {
            recordDomain: fullRecordName(state.recordDomain, facts.commonName),
            recordType: state.recordType,
            recordValue: state.recordValue,
          }
        : {}),
      ...(pending && state.uri !== undefined ? { domain: state.domain, uri: state.uri, content: state.content } : {}),
      ...(issued ? issuedOutputs(state, detail) : {}),
    } as DvCertificateOrderOutputs,
    previous,
  );
}

/**
 * What an issued order records: the chain, the ids, and the validity period. The dates come from the certificate
 * details when CAS gives them, else from the chain's leaf (the two agree; the leaf is the source of both).
 */
function issuedOutputs(
  state: CertificateState,
  detail: UserCertificateDetail | undefined,
): Pick<DvCertificateOrderOutputs, "certificate" | "certId" | "certIdentifier" | "notBefore" | "notAfter"> {
  const leaf = leafValidity(state.certificate);
  const iso = (ms: number | undefined): string | undefined =>
    ms === undefined ? undefined : new Date(ms).toISOString();
  return {
    certificate: state.certificate,
    certId: state.certId,
    certIdentifier: detail?.certIdentifier,
    notBefore: iso(detail?.notBefore) ?? leaf?.notBefore,
    notAfter: iso(detail?.notAfter) ?? leaf?.notAfter,
  } as Pick<DvCertificateOrderOutputs, "certificate" | "certId" | "certIdentifier" | "notBefore" | "notAfter">;
}

/**
 * The outputs computed from other outputs and the behaviour inputs, so an in-place update of `renewBeforeDays` or
 * `validationDelegation` recomputes them without an API call: `renewalDue`, `delegationCname`, `delegatedRecord`.
 * `delegatedRecord` lives as long as its order: CAS stops returning the validation value once the order is issued,
 * so the value recorded for the same order (`previous`) is kept, and a DNS record resource fed from it stays
 * unchanged until a renewal's new order brings a new value.
 */
export function withDerivedOutputs(
  outs: DvCertificateOrderOutputs,
  previous?: Readonly<Record<string, unknown>>,
): DvCertificateOrderOutputs {
  const rest: Record<string, unknown> = { ...outs };
  delete rest["renewalDue"];
  delete rest["delegationCname"];
  delete rest["delegatedRecord"];
  const days = typeof outs.renewBeforeDays === "number" ? outs.renewBeforeDays : undefined;
  const zone = delegationZone(outs.validationDelegation);
  const domain = outs.commonName;
  const delegated = zone !== undefined && domain !== undefined;
  const value = outs.state === "domain_verify" ? outs.recordValue : recordedValue(previous, outs.orderId);
  return plainJson({
    ...rest,
    renewalDue: outs.state === "certificate" ? renewalDue(outs.notBefore, outs.notAfter, days) : undefined,
    delegationCname: delegated ? delegationCname(domain, zone) : undefined,
    delegatedRecord: delegated && value !== undefined ? delegatedRecord(domain, zone, value) : undefined,
  }) as DvCertificateOrderOutputs;
}

/** The validation value recorded for order `orderId` in earlier outputs (its `delegatedRecord` or `recordValue`). */
function recordedValue(previous: Readonly<Record<string, unknown>> | undefined, orderId: string): string | undefined {
  if (previous === undefined || previous["orderId"] !== orderId) return undefined;
  const record = previous["delegatedRecord"];
  if (typeof record === "object" && record !== null) {
    const value = (record as { value?: unknown }).value;
    if (typeof value === "string") return value;
  }
  const plain = previous["recordValue"];
  return typeof plain === "string" ? plain : undefined;
}

/** The zone of a checked `validationDelegation`, or undefined when unset (or unknown at preview). */
export function delegationZone(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const zone = (value as { zone?: unknown }).zone;
  return typeof zone === "string" && zone !== "" ? zone : undefined;
}
