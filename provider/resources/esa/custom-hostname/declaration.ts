/**
 * The declaration of `esa.CustomHostname` (ESA API 2024-09-10: CreateCustomHostname, UpdateCustomHostname,
 * GetCustomHostname; the API pages in `shared/reference/seeds` 001 and 002): every input and output, once. The public
 * `../custom-hostname.ts`, the schema and `docs/reference/esa-custom-hostname.md` are generated from it (`npm run
 * generate`); check, diff, mapping and the class read their lists from it. Each input's `value` is the rule check
 * reads it by (`common/value-rules.ts`); `./types.ts` derives the provider-side Inputs and computed outputs from it,
 * and the TSDoc on an input's or a computed output's key is that field's TSDoc there.
 */
import { type CertType, type SslFlag } from "../../../transport/operations/esa";
import { CAS_REGIONS } from "../../common/check";
import {
  BOOLEAN_SCHEMA,
  declaredSets,
  enumType,
  ID_SCHEMA,
  INTEGER_SCHEMA,
  STRING_SCHEMA,
  typeRef,
  type ResourceDeclaration,
} from "../../common/declaration";
import { enumValue, hookValue, hostnameValue, ID_VALUE, STRING_VALUE, timeoutValue } from "../../common/value-rules";

/** `SslFlag` values the API documents. */
export const SSL_FLAGS: readonly SslFlag[] = ["on", "off"];
/** `CertType` values the API documents. */
export const CERT_TYPES: readonly CertType[] = ["free", "upload", "cas"];
/** What `create`/`update` may wait for before returning (`waitFor`). */
export const WAIT_FOR_VALUES = ["none", "active", "certificateIssued"] as const;
/** Default wait bound: DNS propagation plus a Let's Encrypt issuance usually fit well inside 30 minutes. */
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 1800;
/** Longest wait a user can ask for (one day). */
export const MAX_WAIT_TIMEOUT_SECONDS = 86_400;

const text = { schema: STRING_SCHEMA, outputType: "string | undefined" } as const;

