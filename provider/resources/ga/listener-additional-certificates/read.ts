/** `read` (refresh and `ListenerAdditionalCertificates.get`) of `ga.ListenerAdditionalCertificates`. */
import { type ReadResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag, readResult } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { optionalNumber, sortedMap, stringMap } from "../../common/stored";
import { claimantOf, nameProperty } from "../claims/claimant";
import { recordHeld, sayWhoHolds } from "../claims/guards";
import { setClaims } from "../claims/of-inputs";
import { liveBindings } from "./api";
import { listenerTarget, outputsOf } from "./mapping";
import {
  type ListenerAdditionalCertificatesInputs as Inputs,
  type ListenerAdditionalCertificatesOutputs as Outputs,
} from "./types";

/**
 * Rebuild from the live bindings, restricted to the owned domains (all of them for a `get`, which owns none yet).
 * Gone only when the listener or accelerator is.
 */
export async function readBindingSet(
  api: AlibabaApi,
  id: string,
  props: PropertyBag = {},
): Promise<ReadResult<Outputs>> {
  const target = listenerTarget(id);
  const claimant = claimantOf("ga.ListenerAdditionalCertificates", props);
  const held = setClaims(props);
  recordHeld(claimant, held);
  const live = await liveBindings(api, target.acceleratorId, target.listenerId);
  if (live === undefined) return { id: "" };
  const ownedMap = stringMap(props, "certificates");
  const owned = ownedMap === undefined ? [...live.keys()] : Object.keys(ownedMap).map((d) => d.toLowerCase());
  const certificates: Record<string, string> = {};
  for (const domain of owned) {
    const binding = live.get(domain);
    if (binding !== undefined) certificates[domain] = binding.certificateId;
  }
  // Another certificate: say which resource of the stack claims the domain, if one does (else it is drift).
  for (const own of held) {
    const now = certificates[own.spelled.toLowerCase()];
    if (now !== undefined) sayWhoHolds(claimant, own, now);
  }
  const timeoutSeconds = optionalNumber(props, "timeoutSeconds");
  const inputs: Inputs = {
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    certificates: sortedMap(certificates),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...nameProperty(props),
  };
  // ReadResult types `inputs` as Outputs; the host stores them as the resource's inputs for later diffs.
  return readResult(id, outputsOf(inputs, certificates), inputs as Outputs, props);
}
