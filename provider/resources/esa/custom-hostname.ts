// Generated from ./custom-hostname/declaration.ts by `npm run generate`; do not edit.
/** `esa.CustomHostname`: an ESA SaaS custom hostname ("SaaS domain name"), ESA API 2024-09-10. */
import * as pulumi from "@pulumi/pulumi";
import { type PropertyBag } from "../common/dynamic";
import { registration } from "../common/dynamic-registration";
import { CUSTOM_HOSTNAME_TYPE } from "../common/type-tokens";
import { DECLARATION } from "./custom-hostname/declaration";
// A TypeScript-compiled module is `__esModule`, so `__importStar` returns its exports object itself (no wrapper).
import * as provider from "./custom-hostname/provider";
import {
  type CasRegion,
  type CertType,
  type CustomHostnameInputs,
  type CustomHostnameOutputs,
  type SslFlag,
  type WaitFor,
} from "./custom-hostname/types";

export type { CasRegion, CertType, CustomHostnameInputs, CustomHostnameOutputs, SslFlag, WaitFor };
export { CUSTOM_HOSTNAME_TYPE };

/** Arguments of {@link CustomHostname}. Names are the camelCase of the ESA API parameters. */
export interface CustomHostnameArgs {
  /**
   * `SiteId`: the ESA site (zone) the hostname is served by (ListSites). A number must be a safe integer; pass larger
   * ids as strings. Changing it replaces the hostname (delete first: the name is unique).
   */
  readonly siteId: pulumi.Input<string | number>;
  /**
   * `Hostname`: the customer's domain, e.g. `shop.customer.com` (RFC 1123; a leading `*.` for a wildcard where the plan
   * allows it). Trimmed and lower-cased. Changing it replaces the hostname (delete first: the name is unique).
   */
  readonly hostname: pulumi.Input<string>;
  /** `RecordId`: the proxied record of the site whose origin serves this hostname (ListRecords). Updated in place. */
  readonly recordId: pulumi.Input<string | number>;
  /**
   * `SslFlag`: `"on"` serves HTTPS with the certificate chosen by {@link certType}; `"off"` serves HTTP only. Updated
   * in place.
   * @default `"on"` when `certType` is set, else `"off"`
   */
  readonly sslFlag?: pulumi.Input<SslFlag>;
  /**
   * `CertType`, required when SSL is on: `"free"` (ESA applies for a Let's Encrypt certificate and renews it),
   * `"upload"` (`certificate` + `privateKey`), `"cas"` (a certificate held by CAS: `casId` + `casRegion`, or
   * `certIdentifier`). Updated in place.
   * @default no certificate (SSL off)
   */
  readonly certType?: pulumi.Input<CertType>;
  /**
   * `Certificate`: PEM certificate (leaf first, chain after it), only with `certType: "upload"`. Check verifies it
   * parses, covers `hostname` and matches `privateKey`. Updated in place (rotation keeps the hostname).
   * @default none (required for `"upload"`)
   */
  readonly certificate?: pulumi.Input<string>;
  /**
   * `PrivateKey`: the unencrypted PEM key of `certificate`, only with `certType: "upload"`. Always stored as a secret,
   * even when passed as plain text; never shown in messages. Updated in place.
   * @default none (required for `"upload"`)
   */
  readonly privateKey?: pulumi.Input<string>;
  /**
   * `CasId`: the CAS certificate id, only with `certType: "cas"`. Updated in place.
   * @default taken from `certIdentifier` (one of the two is required for `"cas"`)
   */
  readonly casId?: pulumi.Input<string | number>;
  /**
   * `CasRegion`: `"cn-hangzhou"` (China accounts) or `"ap-southeast-1"` (international accounts), only with `certType:
   * "cas"`. Updated in place.
   * @default taken from `certIdentifier` (one of the two is required for `"cas"`)
   */
  readonly casRegion?: pulumi.Input<CasRegion>;
  /**
   * A CAS `CertIdentifier` such as `"12345678-cn-hangzhou"` (what CAS and GA return), mapped to `CasId` and
   * `CasRegion`; only with `certType: "cas"`. Updated in place.
   * @default none: give `casId` and `casRegion` instead
   */
  readonly certIdentifier?: pulumi.Input<string>;
  /**
   * What `pulumi up` waits for after a create or update: `"none"`, `"active"` (ownership verified: while `pending` each
   * poll is one VerifyCustomHostname; fails on `conflicted`/`offline` with the reason) or `"certificateIssued"` (active
   * and the certificate `OK`; fails on `ApplyFailed` with ESA's code and message). While the target is not reached,
   * every `up` tries again. No API parameter; changes are applied in place.
   * @default `"none"`: return as soon as ESA accepted the request
   */
  readonly waitFor?: pulumi.Input<WaitFor>;
  /**
   * Bound of the {@link waitFor} wait, in seconds (1 to 86400). A timeout after the hostname exists is a partial
   * failure: the hostname stays in the state and the next `up` resumes. It also bounds how long a create waits for the
   * CreateCustomHostname quota (100 per hour; see the class documentation). No API parameter.
   * @default 1800 (30 minutes)
   */
  readonly waitTimeoutSeconds?: pulumi.Input<number>;
  /**
   * Any value; changing it asks ESA for a new free certificate (`ApplyCustomHostnameCertificate`), which ESA accepts
   * only when the certificate is `ApplyFailed`, `Expiring` or `Expired` (otherwise nothing is called and a line says
   * why). `certType: "free"` only. A refreshed status in those states triggers the same call without it.
   * @default none: re-apply only when `pulumi up --refresh` finds the certificate failed, expiring or expired
   */
  readonly applyCertificateTrigger?: pulumi.Input<string | number>;
  /**
   * Bring an existing hostname of the same name on the site under management instead of failing on the duplicate:
   * create looks it up (exact match) and updates it to these inputs if needed. `pulumi import` cannot work for dynamic
   * providers (pulumi/pulumi#16175); this is the supported adoption path. Destroying the stack then deletes the
   * hostname. No API parameter.
   * @default false: an existing hostname of that name is an error that suggests this flag
   */
  readonly adoptExisting?: pulumi.Input<boolean>;
}

