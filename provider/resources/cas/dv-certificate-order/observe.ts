/**
 * What diff and update know about an order whose recorded state is not final: the resource contract lets diff read
 * such an order once (DescribeCertificateState) so that a plain `pulumi up` learns issuance, and update then records
 * it. Every other diff decides offline.
 */
import { messageOf, type PropertyBag } from "../../common/dynamic";
import { progress, type AlibabaApi } from "../../common/host";
import { optionalText } from "../../common/stored";
import { leafValidity } from "../validity";
import { describeState } from "./api";
import { type DvOrderState } from "./types";

/** What one DescribeCertificateState showed of an order whose recorded state was not final. */
export interface ObservedOrder {
  readonly state: DvOrderState;
  /** The issued leaf's validity, when issued and its chain parses. */
  readonly notBefore?: string | undefined;
  readonly notAfter?: string | undefined;
}

/**
 * True when the recorded state is not final, so diff must read the order once: pending (`domain_verify`, `process`),
 * or issued but recorded without `notBefore` (states written before the window followed the lifetime).
 */
export function needsObservation(olds: PropertyBag): boolean {
  const state = optionalText(olds, "state");
  if (state === "domain_verify" || state === "process") return true;
  return state === "certificate" && optionalText(olds, "notBefore") === undefined;
}

/**
 * Read the order once for diff. A failed read is not a failed preview: the diff then decides from the recorded state
 * (it says so), and the next run reads again.
 */
export async function observeOrder(
  client: AlibabaApi,
  id: string,
  olds: PropertyBag,
): Promise<ObservedOrder | undefined> {
  try {
    const state = await describeState(client, id);
    const validity = state.type === "certificate" ? leafValidity(state.certificate) : undefined;
    return { state: state.type as DvOrderState, notBefore: validity?.notBefore, notAfter: validity?.notAfter };
  } catch (error: unknown) {
    const domain = optionalText(olds, "commonName");
    progress(
      `warning: CAS order ${id}${domain === undefined ? "" : ` (${domain})`}: could not read its state (${messageOf(error)}); deciding from the recorded state, the next run reads it again`,
    );
    return undefined;
  }
}
