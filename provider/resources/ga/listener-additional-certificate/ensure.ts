/**
 * `ensure`, what create and update of `ga.ListenerAdditionalCertificate` share: the binding goes to the
 * per-accelerator engine as an intent; adopting a binding that already carries the certificate costs no write.
 */
import { timeoutMs } from "../../common/check";
import { partialFailure, type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { noteApplied } from "../claims/guards";
import { bindingId } from "../ids";
import { DEFAULT_TIMEOUT_SECONDS } from "../validate";
import { submitBinding } from "./api";
import { intentOf } from "./mapping";
import {
  type ListenerAdditionalCertificateInputs as Inputs,
  type ListenerAdditionalCertificateOutputs as Outputs,
} from "./types";

/** Bring the binding about and return its outputs, or throw (a partial failure once a write may have applied). */
export async function ensure(api: AlibabaApi, inputs: Inputs, bag: PropertyBag, verb: string): Promise<Outputs> {
  const outcome = await submitBinding(
    api,
    intentOf(inputs, inputs.certificateId),
    timeoutMs(inputs.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS),
  );
  const id = bindingId(inputs.acceleratorId, inputs.listenerId, inputs.domain);
  if (outcome.ok) {
    noteApplied("ga.ListenerAdditionalCertificate", bag);
    return { ...inputs, state: outcome.state };
  }
  const message = `${verb} GA additional certificate ${id}: ${outcome.error.message}`;
  if (!outcome.accepted) throw new Error(message);
  const confirmed = outcome.confirmed;
  // A read after the failure showed the domain carries nothing: there is nothing to record (or to orphan).
  if (confirmed !== undefined && confirmed.binding === undefined) throw new Error(message);
  // The write was (or may have been) applied: record the binding so it is never orphaned; the next `up` retries. It
  // is recorded as the confirming read showed it, or with state "unknown" when that read failed too.
  const recorded =
    confirmed?.binding === undefined
      ? { state: "unknown" }
      : { certificateId: confirmed.binding.certificateId, state: confirmed.binding.state };
  throw partialFailure(message, id, bag, { ...inputs, ...recorded }, outcome.error.message);
}
