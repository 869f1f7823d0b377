/** `read` (refresh and `DvCertificateOrder.get`) of `cas.DvCertificateOrder`. */
import type * as pulumi from "@pulumi/pulumi";
import { messageOf, type PropertyBag, readResult } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { describeOrder, findOrder, isNotFound } from "./api";
import { inputsOf, INPUT_NAMES, toOutputs, type OrderFacts } from "./mapping";
import { type DvCertificateOrderOutputs } from "./types";

/** Refresh: the order as CAS reports it; gone only when the order list confirms it is absent. */
export async function readOrder(
  client: AlibabaApi,
  id: string,
  props: PropertyBag,
): Promise<pulumi.dynamic.ReadResult<Partial<DvCertificateOrderOutputs>>> {
  const inputs = inputsOf(props);
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
  const outs = toOutputs(inputs, facts, props);
  // CAS returns none of the inputs, so they are the recorded ones. `orderId` is left out: the outputs always carry
  // it, and the diff compares it only when the program sets it (adoption).
  const rebuilt = Object.fromEntries(
    Object.entries(outs).filter(([name]) => INPUT_NAMES.includes(name) && name !== "orderId"),
  );
  return readResult(id, outs, rebuilt as Partial<DvCertificateOrderOutputs>, props);
}