/**
 * The dynamic provider: the exports object of `./custom-hostname/provider` (configure, check, diff, create, read,
 * update, delete), each a one-line entry delegating to a sibling module. Being a module of the installed package, it
 * serializes into `__provider` as one `require(...)` of that module: no client, config or credential, ~0.3 KB. Provider
 * entry (stored state, never moved): `dist/provider/resources/esa/custom-hostname/provider.js`.
 */
export const customHostnameProvider: pulumi.dynamic.ResourceProvider<PropertyBag, PropertyBag> = provider;

/**
 * An ESA SaaS custom hostname: a customer's domain served by your ESA site, with its ownership verification and its
 * certificate (free, uploaded, or from CAS).
 *
 * Stored type token: `pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname` ({@link CUSTOM_HOSTNAME_TYPE}; state,
 * never renamed without an alias); provider entry `dist/provider/resources/esa/custom-hostname/provider.js`. The
 * resource id is the `HostnameId`, a decimal string.
 *
 * API calls per operation (measured against the emulator's request log):
 * - preview of an unchanged stack (check + diff): 0;
 * - create: CreateCustomHostname + GetCustomHostname = 2; with `adoptExisting` and a match: ListCustomHostnames +
 *   GetCustomHostname = 2 (+ Update + Get when it differs); after an ambiguous Create failure + 1 List per retry (+ 1
 *   Get when an uploaded or CAS certificate must be compared: a hostname found is taken as this create's only when it
 *   holds every input); resuming what a lost run created (below): List + Get = 2, no Create; with a wait, + 1 call per
 *   poll: VerifyCustomHostname while `pending` (+ 1 Get once it passes, and a Get re-read once a minute),
 *   GetCustomHostname otherwise;
 * - create past the CreateCustomHostname quota (100 per hour per account): by default the create waits for the next
 *   slot, printing why, how many creates are queued and when the slot opens (at once, then at least every 30 s), for at
 *   most `waitTimeoutSeconds`; stack config `alicloud:esaCreateQuota: fail` (or `ALICLOUD_CERTS_ESA_CREATE_QUOTA=fail`)
 *   fails it at once with "quota: N of 100 … used this hour". A throttling answer (`TooManyRequests`: another process
 *   or stack used the quota) is handled the same way;
 * - every write whose answer was lost (reset, timeout, 5xx) is read back before it is failed or sent again: + 1 Get
 *   after an Update, Apply or Verify, + 1 List after a Delete;
 * - update: UpdateCustomHostname + GetCustomHostname = 2; heal a failed/expiring/expired free certificate:
 *   ApplyCustomHostnameCertificate + GetCustomHostname = 2; a changed trigger: Get (+ Apply) + Get; a change of
 *   provider-only settings (`waitTimeoutSeconds`, `adoptExisting`, `waitFor: "none"`): 0;
 * - refresh with SSL off: a share of its site's ListCustomHostnames pages (up to 500 hostnames a call), listed once for
 *   every concurrent refresh on that site (`ALICLOUD_CERTS_ESA_LIST_READS=off` reads with a Get instead);
 * - refresh with SSL on: GetCustomHostname = 1. Not a List page: its items lack `CasId`, `CertId`, `Certificate` and
 *   `PrivateKey` (ESA SDK 2024-09-10 response models), so a page cannot show a changed uploaded certificate or CAS
 *   certificate, which refresh must;
 * - refresh of a hostname gone: + ListCustomHostnames to confirm the disappearance (Get + List = 2);
 * - delete: DeleteCustomHostname + ListCustomHostnames (confirmation) = 2.
 *
 * Existing hostnames: set `adoptExisting: true` to manage one, or use {@link CustomHostname.get} for a read-only view.
 * A hostname a lost run created (a killed `pulumi up`) is resumed without editing the program: stack config
 * `alicloud:esaResumeLostCreates` or `ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES` (`true`, or the hostnames,
 * comma-separated) lets a create take over a same-named hostname that holds every input (site, record, SSL settings,
 * certificate or CAS id), and refuses one that differs.
 */