/** `esa.CustomHostname`. */
export const DECLARATION = {
  namespace: "esa",
  className: "CustomHostname",
  storedType: "EsaCustomHostname",
  typeConstant: "CUSTOM_HOSTNAME_TYPE",
  providerName: "customHostnameProvider",
  providerType: "pulumi.dynamic.ResourceProvider<PropertyBag, PropertyBag>",
  folder: "esa/custom-hostname",
  moduleDoc: '`esa.CustomHostname`: an ESA SaaS custom hostname ("SaaS domain name"), ESA API 2024-09-10.',
  argsDoc: "Arguments of {@link CustomHostname}. Names are the camelCase of the ESA API parameters.",
  providerDoc:
    "The dynamic provider: the exports object of `./custom-hostname/provider` (configure, check, diff, create, read, update, delete), each a one-line entry delegating to a sibling module. Being a module of the installed package, it serializes into `__provider` as one `require(...)` of that module: no client, config or credential, ~0.3 KB. Provider entry (stored state, never moved): `dist/provider/resources/esa/custom-hostname/provider.js`.",
  classDoc: [
    "An ESA SaaS custom hostname: a customer's domain served by your ESA site, with its ownership verification and its certificate (free, uploaded, or from CAS).",
    "",
    "Stored type token: `pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname` ({@link CUSTOM_HOSTNAME_TYPE}; state, never renamed without an alias); provider entry `dist/provider/resources/esa/custom-hostname/provider.js`. The resource id is the `HostnameId`, a decimal string.",
    "",
    "API calls per operation (measured against the emulator's request log):",
    "- preview of an unchanged stack (check + diff): 0;",
    "- create: CreateCustomHostname + GetCustomHostname = 2; with `adoptExisting` and a match: ListCustomHostnames + GetCustomHostname = 2 (+ Update + Get when it differs); after an ambiguous Create failure + 1 List per retry (+ 1 Get when an uploaded or CAS certificate must be compared: a hostname found is taken as this create's only when it holds every input); resuming what a lost run created (below): List + Get = 2, no Create; with a wait, + 1 call per poll: VerifyCustomHostname while `pending` (+ 1 Get once it passes, and a Get re-read once a minute), GetCustomHostname otherwise;",
    '- create past the CreateCustomHostname quota (100 per hour per account): by default the create waits for the next slot, printing why, how many creates are queued and when the slot opens (at once, then at least every 30 s), for at most `waitTimeoutSeconds`; stack config `alicloud:esaCreateQuota: fail` (or `ALICLOUD_CERTS_ESA_CREATE_QUOTA=fail`) fails it at once with "quota: N of 100 … used this hour". A throttling answer (`TooManyRequests`: another process or stack used the quota) is handled the same way;',
    "- every write whose answer was lost (reset, timeout, 5xx) is read back before it is failed or sent again: + 1 Get after an Update, Apply or Verify, + 1 List after a Delete;",
    '- update: UpdateCustomHostname + GetCustomHostname = 2; heal a failed/expiring/expired free certificate: ApplyCustomHostnameCertificate + GetCustomHostname = 2; a changed trigger: Get (+ Apply) + Get; a change of provider-only settings (`waitTimeoutSeconds`, `adoptExisting`, `waitFor: "none"`): 0;',
    "- refresh with SSL off: a share of its site's ListCustomHostnames pages (up to 500 hostnames a call), listed once for every concurrent refresh on that site (`ALICLOUD_CERTS_ESA_LIST_READS=off` reads with a Get instead);",
    "- refresh with SSL on: GetCustomHostname = 1. Not a List page: its items lack `CasId`, `CertId`, `Certificate` and `PrivateKey` (ESA SDK 2024-09-10 response models), so a page cannot show a changed uploaded certificate or CAS certificate, which refresh must;",
    "- refresh of a hostname gone: + ListCustomHostnames to confirm the disappearance (Get + List = 2);",
    "- delete: DeleteCustomHostname + ListCustomHostnames (confirmation) = 2.",
    "",
    "Existing hostnames: set `adoptExisting: true` to manage one, or use {@link CustomHostname.get} for a read-only view. A hostname a lost run created (a killed `pulumi up`) is resumed without editing the program: stack config `alicloud:esaResumeLostCreates` or `ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES` (`true`, or the hostnames, comma-separated) lets a create take over a same-named hostname that holds every input (site, record, SSL settings, certificate or CAS id), and refuses one that differs.",
  ],
  constructorDoc: [
    "@param name the Pulumi resource name",
    "@param args see {@link CustomHostnameArgs}",
    "@param opts resource options; `additionalSecretOutputs` always includes `privateKey` and `certificate`",
  ],
  lookup: {
    doc: "Look up an existing custom hostname by `HostnameId`, read-only: the engine reads it (one GetCustomHostname) and never updates or deletes it.",
    args: "undefined",
  },
  publicTypes: ["CasRegion", "CertType", "CustomHostnameInputs", "CustomHostnameOutputs", "SslFlag", "WaitFor"],
  types: {
    SslFlag: enumType("`SslFlag`: whether the hostname serves HTTPS.", SSL_FLAGS, {
      on: "HTTPS, with the certificate chosen by `certType`.",
      off: "HTTP only.",
    }),
    CertType: enumType("`CertType`: where the certificate comes from.", CERT_TYPES, {
      free: "ESA applies for a Let's Encrypt certificate and renews it.",
      upload: "`certificate` + `privateKey`.",
      cas: "A certificate held by CAS: `casId` + `casRegion`, or `certIdentifier`.",
    }),
    CasRegion: enumType("`CasRegion`: the CAS site holding the certificate.", CAS_REGIONS, {
      "cn-hangzhou": "China accounts.",
      "ap-southeast-1": "International accounts.",
    }),
    WaitFor: enumType("What `pulumi up` waits for after a create or update.", WAIT_FOR_VALUES, {
      none: "Return as soon as ESA accepted the request.",
      active: "Ownership verified.",
      certificateIssued: "Active, and the certificate `OK`.",
    }),
  },
  inputs: {
    /** `SiteId`, decimal string (replaces on change). */
    siteId: {
      doc: "`SiteId`: the ESA site (zone) the hostname is served by (ListSites). A number must be a safe integer; pass larger ids as strings. Changing it replaces the hostname (delete first: the name is unique).",
      argsType: "pulumi.Input<string | number>",
      schema: ID_SCHEMA,
      api: "SiteId",
      change: "replace",
      deleteBeforeReplace: true,
      required: true,
      range: "a positive 64-bit integer",
      value: ID_VALUE,
    },
    /** `Hostname`: lower-cased, trimmed, without a trailing dot. */
    hostname: {
      doc: "`Hostname`: the customer's domain, e.g. `shop.customer.com` (RFC 1123; a leading `*.` for a wildcard where the plan allows it). Trimmed and lower-cased. Changing it replaces the hostname (delete first: the name is unique).",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Hostname",
      change: "replace",
      deleteBeforeReplace: true,
      required: true,
      range: "an RFC 1123 hostname, optionally `*.` wildcard",
      value: hostnameValue(true),
    },
    /** `RecordId`, decimal string. */
    recordId: {
      doc: "`RecordId`: the proxied record of the site whose origin serves this hostname (ListRecords). Updated in place.",
      argsType: "pulumi.Input<string | number>",
      schema: ID_SCHEMA,
      api: "RecordId",
      change: "update",
      required: true,
      range: "a positive 64-bit integer",
      value: ID_VALUE,
    },
    /** `SslFlag`, defaulted (`on` when a certType is set). */
    sslFlag: {
      doc: '`SslFlag`: `"on"` serves HTTPS with the certificate chosen by {@link certType}; `"off"` serves HTTP only. Updated in place.',
      argsType: "pulumi.Input<SslFlag>",
      schema: typeRef("esa", "SslFlag"),
      api: "SslFlag",
      change: "update",
      default: '`"on"` when `certType` is set, else `"off"`',
      value: enumValue(SSL_FLAGS),
      alwaysSet: true,
    },
    /** `CertType`; absent with SSL off. */
    certType: {
      doc: '`CertType`, required when SSL is on: `"free"` (ESA applies for a Let\'s Encrypt certificate and renews it), `"upload"` (`certificate` + `privateKey`), `"cas"` (a certificate held by CAS: `casId` + `casRegion`, or `certIdentifier`). Updated in place.',
      argsType: "pulumi.Input<CertType>",
      schema: typeRef("esa", "CertType"),
      api: "CertType",
      change: "update",
      required: 'when `sslFlag` is `"on"`',
      default: "no certificate (SSL off)",
      value: enumValue(CERT_TYPES),
    },
    /** `Certificate` (PEM, trimmed), `upload` only. */
    certificate: {
      doc: '`Certificate`: PEM certificate (leaf first, chain after it), only with `certType: "upload"`. Check verifies it parses, covers `hostname` and matches `privateKey`. Updated in place (rotation keeps the hostname).',
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Certificate",
      change: "update",
      sensitive: true,
      required: 'when `certType` is `"upload"`',
      default: 'none (required for `"upload"`)',
      value: STRING_VALUE,
    },
    /** `PrivateKey` (PEM, trimmed, secret), `upload` only. */
    privateKey: {
      doc: '`PrivateKey`: the unencrypted PEM key of `certificate`, only with `certType: "upload"`. Always stored as a secret, even when passed as plain text; never shown in messages. Updated in place.',
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "PrivateKey",
      change: "update",
      secret: true,
      required: 'when `certType` is `"upload"`',
      default: 'none (required for `"upload"`)',
      value: hookValue<string>(),
    },
    /** `CasId`, decimal string, `cas` only. */
    casId: {
      doc: '`CasId`: the CAS certificate id, only with `certType: "cas"`. Updated in place.',
      argsType: "pulumi.Input<string | number>",
      schema: ID_SCHEMA,
      api: "CasId",
      change: "update",
      required: 'when `certType` is `"cas"`, unless `certIdentifier` is given',
      default: 'taken from `certIdentifier` (one of the two is required for `"cas"`)',
      value: ID_VALUE,
    },
    /** `CasRegion`, `cas` only. */
    casRegion: {
      doc: '`CasRegion`: `"cn-hangzhou"` (China accounts) or `"ap-southeast-1"` (international accounts), only with `certType: "cas"`. Updated in place.',
      argsType: "pulumi.Input<CasRegion>",
      schema: typeRef("esa", "CasRegion"),
      api: "CasRegion",
      change: "update",
      required: 'when `certType` is `"cas"`, unless `certIdentifier` is given',
      default: 'taken from `certIdentifier` (one of the two is required for `"cas"`)',
      value: enumValue(CAS_REGIONS),
    },
    /** As the user gave it; `casId`/`casRegion` are derived from it. */
    certIdentifier: {
      doc: 'A CAS `CertIdentifier` such as `"12345678-cn-hangzhou"` (what CAS and GA return), mapped to `CasId` and `CasRegion`; only with `certType: "cas"`. Updated in place.',
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "CasId + CasRegion",
      change: "update",
      default: "none: give `casId` and `casRegion` instead",
      range: "`<casId>-<casRegion>`",
      value: STRING_VALUE,
    },
    /** What create/update wait for (provider-only), defaulted to `none`. */
    waitFor: {
      doc: 'What `pulumi up` waits for after a create or update: `"none"`, `"active"` (ownership verified: while `pending` each poll is one VerifyCustomHostname; fails on `conflicted`/`offline` with the reason) or `"certificateIssued"` (active and the certificate `OK`; fails on `ApplyFailed` with ESA\'s code and message). While the target is not reached, every `up` tries again. No API parameter; changes are applied in place.',
      argsType: "pulumi.Input<WaitFor>",
      schema: typeRef("esa", "WaitFor"),
      change: "provider",
      default: '`"none"`: return as soon as ESA accepted the request',
      defaultValue: "none",
      value: enumValue(WAIT_FOR_VALUES),
    },
    /** Bound of that wait, defaulted to 1800; unknown only at preview (create and update always see a number). */
    waitTimeoutSeconds: {
      doc: "Bound of the {@link waitFor} wait, in seconds (1 to 86400). A timeout after the hostname exists is a partial failure: the hostname stays in the state and the next `up` resumes. It also bounds how long a create waits for the CreateCustomHostname quota (100 per hour; see the class documentation). No API parameter.",
      argsType: "pulumi.Input<number>",
      schema: INTEGER_SCHEMA,
      change: "provider",
      default: "1800 (30 minutes)",
      defaultValue: DEFAULT_WAIT_TIMEOUT_SECONDS,
      range: `1–${MAX_WAIT_TIMEOUT_SECONDS} seconds`,
      value: timeoutValue(MAX_WAIT_TIMEOUT_SECONDS),
    },
    /** The re-apply trigger, as a string. */
    applyCertificateTrigger: {
      doc: 'Any value; changing it asks ESA for a new free certificate (`ApplyCustomHostnameCertificate`), which ESA accepts only when the certificate is `ApplyFailed`, `Expiring` or `Expired` (otherwise nothing is called and a line says why). `certType: "free"` only. A refreshed status in those states triggers the same call without it.',
      argsType: "pulumi.Input<string | number>",
      schema: { oneOf: [{ type: "string" }, { type: "number" }] },
      api: "ApplyCustomHostnameCertificate (when changed)",
      change: "update",
      default: "none: re-apply only when `pulumi up --refresh` finds the certificate failed, expiring or expired",
      value: hookValue<string>(),
    },
    /** Whether create adopts a same-named hostname, defaulted to false. */
    adoptExisting: {
      doc: "Bring an existing hostname of the same name on the site under management instead of failing on the duplicate: create looks it up (exact match) and updates it to these inputs if needed. `pulumi import` cannot work for dynamic providers (pulumi/pulumi#16175); this is the supported adoption path. Destroying the stack then deletes the hostname. No API parameter.",
      argsType: "pulumi.Input<boolean>",
      schema: BOOLEAN_SCHEMA,
      change: "provider",
      default: "false: an existing hostname of that name is an error that suggests this flag",
      defaultValue: false,
      value: hookValue<boolean>(),
    },
  },
  outputs: {
    /** `HostnameId`, decimal string (the resource id). */
    hostnameId: {
      doc: "`HostnameId` (also the resource id).",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "HostnameId",
      always: true,
    },
    /** `Status`: pending, active, conflicted, offline, configuring. */
    status: {
      doc: "`Status`: `pending` (awaiting ownership verification), `active`, `conflicted`, `offline`, `configuring`.",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "Status",
    },
    /** `VerifyHost`: ownership TXT record name. */
    verifyHost: {
      doc: "`VerifyHost`: name of the TXT record the customer publishes to prove ownership.",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "VerifyHost",
    },
    /** `VerifyCode`: ownership TXT record value. */
    verifyCode: {
      doc: "`VerifyCode`: value of that TXT record.",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "VerifyCode",
    },
    /** `CertStatus`: OK, Applying, ApplyFailed, Expiring, Expired. */
    certStatus: {
      ...text,
      doc: "`CertStatus`: `OK`, `Applying`, `ApplyFailed`, `Expiring`, `Expired` (absent with SSL off).",
      api: "CertStatus",
    },
    /** `CertId`: ESA's id of the deployed certificate. */
    certId: { ...text, doc: "`CertId`: ESA's id of the deployed certificate.", api: "CertId" },
    /** `CertApplyCode` of a failed free-certificate application. */
    certApplyCode: {
      ...text,
      doc: "`CertApplyCode`: error code of a failed free-certificate application.",
      api: "CertApplyCode",
    },
    /** `CertApplyMessage` of a failed free-certificate application. */
    certApplyMessage: {
      ...text,
      doc: "`CertApplyMessage`: error message of a failed free-certificate application.",
      api: "CertApplyMessage",
    },
    /** `CertTxtKey`: free-certificate DCV TXT name. */
    certTxtKey: {
      ...text,
      doc: "`CertTxtKey`: DCV TXT record name for the free certificate (`_acme-challenge.…`).",
      api: "CertTxtKey",
    },
    /** `CertTxtValue`: free-certificate DCV TXT value. */
    certTxtValue: {
      ...text,
      doc: "`CertTxtValue`: DCV TXT record value for the free certificate.",
      api: "CertTxtValue",
    },
    /** `CertHttpKey`: free-certificate DCV HTTP-01 URL. */
    certHttpKey: {
      ...text,
      doc: "`CertHttpKey`: DCV HTTP-01 URL for the free certificate.",
      api: "CertHttpKey",
    },
    /** `CertHttpValue`: body to serve at that URL. */
    certHttpValue: {
      ...text,
      doc: "`CertHttpValue`: body to serve at {@link certHttpKey}.",
      api: "CertHttpValue",
    },
    /** `CertNotAfter`: expiry, ISO-8601 UTC. */
    certNotAfter: { ...text, doc: "`CertNotAfter`: certificate expiry, ISO-8601 UTC.", api: "CertNotAfter" },
    /** `ConflictWith`: what owns the name when conflicted. */
    conflictWith: { ...text, doc: "`ConflictWith`: what owns the name when `conflicted`.", api: "ConflictWith" },
    /** `OfflineReason`: why the hostname is offline. */
    offlineReason: { ...text, doc: "`OfflineReason`: why the hostname is `offline`.", api: "OfflineReason" },
    /** `RecordName`: the bound record's name. */
    recordName: {
      doc: "`RecordName`: the bound record's name (the CNAME target a customer may point at).",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "RecordName",
    },
    /** `SiteName`: the site's name. */
    siteName: { doc: "`SiteName`: the site's name.", outputType: "string", schema: STRING_SCHEMA, api: "SiteName" },
    siteId: { doc: "The site id, as a string.", outputType: "string", schema: STRING_SCHEMA, always: true },
    hostname: { doc: "The normalized hostname.", outputType: "string", schema: STRING_SCHEMA, always: true },
    recordId: { doc: "The bound record id, as a string.", outputType: "string", schema: STRING_SCHEMA, always: true },
    sslFlag: {
      doc: "`SslFlag` in effect.",
      outputType: "SslFlag",
      schema: typeRef("esa", "SslFlag"),
      always: true,
    },
    certType: { doc: "`CertType` in effect.", outputType: "CertType | undefined", schema: typeRef("esa", "CertType") },
    certificate: {
      ...text,
      doc: "The uploaded certificate (secret: ESA returns it with its key).",
      secret: true,
    },
    privateKey: { ...text, doc: "The uploaded private key (secret).", secret: true },
    casId: { ...text, doc: "`CasId` in effect." },
    casRegion: {
      doc: "`CasRegion` in effect.",
      outputType: "CasRegion | undefined",
      schema: typeRef("esa", "CasRegion"),
    },
  },
} satisfies ResourceDeclaration;

/** The name check's inputs, the diff's replacing and updatable inputs, the computed fields mapping reads (ESA's). */
export const {
  inputs: INPUT_NAMES,
  replacing: REPLACE_ON_CHANGES,
  updatable: UPDATABLE,
  computed: COMPUTED_KEYS,
} = declaredSets(DECLARATION);
