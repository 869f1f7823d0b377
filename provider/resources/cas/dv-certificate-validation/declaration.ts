/**
 * The declaration of `cas.DvCertificateValidation` (reads of CAS API 2020-04-07: DescribeCertificateState,
 * GetUserCertificateDetail): every input and output, once. The public `../dv-certificate-validation.ts`, the schema
 * and `docs/reference/cas-dv-certificate-validation.md` are generated from it (`npm run generate`); check and diff
 * read their lists from it.
 */
import {
  declaredSets,
  INTEGER_SCHEMA,
  STRING_SCHEMA,
  typeRef,
  type ResourceDeclaration,
} from "../../common/declaration";
import { type Unknown } from "../../common/check";
import { hookValue, ID_VALUE, timeoutValue } from "../../common/value-rules";
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, type DelegationCname } from "./types";

/** `cas.DvCertificateValidation`. */
export const DECLARATION = {
  namespace: "cas",
  className: "DvCertificateValidation",
  storedType: "CasDvCertificateValidation",
  typeConstant: "DV_CERTIFICATE_VALIDATION_TYPE",
  providerName: "dvCertificateValidationProvider",
  providerType: "pulumi.dynamic.ResourceProvider",
  folder: "cas/dv-certificate-validation",
  moduleDoc:
    "`cas.DvCertificateValidation`: waits until a `cas.DvCertificateOrder` is issued (the pattern of Terraform's `aws_acm_certificate_validation`), so one `pulumi up` can place the order, publish its validation record with any DNS provider's record resource, wait here, and serve the certificate.",
  argsDoc: "Arguments of {@link DvCertificateValidation}.",
  providerDoc:
    "The provider: the exports of `./dv-certificate-validation/provider`, so `__provider` is one `require` of `dist/provider/resources/cas/dv-certificate-validation/provider.js` (stored state, never moved).",
  classDoc: [
    "Waits until a CAS DV order is issued and gives the certificate. Order it after the resources that publish the validation record (`dependsOn`), so the CA can find the record while this waits.",
    "",
    "Type token (stored state, never renamed): `pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateValidation` ({@link DV_CERTIFICATE_VALIDATION_TYPE}); provider entry `dist/provider/resources/cas/dv-certificate-validation/provider.js`. The id is the OrderId.",
    "",
    "API calls per operation (reads only; it never writes):",
    "- check, diff: none.",
    "- create: DescribeCertificateState per poll (the shared waiter, with progress lines) until issued, then GetUserCertificateDetail. While DNS validation is pending without `delegationCname`, one ListUserCertificateOrder to name the record in full. A timeout or `verify_fail` is a partial failure; the next `up` waits again.",
    "- read (refresh): DescribeCertificateState (+ GetUserCertificateDetail when issued); the waiter is gone when the order is.",
    "- update: none when issued; otherwise the wait of create, on the same order.",
    "- delete: none.",
  ],
  constructorDoc: [
    "Wait for the order `args.orderId` to be issued.",
    "@param name the unique resource name",
    "@param args see {@link DvCertificateValidationArgs}",
    "@param opts resource options; put the DNS record resources in `dependsOn`",
  ],
  publicTypes: ["DvCertificateValidationInputs", "DvCertificateValidationOutputs"],
  types: {
    DelegationCname: {
      description: "The customer's one-time CNAME of delegated validation, as the order's `delegationCname` gives it.",
      properties: {
        name: { schema: STRING_SCHEMA, description: "`_dnsauth.<domain>`.", required: true },
        type: { schema: STRING_SCHEMA, description: "`CNAME` (what the order gives)." },
        value: {
          schema: STRING_SCHEMA,
          description: "`<label>.<zone>`: where the platform writes each order's TXT.",
          required: true,
        },
      },
    },
  },
  // The TSDoc on each input's key is the provider-side field's (`DvCertificateValidationInputs`, `./types.ts`).
  inputs: {
    /** The CAS OrderId to wait for (decimal string). */
    orderId: {
      doc: "The OrderId to wait for: the `orderId` output of a `cas.DvCertificateOrder` (a decimal string; these ids exceed 2^53). Read with `DescribeCertificateState` (`OrderId`). Changing it (a renewal's new order) replaces the waiter.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "OrderId (of DescribeCertificateState)",
      change: "replace",
      required: true,
      default: "required",
      value: ID_VALUE,
    },
    /** How long create (or an update that resumes the wait) waits, in seconds. */
    timeoutSeconds: {
      doc: "How long create waits for issuance, in seconds (1–172800). A wait that runs out is a partial failure: the waiter is recorded as not issued, nothing that depends on it changes, and the next `pulumi up` waits again on the same order. Updates in place with no API call.",
      argsType: "pulumi.Input<number>",
      schema: INTEGER_SCHEMA,
      change: "provider",
      default: "3600 (one hour)",
      defaultValue: DEFAULT_TIMEOUT_SECONDS,
      range: `1–${MAX_TIMEOUT_SECONDS} seconds`,
      value: timeoutValue(MAX_TIMEOUT_SECONDS),
    },
    /**
     * The order's `delegationCname` under delegated validation: lets a stalled wait name the customer's CNAME and the
     * platform's TXT and say which is missing. Normalized (lower-case names, no trailing dot).
     */
    delegationCname: {
      doc: 'Under delegated validation, the order\'s `delegationCname` output (`{name: "_dnsauth.<domain>", type: "CNAME", value: "<label>.<zone>"}`), so a stalled wait names the customer\'s CNAME and the platform\'s TXT by their full names and says (from DNS: the system\'s resolvers, or `ALICLOUD_CERTS_DNS_SERVERS`) which one is missing. Not sent to any API; updates in place with no API call.',
      argsType: [
        "pulumi.Input<{",
        "  readonly name: pulumi.Input<string>;",
        "  /** `CNAME` (what the order gives). */",
        "  readonly type?: pulumi.Input<string>;",
        "  readonly value: pulumi.Input<string>;",
        "} | undefined>",
      ].join("\n"),
      schema: typeRef("cas", "DelegationCname"),
      change: "provider",
      default: "unset: the wait names the full `_dnsauth.<domain>` TXT record (reading the order's domain once)",
      value: hookValue<DelegationCname | Unknown>(),
    },
  },
  outputs: {
    orderId: { doc: "The OrderId waited for.", outputType: "string", schema: STRING_SCHEMA, always: true },
    timeoutSeconds: {
      doc: "See {@link DvCertificateValidationArgs.timeoutSeconds}.",
      outputType: "number",
      schema: INTEGER_SCHEMA,
      always: true,
    },
    delegationCname: {
      doc: "See {@link DvCertificateValidationArgs.delegationCname}.",
      outputType: '{ readonly name: string; readonly type: "CNAME"; readonly value: string } | undefined',
      schema: typeRef("cas", "DelegationCname"),
    },
    state: {
      doc: "The order's state at the last poll or refresh; `certificate` once issued.",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "Type (DescribeCertificateState)",
      always: true,
    },
    commonName: {
      doc: "The certificate's domain (its CN).",
      outputType: "string | undefined",
      schema: STRING_SCHEMA,
      api: "Common (GetUserCertificateDetail)",
    },
    certificate: {
      doc: "The issued certificate chain, PEM (leaf first).",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "Certificate",
    },
    certId: { doc: "The CAS certificate id.", outputType: "string", schema: STRING_SCHEMA, api: "CertId" },
    certIdentifier: {
      doc: "`<certId>-<region>`, for GA (`certificateId`) and ESA (`certIdentifier`).",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "CertIdentifier (GetUserCertificateDetail)",
    },
    notAfter: {
      doc: "End of validity, ISO 8601.",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "NotAfter (GetUserCertificateDetail)",
    },
  },
} satisfies ResourceDeclaration;

/** The name check's inputs; the replacing ones (another order is another validation); those updated with no API call. */
export const { inputs: INPUT_NAMES, replacing: REPLACE_ON_CHANGES, updatable: UPDATABLE } = declaredSets(DECLARATION);
