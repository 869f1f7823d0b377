/** `read` (refresh and `DvCertificateOrder.get`) of `cas.DvCertificateOrder`. */
import type * as pulumi from "@pulumi/pulumi";
import { messageOf, type PropertyBag, readResult } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { type Clock } from "../../../util/clock";
import { describeOrder, findOrder, isNotFound } from "./api";
import { recordedToken, supersedingOrder } from "./create-token";
import { INPUT_NAMES } from "./declaration";
import { parseInputs } from "./inputs";
import { toOutputs, type OrderFacts } from "./mapping";
import { renewalDecision } from "./renewal";
import { type DvCertificateOrderInputs, type DvCertificateOrderOutputs } from "./types";

/** The input names, as a set of strings. */
const RECORDED_INPUTS = new Set<string>(INPUT_NAMES);

/**
 * Refresh: the order as CAS reports it; gone only when the order list confirms it is absent. An order that is due
 * for renewal (or failed, or revoked) is also checked for a newer order of the same request (same create token): a
 * renewal placed it, so this order waits for deletion and records `supersededBy`, and the preview says so instead of
 * "renewing" (ListTagResources + ListUserCertificateOrder, only for such orders).
 */
export async function readOrder(
  client: AlibabaApi,
  id: string,
  props: PropertyBag,
  clock: Clock,
): Promise<pulumi.dynamic.ReadResult<Partial<DvCertificateOrderOutputs>>> {
  const inputs = parseInputs(props);
  const commonName = typeof props["commonName"] === "string" ? props["commonName"] : undefined;
  let facts: OrderFacts;
  try {
    facts = await describeOrder(client, id, commonName);
  } catch (error: unknown) {
    if (!isNotFound(error)) throw error;
    if ((await findOrder(client, id, commonName ?? id)) === undefined) return { id: "" };
    throw new Error(
      `CAS says order ${id} does not exist but still lists it; refresh again later (${messageOf(error)})`,
    );
  }
  const read = toOutputs(inputs, facts, props);
  const supersededBy = await replacement(client, id, inputs, read, clock);
  const outs = supersededBy === undefined ? read : { ...read, supersededBy };
  // CAS returns none of the inputs, so they are the recorded ones. `orderId` is left out: the outputs always carry
  // it, and the diff compares it only when the program sets it (adoption).
  const rebuilt = Object.fromEntries(
    Object.entries(outs).filter(([name]) => RECORDED_INPUTS.has(name) && name !== "orderId"),
  );
  return readResult(id, outs, rebuilt as Partial<DvCertificateOrderOutputs>, props);
}

/** The newer order of the same request that replaces this one, when this one is due to be replaced. */
async function replacement(
  client: AlibabaApi,
  id: string,
  inputs: DvCertificateOrderInputs,
  outs: DvCertificateOrderOutputs,
  clock: Clock,
): Promise<string | undefined> {
  // Outputs always carry `orderId`, so an adopted order cannot be told apart here; it never renews, so diff never
  // prints a renewal line for it, whatever this finds.
  if (outs.commonName === undefined) return undefined;
  const decision = renewalDecision(
    {
      state: outs.state,
      notBefore: outs.notBefore,
      notAfter: outs.notAfter,
      renewBeforeDays: typeof inputs.renewBeforeDays === "number" ? inputs.renewBeforeDays : undefined,
      commonName: outs.commonName,
      adopted: false,
    },
    await clock(),
  );
  if (!decision.renew) return undefined;
  const token = await recordedToken(inputs);
  return token === undefined ? undefined : supersedingOrder(client, token, outs.commonName, id);
}
