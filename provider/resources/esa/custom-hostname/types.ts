/**
 * Provider-side shapes of `esa.CustomHostname`: the normalized inputs `check` returns (plain values, ids as strings,
 * defaults filled in) and the outputs stored in state, both derived from `./declaration.ts`, and the documented
 * facts the verbs share. The public `CustomHostnameArgs` lives in `../custom-hostname.ts`.
 */
import { type CertType, type SslFlag } from "../../../transport/operations/esa";
import { CAS_REGIONS, type CasRegion } from "../../common/check";
import { type ComputedOutputs, type NormalizedInputs } from "../../common/declared-types";
import {
  CERT_TYPES,
  DEFAULT_WAIT_TIMEOUT_SECONDS,
  MAX_WAIT_TIMEOUT_SECONDS,
  SSL_FLAGS,
  WAIT_FOR_VALUES,
  type DECLARATION,
} from "./declaration";

export type { CertType, SslFlag };
export { CAS_REGIONS, type CasRegion };
export { CERT_TYPES, DEFAULT_WAIT_TIMEOUT_SECONDS, MAX_WAIT_TIMEOUT_SECONDS, SSL_FLAGS, WAIT_FOR_VALUES };

/** What `create`/`update` wait for before returning. */
export type WaitFor = (typeof WAIT_FOR_VALUES)[number];

/** Certificate statuses after which ESA accepts `ApplyCustomHostnameCertificate` (and only these). */
export const REAPPLY_CERT_STATUSES: readonly string[] = ["ApplyFailed", "Expiring", "Expired"];

/**
 * How long before its recorded `certNotAfter` a free certificate counts as expiring without a refresh, so a plain
 * `pulumi up` re-applies it: 30 days, Let's Encrypt's renewal point for its 90-day certificates (one third of the
 * lifetime), which ESA's free certificates are. ESA documents no threshold for `Expiring`; the update asks ESA for the
 * live status first and applies only when ESA would accept it.
 */
export const FREE_CERT_RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * Normalized inputs, as `check` returns them and as stored in state (a type alias, so it is a plain property bag):
 * derived from the declaration, each field's type from its value rule and its TSDoc from the declaration's key.
 */
export type CustomHostnameInputs = NormalizedInputs<(typeof DECLARATION)["inputs"]>;

/** Fields computed by ESA (from `GetCustomHostname`): the declaration's outputs that are not inputs. */
export type CustomHostnameComputed = ComputedOutputs<typeof DECLARATION>;

/** Everything stored as the resource's outputs: the inputs echoed plus the computed fields. */
export type CustomHostnameOutputs = CustomHostnameInputs & CustomHostnameComputed;
