/**
 * `create` of `cas.DvCertificateOrder`: place the order (or adopt one by `orderId`), describe it, and wait for
 * issuance when asked to. Placing an order: CreateCertificateWithCsrRequest consumes quota and has no client token, so
 * the transport never repeats it after an ambiguous failure (reset, timeout, 5xx): the order may exist. This module
 * then looks for it before every new attempt (`transport/lookup-retry`), so a timeout never buys two certificates.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isAlibabaCloudError } from "../../../transport/errors";
import { writeWithLookups } from "../../../transport/lookup-retry";
import { timeoutMs } from "../../common/check";
import { messageOf, type PropertyBag } from "../../common/dynamic";
import { progress, type AlibabaApi } from "../../common/host";
import { createCertificateWithCsr, describeOrder, findOrder, isNotFound, orderIdsForDomain } from "./api";
import { parseInputs } from "./inputs";
import { toCreateRequest, toOutputs, type OrderFacts } from "./mapping";
import { orderPartialFailure } from "./partial-failure";
import { type CreateCertificateWithCsrRequestParams } from "../../../transport/operations/cas";
import { CREATE_TOKEN_KEY, createToken, findTokenOrder } from "./create-token";
import { BEHAVIOUR_DEFAULTS, type DvCertificateOrderInputs, type DvCertificateOrderOutputs } from "./types";
import { settle } from "./wait";

/** The documented quota codes: no resource plan bought, or none left. Not "not found" errors. */
const QUOTA_CODES = new Set(["NotFoundPackage", "NotRemainCount"]);

/** The request with the create-token tag added after the user's tags. */
function withCreateToken(
  request: CreateCertificateWithCsrRequestParams,
  token: string,
): CreateCertificateWithCsrRequestParams {
  return { ...request, Tags: [...(request.Tags ?? []), { Key: CREATE_TOKEN_KEY, Value: token }] };
}

/**
 * Place the order and return its OrderId. First, an order an interrupted run placed for the same request is found
 * by its create token (`./create-token`) and resumed instead. Then the CN's existing orders are listed: after an ambiguous failure,
 * the order that appeared since is this attempt's (an older pending order for the same domain, e.g. the one being
 * replaced, is never mistaken for it). If none appeared the create did not happen and is tried again, until the
 * create's deadline (`issuanceTimeoutSeconds`), not a count.
 */
export async function placeOrder(
  client: AlibabaApi,
  inputs: DvCertificateOrderInputs,
  commonName: string,
  csrIdentity: string,
): Promise<string> {
  const token = createToken(inputs, csrIdentity);
  const renewBeforeDays = typeof inputs.renewBeforeDays === "number" ? inputs.renewBeforeDays : undefined;
  const resumed = await findTokenOrder(client, token, commonName, renewBeforeDays);
  if (resumed !== undefined) return resumed;
  const request = withCreateToken(toCreateRequest(inputs), token);
  const before = await orderIdsForDomain(client, commonName);
  const appeared = async (): Promise<string | undefined> => {
    progress(`CAS order for ${commonName}: no reply to CreateCertificateWithCsrRequest; looking for the order`);
    const fresh = [...(await orderIdsForDomain(client, commonName))].filter((id) => !before.has(id));
    if (fresh.length > 1) {
      throw new Error(
        `CreateCertificateWithCsrRequest for ${commonName} got no reply and ${fresh.length} new orders for that domain appeared (${fresh.join(", ")}), so this one cannot be told apart; adopt the right one with the orderId input and cancel the others`,
      );
    }
    if (fresh[0] !== undefined)
      progress(`CAS order for ${commonName}: found order ${fresh[0]} placed by the unanswered request; using it`);
    return fresh[0];
  };
  try {
    return await writeWithLookups({
      write: () => createCertificateWithCsr(client, request),
      applied: appeared,
      deadline: Date.now() + timeoutMs(inputs.issuanceTimeoutSeconds, BEHAVIOUR_DEFAULTS.issuanceTimeoutSeconds),
      description: `CreateCertificateWithCsrRequest for ${commonName}`,
      onRetry: progress,
    });
  } catch (error: unknown) {
    if (isAlibabaCloudError(error) && QUOTA_CODES.has(error.code)) throw quotaError(error.code, inputs, error.message);
    throw error;
  }
}

function quotaError(code: string, inputs: DvCertificateOrderInputs, cause: string): Error {
  const product = inputs.productCode ?? "digicert-free-1-free (the default)";
  const what =
    code === "NotRemainCount" ? "has no certificates left in its DV resource plan" : "has no DV resource plan";
  return new Error(
    `The Alibaba Cloud account ${what} for productCode ${product}, so no order was placed. Buy a DV certificate resource plan (or free-certificate quota) for that product in the SSL Certificates Service console, or choose another productCode. (${cause})`,
  );
}

/** The CSR's CN and identity, parsed in the host (x509 is loaded lazily, only by operations that need it). */
async function csrFactsOf(csr: string | undefined): Promise<{ commonName?: string | undefined; identity?: string }> {
  if (csr === undefined) return {};
  const { inspectCsr } = await import("./csr");
  const facts = await inspectCsr(csr);
  return "unreadable" in facts ? {} : { commonName: facts.commonName, identity: facts.identity };
}

/** Place (or adopt) the order, describe it, and wait for issuance when asked to. */
export async function createOrder(
  client: AlibabaApi,
  bag: PropertyBag,
): Promise<pulumi.dynamic.CreateResult<DvCertificateOrderOutputs>> {
  const inputs = parseInputs(bag);
  const csrFacts = await csrFactsOf(inputs.csr);
  let commonName = csrFacts.commonName;
  let orderId = inputs.orderId;
  if (orderId === undefined) {
    if (commonName === undefined || csrFacts.identity === undefined)
      throw new Error("csr has no readable CN; run check (pulumi preview) for details");
    orderId = await placeOrder(client, inputs, commonName, csrFacts.identity);
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
    throw orderPartialFailure(`CAS order ${orderId} exists but ${messageOf(error)}`, orderId, bag, inputs, known);
  }
}

/** An adopted order's domain from the order list (DescribeCertificateState does not return it while pending). */
async function adoptedDomain(client: AlibabaApi, orderId: string): Promise<string | undefined> {
  return (await findOrder(client, orderId, orderId))?.domain;
}
