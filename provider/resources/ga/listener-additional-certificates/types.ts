/**
 * Provider-side shapes of `ga.ListenerAdditionalCertificates`: the normalized inputs, the stored outputs, and which
 * inputs replace the set. The public `ListenerAdditionalCertificatesArgs` lives in
 * `../listener-additional-certificates.ts`, which re-exports these types.
 */
import { type Unknown } from "../../common/check";

/** Provider-side inputs of `ListenerAdditionalCertificates`, as `check` normalizes them. */
export type ListenerAdditionalCertificatesInputs = {
  readonly acceleratorId: string;
  readonly listenerId: string;
  /** Lower-case domains in sorted order. */
  readonly certificates: Readonly<Record<string, string>>;
  /** Unknown only at preview (check and diff); the verbs always see a number or nothing. */
  readonly timeoutSeconds?: number | Unknown;
  /**
   * The resource's name in the program (hidden input `__resourceName`, see `../claims/claimant.ts`): names it in claim
   * conflicts. Absent in state written before it existed. Never compared by diff.
   * @internal
   */
  readonly __resourceName?: string;
};

/** Outputs (stored state) of `ListenerAdditionalCertificates`. */
export type ListenerAdditionalCertificatesOutputs = ListenerAdditionalCertificatesInputs & {
  /** The owned domains, sorted. */
  readonly domains: readonly string[];
};