export class CustomHostname extends pulumi.CustomResource {
  /** `HostnameId` (also the resource id). */
  declare readonly hostnameId: pulumi.Output<string>;
  /** `Status`: `pending` (awaiting ownership verification), `active`, `conflicted`, `offline`, `configuring`. */
  declare readonly status: pulumi.Output<string>;
  /** `VerifyHost`: name of the TXT record the customer publishes to prove ownership. */
  declare readonly verifyHost: pulumi.Output<string>;
  /** `VerifyCode`: value of that TXT record. */
  declare readonly verifyCode: pulumi.Output<string>;
  /** `CertStatus`: `OK`, `Applying`, `ApplyFailed`, `Expiring`, `Expired` (absent with SSL off). */
  declare readonly certStatus: pulumi.Output<string | undefined>;
  /** `CertId`: ESA's id of the deployed certificate. */
  declare readonly certId: pulumi.Output<string | undefined>;
  /** `CertApplyCode`: error code of a failed free-certificate application. */
  declare readonly certApplyCode: pulumi.Output<string | undefined>;
  /** `CertApplyMessage`: error message of a failed free-certificate application. */
  declare readonly certApplyMessage: pulumi.Output<string | undefined>;
  /** `CertTxtKey`: DCV TXT record name for the free certificate (`_acme-challenge.…`). */
  declare readonly certTxtKey: pulumi.Output<string | undefined>;
  /** `CertTxtValue`: DCV TXT record value for the free certificate. */
  declare readonly certTxtValue: pulumi.Output<string | undefined>;
  /** `CertHttpKey`: DCV HTTP-01 URL for the free certificate. */
  declare readonly certHttpKey: pulumi.Output<string | undefined>;
  /** `CertHttpValue`: body to serve at {@link certHttpKey}. */
  declare readonly certHttpValue: pulumi.Output<string | undefined>;
  /** `CertNotAfter`: certificate expiry, ISO-8601 UTC. */
  declare readonly certNotAfter: pulumi.Output<string | undefined>;
  /** `ConflictWith`: what owns the name when `conflicted`. */
  declare readonly conflictWith: pulumi.Output<string | undefined>;
  /** `OfflineReason`: why the hostname is `offline`. */
  declare readonly offlineReason: pulumi.Output<string | undefined>;
  /** `RecordName`: the bound record's name (the CNAME target a customer may point at). */
  declare readonly recordName: pulumi.Output<string>;
  /** `SiteName`: the site's name. */
  declare readonly siteName: pulumi.Output<string>;
  /** The site id, as a string. */
  declare readonly siteId: pulumi.Output<string>;
  /** The normalized hostname. */
  declare readonly hostname: pulumi.Output<string>;
  /** The bound record id, as a string. */
  declare readonly recordId: pulumi.Output<string>;
  /** `SslFlag` in effect. */
  declare readonly sslFlag: pulumi.Output<SslFlag>;
  /** `CertType` in effect. */
  declare readonly certType: pulumi.Output<CertType | undefined>;
  /** The uploaded certificate (secret: ESA returns it with its key). */
  declare readonly certificate: pulumi.Output<string | undefined>;
  /** The uploaded private key (secret). */
  declare readonly privateKey: pulumi.Output<string | undefined>;
  /** `CasId` in effect. */
  declare readonly casId: pulumi.Output<string | undefined>;
  /** `CasRegion` in effect. */
  declare readonly casRegion: pulumi.Output<CasRegion | undefined>;

  /**
   * @param name the Pulumi resource name
   * @param args see {@link CustomHostnameArgs}
   * @param opts resource options; `additionalSecretOutputs` always includes `privateKey` and `certificate`
   */
  constructor(name: string, args: CustomHostnameArgs, opts?: pulumi.CustomResourceOptions);
  /** @internal read-only lookup (see {@link CustomHostname.get}) */
  constructor(name: string, args: undefined, opts: pulumi.CustomResourceOptions);
  constructor(name: string, args: CustomHostnameArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    super(...registration(DECLARATION, customHostnameProvider, name, args, opts));
  }

  /**
   * Look up an existing custom hostname by `HostnameId`, read-only: the engine reads it (one GetCustomHostname) and
   * never updates or deletes it.
   */
  static get(name: string, id: pulumi.Input<string>, opts: pulumi.CustomResourceOptions = {}): CustomHostname {
    return new CustomHostname(name, undefined, { ...opts, id });
  }
}
