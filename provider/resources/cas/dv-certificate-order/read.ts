/** create, read and update of `cas.DvCertificateOrder` (delete is in ./remove). */
import type * as pulumi from "@pulumi/pulumi";
import { type DvCertificateOrderInputs, type DvCertificateOrderOutputs } from "../dv-certificate-order";
import { messageOf, PartialFailureError, withoutProvider, type PropertyBag } from "../../common/dynamic";
import { hostClient } from "../../common/host";
import { type AlibabaClient } from "../../../transport/client";
import { type CertificateState } from "../../../transport/operations/cas";
import { describeOrder, factsOf, isNotFound } from "./describe";
import { findOrder } from "./api";
import { inputsOf, INPUT_NAMES, toOutputs, type OrderFacts } from "./mapping";
import { placeOrder } from "./create";
import { waitForIssuance } from "./wait";

/** The CSR's CN, parsed in the host (x509 is loaded lazily, only by operations that need it). */
async function commonNameOf(csr: string | undefined): Promise<string | undefined> {
  if (csr === undefined) return undefined;
  const { inspectCsr } = await import("./csr");
  const facts = await inspectCsr(csr);
  return "unreadable" in facts ? undefined : facts.commonName;
}

/** Wait for issuance when asked to and not issued yet; `latest` receives each polled state. */
async function settle(
  client: AlibabaClient,
  inputs: DvCertificateOrderInputs,
  facts: OrderFacts,
  latest: (f: OrderFacts) => void,
): Promise<OrderFacts> {
  if (!inputs.waitForIssuance || facts.state.type === "certificate") return facts;
  const onPoll = (state: CertificateState): void => latest({ ...facts, state });
  const issued = await waitForIssuance(client, facts.orderId, facts.commonName, inputs.issuanceTimeoutSeconds, onPoll);
  return factsOf(client, facts.orderId, facts.commonName, issued);
}

/** Place (or adopt) the order, describe it, and wait for issuance when asked to. */
export async function createOrder(bag: PropertyBag): Promise<pulumi.dynamic.CreateResult<DvCertificateOrderOutputs>> {
  const inputs = inputsOf(bag);
  const client = hostClient();
  let commonName = await commonNameOf(inputs.csr);
  let orderId = inputs.orderId;
  if (orderId === undefined) {
    if (commonName === undefined) throw new Error("csr has no readable CN; run check (pulumi preview) for details");
    orderId = await placeOrder(client, inputs, commonName);
  } else {
    commonName ??= (await adoptedDomain(client, orderId))?.toLowerCase();
  }
  let known: OrderFacts | undefined;
  try {
    known = await describeOrder(client, orderId, commonName);
    const facts = await settle(client, inputs, known, (f) => (known = f));
    return { id: orderId, outs: toOutputs(inputs, facts) };
  } catch (error: unknown) {
    if (inputs.orderId !== undefined && known === undefined && isNotFound(error)) {
      throw new Error(`orderId ${orderId}: CAS has no such order, so there is nothing to adopt (${messageOf(error)})`);
    }
    throw partialFailure(`CAS order ${orderId} exists but ${messageOf(error)}`, orderId, bag, inputs, known);
  }
}

/** An adopted order's domain from the order list (DescribeCertificateState does not return it while pending). */
async function adoptedDomain(client: AlibabaClient, orderId: string): Promise<string | undefined> {
  return (await findOrder(client, orderId, orderId))?.domain;
}

function partialFailure(
  message: string,
  orderId: string,
  bag: PropertyBag,
  inputs: DvCertificateOrderInputs,
  facts: OrderFacts | undefined,
): PartialFailureError {
  const outputs = facts === undefined ? { orderId } : toOutputs(inputs, facts);
  // `bag` carries __provider: without it the engine could not delete the recorded order later.
  return new PartialFailureError(message, orderId, { ...bag, ...outputs }, [message]);
}

/** Refresh: the order as CAS reports it; gone only when the order list confirms it is absent. */
export async function readOrder(
  id: string,
  props: PropertyBag,
): Promise<pulumi.dynamic.ReadResult<Partial<DvCertificateOrderOutputs>>> {
  const inputs = inputsOf(props);
  const commonName = typeof props["commonName"] === "string" ? props["commonName"] : undefined;
  const client = hostClient();
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
  const outs = toOutputs(inputs, facts);
  // CAS returns none of the inputs, so they are the recorded ones. `orderId` is left out: the outputs always carry
  // it, and the diff compares it only when the program sets it (adoption).
  const rebuilt = Object.fromEntries(
    Object.entries(outs).filter(([name]) => INPUT_NAMES.includes(name) && name !== "orderId"),
  );
  return { id, props: outs, inputs: rebuilt as Partial<DvCertificateOrderOutputs> };
}

/**
 * Update: only behaviour inputs change in place (diff sends everything else to replace). No API call, except when
 * `waitForIssuance` is on and the order is not issued yet (also how a failed wait is retried on the next up).
 */
export async function updateOrder(
  id: string,
  olds: PropertyBag,
  news: PropertyBag,
): Promise<pulumi.dynamic.UpdateResult<DvCertificateOrderOutputs>> {
  const inputs = inputsOf(news);
  const previous = withoutProvider(olds);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(previous)) if (!INPUT_NAMES.includes(key)) kept[key] = value;
  const outs = { ...kept, ...inputs, orderId: id } as DvCertificateOrderOutputs;
  if (!inputs.waitForIssuance || outs.state === "certificate") return { outs };
  const client = hostClient();
  let known: OrderFacts | undefined;
  try {
    known = await describeOrder(client, id, outs.commonName);
    const facts = await settle(client, inputs, known, (f) => (known = f));
    return { outs: toOutputs(inputs, facts) };
  } catch (error: unknown) {
    throw partialFailure(`CAS order ${id}: ${messageOf(error)}`, id, { ...news, ...outs }, inputs, known);
  }
}
