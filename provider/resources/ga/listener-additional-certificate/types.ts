/**
 * Provider-side shapes of `ga.ListenerAdditionalCertificate`: the normalized inputs, the stored outputs, and which
 * inputs replace the binding. The public `ListenerAdditionalCertificateArgs` lives in
 * `../listener-additional-certificate.ts`, which re-exports these types.
 */
import { type Unknown } from "../../common/check";

/** Provider-side inputs of `ListenerAdditionalCertificate`, as `check` normalizes them. */
export type ListenerAdditionalCertificateInputs = {
  readonly acceleratorId: string;
  readonly listenerId: string;
  /** Lower-case. */
  readonly domain: string;
  readonly certificateId: string;
  /** Unknown only at preview (check and diff); the verbs always see a number or nothing. */
  readonly timeoutSeconds?: number | Unknown;
  /**
   * The resource's name in the program (hidden input `__resourceName`, see `../claims/claimant.ts`): names it in claim
   * conflicts. Absent in state written before it existed. Never compared by diff.
   * @internal
   */
  readonly __resourceName?: string;
};

/** Outputs (stored state) of `ListenerAdditionalCertificate`. */
export type ListenerAdditionalCertificateOutputs = ListenerAdditionalCertificateInputs & {
  /** The binding's `State` in ListListenerCertificates: `active`, or `updating` while a write is in flight. */
  readonly state: string;
};
