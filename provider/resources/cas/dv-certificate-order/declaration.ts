/**
 * The declaration of `cas.DvCertificateOrder` (CAS API 2020-04-07: CreateCertificateWithCsrRequest, the API page in
 * `shared/reference/seeds` 003; DescribeCertificateState): every input and output, once. The public
 * `../dv-certificate-order.ts`, the schema and `docs/reference/cas-dv-certificate-order.md` are generated from it
 * (`npm run generate`); check, diff, mapping and the class read their lists from it.
 */
import {
  BOOLEAN_SCHEMA,
  declaredSets,
  enumType,
  INTEGER_SCHEMA,
  STRING_MAP_SCHEMA,
  STRING_SCHEMA,
  typeRef,
  type ResourceDeclaration,
} from "../../common/declaration";
import { BOOLEAN_VALUE, enumValue, ID_VALUE, timeoutValue } from "../../common/value-rules";
import {
  BEHAVIOUR_DEFAULTS,
  CONTACT,
  MAX_ISSUANCE_TIMEOUT_SECONDS,
  MAX_RENEW_BEFORE_DAYS,
  ORDER_STATES,
  PRODUCT_CODES,
  TAGS,
  VALIDATE_TYPES,
} from "./types";

const CONTACT_DEFAULT = "required, unless `orderId` adopts an existing order";
const CONTACT_REQUIRED = "unless `orderId` adopts an existing order";
const optionalText = { outputType: "string | undefined", schema: STRING_SCHEMA } as const;

