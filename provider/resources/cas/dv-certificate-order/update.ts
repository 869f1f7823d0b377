/** `update` of `cas.DvCertificateOrder`. */
import type * as pulumi from "@pulumi/pulumi";
import { messageOf, withoutProvider, type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { describeOrder } from "./api";
import { INPUT_NAMES } from "./declaration";
import { parseInputs } from "./inputs";
import { toOutputs, withDerivedOutputs, type OrderFacts } from "./mapping";
import { orderPartialFailure } from "./partial-failure";
import { type DvCertificateOrderOutputs } from "./types";
import { needsObservation } from "./observe";
import { settle } from "./wait";

/** The input names, as a set of strings. */
const RECORDED_INPUTS = new Set<string>(INPUT_NAMES);

/**
 * Update: only behaviour inputs change in place (diff sends everything else to replace). No API call, except when
 * the recorded state is not final (diff saw the order issued and proposed this update to record it: one
 * DescribeCertificateState + GetUserCertificateDetail), or `waitForIssuance` is on and the order is not issued yet
 * (also how a failed wait is retried on the next up).
 */
export async function updateOrder(
  client: AlibabaApi,
  id: string,
  olds: PropertyBag,
  news: PropertyBag,
): Promise<pulumi.dynamic.UpdateResult<DvCertificateOrderOutputs>> {
  const inputs = parseInputs(news);
  const previous = withoutProvider(olds);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(previous)) if (!RECORDED_INPUTS.has(key)) kept[key] = value;
  const outs = withDerivedOutputs({ ...kept, ...inputs, orderId: id } as DvCertificateOrderOutputs, previous);
  const waits = inputs.waitForIssuance === true && outs.state !== "certificate";
  if (!needsObservation(previous) && !waits) return { outs };
  let known: OrderFacts | undefined;
  try {
    known = await describeOrder(client, id, outs.commonName);
    const facts = await settle(client, inputs, known, (f) => (known = f));
    return { outs: toOutputs(inputs, facts, previous) };
  } catch (error: unknown) {
    throw orderPartialFailure(`CAS order ${id}: ${messageOf(error)}`, id, { ...news, ...outs }, inputs, known);
  }
}
