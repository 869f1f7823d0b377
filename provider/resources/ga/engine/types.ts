/**
 * The vocabulary of the GA binding engine. Resources do not ask for API actions; they state what one domain on one
 * listener must look like (an {@link BindingIntent}), and the engine turns all pending intents of an accelerator into
 * the fewest writes after reading the listener's live bindings. That makes every operation idempotent by
 * construction: a retried create finds its binding and does nothing, a delete of an absent binding is a no-op, and a
 * binding that already exists is adopted.
 */

/** What one domain on one listener must look like. */
export interface BindingIntent {
  readonly acceleratorId: string;
  readonly listenerId: string;
  /** Lower-case domain. */
  readonly domain: string;
  /** The certificate (`<certId>-<region>`) the domain must carry, or `undefined` when it must carry none. */
  readonly certificateId: string | undefined;
}

/** A binding as ListListenerCertificates(Role=additional) reports it. */
export interface LiveBinding {
  /** Lower-case domain. */
  readonly domain: string;
  readonly certificateId: string;
  /** `active`, or `updating` while a write touching it is in flight. */
  readonly state: string;
}

/** What the engine did for an intent that succeeded. */
export type IntentAction =
  /** Associate: the domain had no additional certificate. */
  | "associated"
  /** UpdateAdditionalCertificateWithListener: the domain carried another certificate. */
  | "updated"
  /** Dissociate: the domain carried a certificate and must not. */
  | "dissociated"
  /** Nothing to write: the domain already carried the wanted certificate (this is how existing bindings are adopted). */
  | "unchanged"
  /** Nothing to write: the domain (or its whole listener) was already gone. */
  | "absent";

/** The outcome of one intent. */
export type IntentOutcome =
  | { readonly ok: true; readonly action: IntentAction; readonly state: string }
  | {
      readonly ok: false;
      readonly error: Error;
      /**
       * True when a write for this intent was accepted, or may have been (an ambiguous transport failure), before the
       * failure: the cloud may now hold the binding, so the caller must report a partial failure, never forget it.
       */
      readonly accepted: boolean;
      /**
       * Only when `accepted`: what ListListenerCertificates showed for the domain right after the failure. `binding`
       * is undefined when the domain carried no additional certificate. Absent when that read failed as well, so
       * what the cloud holds is unknown.
       */
      readonly confirmed?: { readonly binding: LiveBinding | undefined };
    };

/** The write kinds, in the order a round runs them (dissociate first frees domains; update keeps the domain served). */
export type WriteKind = "dissociate" | "update" | "associate";

/** One planned write: its kind and the intents it satisfies (≤ 10; exactly 1 for update). */
export interface PlannedWrite<T> {
  readonly kind: WriteKind;
  readonly items: readonly T[];
}