/** `cas.DvCertificateOrder`. */
export const DECLARATION = {
  namespace: "cas",
  className: "DvCertificateOrder",
  storedType: "CasDvCertificateOrder",
  typeConstant: "DV_CERTIFICATE_ORDER_TYPE",
  providerName: "dvCertificateOrderProvider",
  providerType: "pulumi.dynamic.ResourceProvider",
  folder: "cas/dv-certificate-order",
  moduleDoc:
    "`cas.DvCertificateOrder`: a DV certificate ordered from Alibaba Cloud's SSL Certificates Service (CAS, API 2020-04-07) for a CSR you generate, so the private key never leaves your hands.",
  argsDoc: "Arguments of {@link DvCertificateOrder}.",
  providerDoc:
    'The provider: the exports of the `./dv-certificate-order/provider` module, so the serialized `__provider` is a single `require("pulumi-alicloud-certs/dist/…/provider.js")` (see that module). Holds no client, config or credential. Provider entry (stored state, never moved): `dist/provider/resources/cas/dv-certificate-order/provider.js`.',
  classDoc: [
    "A DV certificate order from a CSR in CAS (Alibaba Cloud SSL Certificates Service).",
    "",
    "Type token (stored state, never renamed without an alias): `pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder` ({@link DV_CERTIFICATE_ORDER_TYPE}); provider entry `dist/provider/resources/cas/dv-certificate-order/provider.js`. The id is the OrderId. Every input except `waitForIssuance`, `issuanceTimeoutSeconds`, `revokeOnDelete`, `renewBeforeDays` and `validationDelegation` replaces the order (orders cannot be edited). Inside the renewal window (`renewBeforeDays`) the order is replaced create-before-delete; pair it with {@link DvCertificateValidation} to publish the validation record and wait in one `pulumi up`. Placing an order consumes one unit of the account's DV resource plan.",
    "",
    "API calls per operation (measured against the emulator's request log):",
    "- check, and a preview of an unchanged stack whose orders' issuance is recorded: none (diff reads the clock: the system clock, or the endpoint `ALICLOUD_CERTS_CLOCK_URL` names, such as the emulator's `/__emulator/clock`).",
    "- diff of an order whose recorded state is not final (pending, or issued before its lifetime was recorded): one DescribeCertificateState; when it has been issued since, the diff proposes an update that records it (DescribeCertificateState + GetUserCertificateDetail), so later diffs are offline again.",
    "- create: 3 — ListUserCertificateOrder (the CN's existing orders, so that after an ambiguous failure of the non-idempotent create the new order can be told from older ones and no second certificate is bought), CreateCertificateWithCsrRequest, DescribeCertificateState. With `waitForIssuance`: one more DescribeCertificateState per poll, then GetUserCertificateDetail. After an ambiguous create failure: one more ListUserCertificateOrder, and a second create only when the first left no order.",
    "- create adopting `orderId`: DescribeCertificateState (+ GetUserCertificateDetail when issued).",
    "- read (refresh): DescribeCertificateState (+ GetUserCertificateDetail when issued); a not-found answer is confirmed with ListUserCertificateOrder before the order is reported gone. An order due for renewal also looks for the renewal that replaces it (ListTagResources + ListUserCertificateOrder).",
    "- update: none, unless the recorded state is not final (the two reads above) or `waitForIssuance` is on and the order is not issued (then as the wait in create).",
    "- delete: DescribeCertificateState, then by state: pending (`domain_verify`/`process`) → CancelOrderRequest, DescribeCertificateState until `payed`, DeleteCertificateRequest (4); `verify_fail`/`payed` → DeleteCertificateRequest (2); issued → nothing (1, a warning) or, with `revokeOnDelete`, ListUserCertificateOrder (is a renewal of the domain still being validated? then it is polled again until that order is issued or gone, for up to ten minutes), CancelCertificateForPackageRequest + DeleteUserCertificate (4); revoked (`unknow`) with `revokeOnDelete` → DeleteUserCertificate (2); not found → nothing (1).",
    "",
    "Existing orders: set `orderId` to adopt one, or use {@link DvCertificateOrder.get} for a read-only lookup.",
  ],
  constructorDoc: [
    "Order a DV certificate for a CSR (or adopt an order with `args.orderId`).",
    "@param name the unique resource name",
    "@param args the order, see {@link DvCertificateOrderArgs}",
    "@param opts resource options",
  ],
  lookup: {
    doc: [
      "Look up an existing order by OrderId without managing it (a read; nothing is created or deleted).",
      "@param name the resource name in this program",
      "@param id the OrderId, as a string",
      "@param opts resource options",
    ],
    args: "empty",
  },
  publicTypes: [
    "DnsRecordOutput",
    "DvCertificateOrderInputs",
    "DvCertificateOrderOutputs",
    "DvOrderState",
    "DvProductCode",
    "ValidationDelegation",
  ],
  types: {
    ValidateType: enumType("`ValidateType`: how the CA validates domain control.", VALIDATE_TYPES, {
      DNS: "A TXT record (`recordDomain`/`recordType`/`recordValue`).",
      FILE: "A file served over HTTP (`domain`/`uri`/`content`); not for wildcard names.",
    }),
    DvProductCode: enumType("`ProductCode`: the DV resource plan an order consumes one unit of.", PRODUCT_CODES, {
      "digicert-free-1-free": "DigiCert DV, 3-month free trial (China site only). The API's default.",
      "symantec-free-1-free": "DigiCert DV, 1-year free trial (China site only).",
      "symantec-dv-1-starter": "DigiCert wildcard DV.",
      "geotrust-dv-1-starter": "GeoTrust single-domain DV.",
      "geotrust-dv-w-starter": "GeoTrust wildcard DV.",
      "globalsign-dv-1-personal": "GlobalSign single-domain DV.",
      "globalsign-dv-w-advanced": "GlobalSign wildcard DV.",
    }),
    DvOrderState: enumType("`DescribeCertificateState.Type`: the state of an order.", ORDER_STATES, {
      domain_verify: "Waiting for your DNS record or file.",
      process: "CA review.",
      verify_fail: "Review failed.",
      certificate: "Issued.",
      payed: "Cancelled, pending application.",
      unknow: "(sic) Any other state, e.g. after the certificate was revoked.",
    }),
    ValidationDelegation: {
      description: "Delegated DNS validation: the DNS zone the platform controls.",
      properties: {
        zone: {
          schema: STRING_SCHEMA,
          description: "The zone, e.g. `dcv.example-saas.com` (lower-cased, without a trailing dot).",
          required: true,
        },
      },
    },
    DnsRecord: {
      description: "A DNS record to publish (or that the platform writes).",
      properties: {
        name: { schema: STRING_SCHEMA, description: "The full record name.", required: true },
        type: { schema: STRING_SCHEMA, description: "`CNAME` or `TXT`.", required: true },
        value: { schema: STRING_SCHEMA, description: "The record value.", required: true },
      },
    },
  },
  inputs: {
    csr: {
      doc: "The certificate signing request, PEM (`-----BEGIN CERTIFICATE REQUEST-----`). Maps to `Csr`. CAS orders the certificate for the subject CN plus the DNS subjectAltNames; the key must be RSA ≥ 2048 bits or ECC (P-256, P-384, P-521) and the request must be signed by it. Wildcard names need a wildcard `productCode` and `DNS` validation. A CSR that asks for the same thing (same key, subject and extensions) but was signed again (ECDSA signatures differ on every signing) is not a change. Changing it replaces the order.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Csr",
      change: "replace",
      required: CONTACT_REQUIRED,
      default: CONTACT_DEFAULT,
      range: "PEM CSR; RSA ≥ 2048 bits or ECC P-256/P-384/P-521",
    },
    username: {
      doc: "Applicant name, 1–64 characters. Maps to `Username`. Personal data: never quoted in error messages. Changing it replaces the order.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Username",
      change: "replace",
      personal: true,
      required: CONTACT_REQUIRED,
      default: CONTACT_DEFAULT,
      range: `1–${CONTACT.maxUsernameLength} characters`,
    },
    phone: {
      doc: "Applicant phone: 5–20 digits, optionally starting with `+` (spaces and hyphens are removed). Maps to `Phone`. Personal data: never quoted in error messages. Changing it replaces the order.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Phone",
      change: "replace",
      personal: true,
      required: CONTACT_REQUIRED,
      default: CONTACT_DEFAULT,
      range: "5–20 digits, optionally after `+`",
    },
    email: {
      doc: "Applicant email, at most 128 characters. Maps to `Email`. Personal data: never quoted in error messages. Changing it replaces the order.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Email",
      change: "replace",
      personal: true,
      required: CONTACT_REQUIRED,
      default: CONTACT_DEFAULT,
      range: `at most ${CONTACT.maxEmailLength} characters`,
    },
    validateType: {
      doc: "How the CA validates domain control: `DNS` (a TXT record, see `recordDomain`/`recordType`/`recordValue`) or `FILE` (a file served over HTTP, see `domain`/`uri`/`content`; not for wildcard names). Maps to `ValidateType`. Changing it replaces the order.",
      argsType: 'pulumi.Input<"DNS" | "FILE">',
      schema: typeRef("cas", "ValidateType"),
      api: "ValidateType",
      change: "replace",
      required: CONTACT_REQUIRED,
      default: CONTACT_DEFAULT,
    },
    productCode: {
      doc: "The resource plan the order consumes one unit of. Maps to `ProductCode`; one of {@link DvProductCode}. Changing it replaces the order.",
      argsType: "pulumi.Input<DvProductCode>",
      schema: typeRef("cas", "DvProductCode"),
      api: "ProductCode",
      change: "replace",
      default: "not sent: the API's default, `digicert-free-1-free`",
      value: enumValue(PRODUCT_CODES),
    },
    tags: {
      doc: "Tags as a `{key: value}` map. Maps to `Tags.N.Key`/`Tags.N.Value` (sorted by key): at most 20; keys of 1–128 characters that do not start with `acs:` or `aliyun` and contain no `http://` or `https://`; values of at most 128 characters. The API has no tag update for orders, so changing them replaces the order.",
      argsType: "pulumi.Input<Record<string, pulumi.Input<string>>>",
      schema: STRING_MAP_SCHEMA,
      api: "Tags.N.Key, Tags.N.Value",
      change: "replace",
      default: "no tags",
      range: `at most ${TAGS.maxCount - 1} (one of the API's ${TAGS.maxCount} is the provider's create token)`,
    },
    orderId: {
      doc: "Adopt an existing order (its OrderId, as a string: these ids exceed 2^53) instead of placing a new one: this is how an order created outside Pulumi comes under management, because `pulumi import` does not work for dynamic providers. No quota is consumed; `csr` and the contact fields are then optional and are not checked against the order. Deleting the resource then deletes (or retains) that order like any other. Changing it replaces.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "OrderId (of DescribeCertificateState)",
      change: "replace",
      default: "unset: a new order is placed",
      value: ID_VALUE,
    },
    waitForIssuance: {
      doc: "Wait during `pulumi up` until the certificate is issued, printing progress (the validation record to publish, the state). Issuance takes minutes to hours. Fails clearly on `verify_fail`; a failed or timed-out wait keeps the order in the state (a partial failure) and the next `pulumi up` waits again. Changes update in place with no API call, except that turning it on for a pending order waits.",
      argsType: "pulumi.Input<boolean>",
      schema: BOOLEAN_SCHEMA,
      change: "provider",
      default: "false: create returns once the order exists, with the validation instructions as outputs",
      defaultValue: BEHAVIOUR_DEFAULTS.waitForIssuance,
      value: BOOLEAN_VALUE,
    },
    issuanceTimeoutSeconds: {
      doc: "How long `waitForIssuance` waits, in seconds (1–172800). Updates in place with no API call.",
      argsType: "pulumi.Input<number>",
      schema: INTEGER_SCHEMA,
      change: "provider",
      default: "3600 (one hour)",
      defaultValue: BEHAVIOUR_DEFAULTS.issuanceTimeoutSeconds,
      range: `1–${MAX_ISSUANCE_TIMEOUT_SECONDS} seconds`,
      value: timeoutValue(MAX_ISSUANCE_TIMEOUT_SECONDS),
    },
    revokeOnDelete: {
      doc: "What deleting the resource does to an **issued** certificate. `false`: nothing; the order leaves the Pulumi state with a warning and the certificate stays valid in CAS (it may be deployed somewhere). `true`: revoke it with CancelCertificateForPackageRequest (which restores the quota unit), then delete the revoked certificate with DeleteUserCertificate. While another order for the same domain is still being validated (a renewal that has not finished), consumers may still serve the certificate, so the revocation waits up to ten minutes for that order to be issued or cancelled (a `pulumi destroy` cancels it after deleting the consumers); after that the delete fails and the order stays in the state, saying what to do: a valid certificate is never left unmanaged. A revoked certificate whose deletion failed is deleted by a later delete. Orders that are not issued are always cancelled and deleted. Updates in place with no API call.",
      argsType: "pulumi.Input<boolean>",
      schema: BOOLEAN_SCHEMA,
      change: "provider",
      default: "false: issued certificates are retained",
      defaultValue: BEHAVIOUR_DEFAULTS.revokeOnDelete,
      value: BOOLEAN_VALUE,
    },
    renewBeforeDays: {
      doc: "When to renew: this many days before the certificate's `notAfter`. From then on `diff` (with no API call, on the provider's clock) proposes replacing the order, create-before-delete, and preview prints one line saying why. The same happens when the order is found `verify_fail`, revoked or cancelled, or the certificate expired. The new order is placed and validated while the old certificate keeps serving; dependents then update in place; the old order is handled by `revokeOnDelete`. A plain `pulumi up` is enough: an order whose issuance is not recorded yet is read once by the diff, which records it. A whole number from 0 to 365; 0 turns renewal off. A value at or above the certificate's lifetime would renew on every run, so it falls back to one third of the lifetime, with a preview warning. Adopted orders (`orderId`) are never renewed. Provider-only: updates in place with no API call.",
      argsType: "pulumi.Input<number> | undefined",
      schema: INTEGER_SCHEMA,
      change: "provider",
      default:
        "unset: renew when one third of the certificate's lifetime (`notBefore` to `notAfter`) remains, which suits the 200-, 100- and 47-day certificates of CA/B Forum ballot SC-081 alike",
      range: `0–${MAX_RENEW_BEFORE_DAYS} days; 0 turns renewal off`,
    },
    validationDelegation: {
      doc: 'Delegated DNS validation: a DNS zone the platform controls (e.g. `dcv.example-saas.com`). The customer publishes the stable `delegationCname` once; on every order the platform writes `delegatedRecord` (a TXT under this zone) and the CA finds it by following the CNAME. Only with `validateType: "DNS"`. Changes only outputs: updates in place with no API call.',
      argsType: "pulumi.Input<{ readonly zone: pulumi.Input<string> }>",
      schema: typeRef("cas", "ValidationDelegation"),
      change: "provider",
      default: "unset: publish `recordDomain`/`recordValue` directly",
    },
  },
  outputs: {
    orderId: {
      doc: "The CAS OrderId (decimal string).",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "OrderId",
      always: true,
    },
    state: {
      doc: "The order's state ({@link DvOrderState}).",
      outputType: "DvOrderState",
      schema: typeRef("cas", "DvOrderState"),
      api: "Type",
      always: true,
    },
    commonName: { ...optionalText, doc: "The domain the order is for (the CSR's CN).", api: "Domain" },
    recordDomain: {
      ...optionalText,
      doc: "DNS validation: full record name to create (`_dnsauth.<domain>`), while `domain_verify`.",
      api: "RecordDomain",
    },
    recordType: { ...optionalText, doc: "DNS validation: record type.", api: "RecordType" },
    recordValue: { ...optionalText, doc: "DNS validation: record value.", api: "RecordValue" },
    domain: { ...optionalText, doc: "FILE validation: the domain serving the file.", api: "Domain" },
    uri: { ...optionalText, doc: "FILE validation: the file path.", api: "Uri" },
    content: { ...optionalText, doc: "FILE validation: the file content.", api: "Content" },
    certificate: { ...optionalText, doc: "Issued certificate chain, PEM.", api: "Certificate" },
    certId: { ...optionalText, doc: "Issued certificate id.", api: "CertId" },
    certIdentifier: {
      ...optionalText,
      doc: "`<certId>-<region>`, for GA and ESA.",
      api: "CertIdentifier (GetUserCertificateDetail)",
    },
    notBefore: {
      ...optionalText,
      doc: "Start of validity, ISO 8601 (with `notAfter`, the lifetime the default renewal window follows).",
      api: "NotBefore (GetUserCertificateDetail)",
    },
    notAfter: { ...optionalText, doc: "End of validity, ISO 8601.", api: "NotAfter (GetUserCertificateDetail)" },
    waitForIssuance: {
      doc: "See {@link DvCertificateOrderArgs.waitForIssuance}.",
      outputType: "boolean",
      schema: BOOLEAN_SCHEMA,
      always: true,
    },
    revokeOnDelete: {
      doc: "See {@link DvCertificateOrderArgs.revokeOnDelete}.",
      outputType: "boolean",
      schema: BOOLEAN_SCHEMA,
      always: true,
    },
    renewBeforeDays: {
      doc: "See {@link DvCertificateOrderArgs.renewBeforeDays}; undefined when unset.",
      outputType: "number | undefined",
      schema: INTEGER_SCHEMA,
    },
    renewalDue: {
      ...optionalText,
      doc: "When the renewal starts: `notAfter` minus the renewal window (see {@link DvCertificateOrderArgs.renewBeforeDays}), ISO 8601. Absent until issuance is recorded, and when renewal is off.",
    },
    supersededBy: {
      ...optionalText,
      doc: 'Set by refresh on an order that a renewal of this resource already replaced (the newer order\'s id): it waits in the state for deletion, and previews say so instead of "renewing" it again.',
    },
    delegationCname: {
      doc: 'With `validationDelegation`: the stable record the customer publishes once, `{name: "_dnsauth.<domain>", type: "CNAME", value: "<label>.<zone>"}`. The label is `dcv-` and the first 32 hex digits of SHA-256 over the lower-cased domain without `*.`: it depends on the domain only, so it never changes across renewals.',
      outputType: "DnsRecordOutput | undefined",
      schema: typeRef("cas", "DnsRecord"),
    },
    delegatedRecord: {
      doc: 'With `validationDelegation`, while the order awaits validation: what the platform writes for this order, `{name: "<label>.<zone>", type: "TXT", value: <the order\'s validation value>}`.',
      outputType: "DnsRecordOutput | undefined",
      schema: typeRef("cas", "DnsRecord"),
    },
    validationDelegation: {
      doc: "See {@link DvCertificateOrderArgs.validationDelegation}; undefined when unset.",
      outputType: "ValidationDelegation | undefined",
      schema: typeRef("cas", "ValidationDelegation"),
    },
  },
} satisfies ResourceDeclaration;

/**
 * The name check's inputs; the inputs the API cannot change on an order (a change replaces it); the inputs that only
 * change what the provider does (updated in place with no API call).
 */
export const {
  inputs: INPUT_NAMES,
  replacing: REPLACE_ON_CHANGES,
  providerOnly: BEHAVIOUR_INPUTS,
} = declaredSets(DECLARATION);
