/**
 * JSON shapes of the per-consumer serving timeline (`GET /__emulator/serving`, `GET /__emulator/serving/analysis`)
 * and of what services report to build it. Plain JSON: timelines are part of the world and of the state file.
 */

/** A consumer of a certificate: an ESA custom hostname (by name) or a GA listener binding (listener + domain). */
export type ServingConsumer =
  | {
      readonly kind: "esa-hostname";
      /** Lower-case hostname. Keyed by name, so a delete-and-recreate shows as one consumer with a gap. */
      readonly hostname: string;
    }
  | {
      readonly kind: "ga-binding";
      readonly listenerId: string;
      /** Lower-case domain of the additional certificate. */
      readonly domain: string;
    };

/** What a service says a consumer serves; the core turns it into a {@link ServedCertificate}. */
export type ServedReference =
  /** A certificate PEM held by the consumer itself (ESA `upload`); the leaf is the first block. */
  | { readonly pem: string }
  /** A CAS certificate by CertId (ESA `cas`, GA `<certId>-<region>`). */
  | { readonly casCertId: string }
  /** An ESA free (ACME) certificate, which has no PEM in the emulator. */
  | { readonly esaFree: { readonly certId: string; readonly notBefore: number; readonly notAfter: number } };

/** One consumer as a service observes it now. */
export interface ServingObservation {
  readonly consumer: ServingConsumer;
  /** The consumer object's own id (ESA HostnameId, GA ListenerId). */
  readonly objectId: string;
  /** `null`: the consumer exists but serves no certificate. */
  readonly served: ServedReference | null;
  /**
   * When what is served now started, if the service knows it better than "now" (a write that settled between two
   * observations, a free certificate issued at the end of its review). Ignored unless it lies within the open period.
   */
  readonly since?: number;
}

/** A served certificate, identified enough to judge it. Unknown fields are `null`. */
export interface ServedCertificate {
  /** How the consumer holds it. */
  readonly source: "upload" | "cas" | "free";
  /** Upper-case hex SHA-256 of the leaf's DER (null for ESA free certificates). */
  readonly sha256: string | null;
  /** Lower-case hex serial number. */
  readonly serialNo: string | null;
  /** CAS CertId: the referenced one, or the CAS certificate with the same fingerprint. */
  readonly casCertId: string | null;
  /** ESA's own certificate id (free certificates). */
  readonly esaCertId: string | null;
  readonly commonName: string | null;
  /** Epoch ms. */
  readonly notBefore: number | null;
  /** Epoch ms. */
  readonly notAfter: number | null;
}

/** A stretch of a consumer's life on the emulator's clock. */
export interface ServingPeriod {
  /** Simulated epoch ms, inclusive. */
  readonly from: number;
  /** Simulated epoch ms, exclusive; `null` while open. */
  to: number | null;
  /** `serving` a certificate, `none` (exists, no certificate) or `absent` (the consumer does not exist). */
  readonly state: "serving" | "none" | "absent";
  /** The consumer object's id during the period (`null` when absent). */
  readonly objectId: string | null;
  /** Set when `state` is `serving`. */
  readonly certificate: ServedCertificate | null;
}

/** One consumer's whole timeline. */
export interface ConsumerTimeline {
  readonly key: string;
  readonly consumer: ServingConsumer;
  readonly periods: ServingPeriod[];
}

/** `GET /__emulator/serving`. */
export interface ServingReport {
  /** Simulated now; open periods end here. */
  readonly now: number;
  readonly consumers: ConsumerTimeline[];
}

/** What went wrong in a period. */
export type ServingViolationKind =
  /** Served a certificate after the CA revoked it. */
  | "revoked"
  /** Served a certificate past its notAfter. */
  | "expired"
  /** Served a certificate before its notBefore (before it was issued). */
  | "not-yet-valid"
  /** Served a certificate the emulator cannot identify (no validity known, e.g. a CAS id CAS never issued). */
  | "not-issued"
  /** Existed without a certificate after having served one. */
  | "unserved"
  /** Disappeared after having served a certificate, and came back later (a replace: delete, then create). */
  | "gap";

/** One violation, clipped to the stretch of time it covers. */
export interface ServingViolation {
  readonly key: string;
  readonly consumer: ServingConsumer;
  readonly kind: ServingViolationKind;
  /** Simulated epoch ms, inclusive. */
  readonly from: number;
  /** Simulated epoch ms, exclusive. */
  readonly to: number;
  readonly certificate: ServedCertificate | null;
  /** One line for a test failure message. */
  readonly detail: string;
}

/** `GET /__emulator/serving/analysis`. */
export interface ServingAnalysis {
  readonly now: number;
  /** How many consumers were judged. */
  readonly consumers: number;
  /** True when there is no violation. */
  readonly ok: boolean;
  readonly violations: ServingViolation[];
}

/** What the CA (CAS) knows about a certificate, for identification and revocation. */
export interface CaCertificateRecord {
  readonly certId: string;
  readonly sha256: string;
  readonly serialNo: string;
  readonly commonName: string;
  readonly notBefore: number;
  readonly notAfter: number;
  /** Simulated epoch ms of the revocation; `null` when not revoked. */
  readonly revokedAt: number | null;
}
