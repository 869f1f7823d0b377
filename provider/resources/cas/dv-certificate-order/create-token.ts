/**
 * Finding the order a lost run placed. CreateCertificateWithCsrRequest has no client token, and a run killed after
 * the order was placed (during `waitForIssuance`, say) leaves no trace in the state: the next `up` used to buy a
 * second certificate and orphan the first. Every order therefore carries one more tag, {@link CREATE_TOKEN_KEY}, whose
 * value is a hash of everything the order asks for (the CSR's key, subject and extensions, not its signature, which
 * ECDSA changes on every signing; the contact details, validation method, product and the user's tags). Before
 * ordering, `create` asks ListTagResources for an instance carrying that tag and resumes the order it belongs to.
 *
 * Any change of inputs that replaces the order changes the hash, so such a replacement never adopts the order it
 * replaces; and the same request from the same key always finds the same order, which is the point. A renewal is the
 * one replacement with unchanged inputs: the order it replaces carries the same token, so an issued order is resumed
 * only while it is outside its renewal window and unexpired (a lost run's order is freshly issued; the order being
 * renewed is due by definition). Telling the two apart costs a DescribeCertificateState (+ GetUserCertificateDetail)
 * per issued candidate, and only when a tagged order exists.
 */
import { createHash } from "node:crypto";
import { progress, type AlibabaApi } from "../../common/host";
import { clockFromEnv } from "../../../util/clock";
import { describeOrder, listOrders, ordersByInstanceIds, taggedInstanceIds } from "./api";
import { renewalDecision } from "./renewal";
import { type DvCertificateOrderInputs } from "./types";

/** The tag key (not starting with `acs:` or `aliyun`, as CAS requires). Stored state: never rename it. */
export const CREATE_TOKEN_KEY = "pulumi-alicloud-certs:create-token";

/**
 * List statuses of an order an interrupted create can resume (validating, issued); a cancelled (`PAYED`), failed,
 * expired or revoked order is never adopted.
 */
const RESUMABLE = new Set(["CHECKING", "ISSUED", "WILLEXPIRED"]);

/** The create token of an order request: 40 hex digits of SHA-256, the same for the same request from the same key. */
export function createToken(inputs: DvCertificateOrderInputs, csrIdentity: string): string {
  const tags = typeof inputs.tags === "object" ? inputs.tags : {};
  const parts = [
    "cas-dv-order/v1",
    csrIdentity,
    inputs.username ?? "",
    inputs.phone ?? "",
    inputs.email ?? "",
    inputs.validateType ?? "",
    inputs.productCode ?? "",
    ...Object.keys(tags)
      .sort()
      .map((key) => `${key}=${tags[key] ?? ""}`),
  ];
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 40);
}

/**
 * The OrderId of a resumable order tagged with `token` (the newest when several are), or undefined when there is
 * none. Reads only: ListTagResources, then ListUserCertificateOrder for the CN to map instances to orders.
 */
export async function findTokenOrder(
  client: AlibabaApi,
  token: string,
  commonName: string,
  renewBeforeDays: number | undefined,
): Promise<string | undefined> {
  const instances = await taggedInstanceIds(client, CREATE_TOKEN_KEY, token);
  if (instances.size === 0) return undefined;
  const orders = ordersByInstanceIds(await listOrders(client, commonName), instances);
  const resumable = orders.filter((o) => o.status !== undefined && RESUMABLE.has(o.status));
  const newestFirst = resumable.sort((a, b) => (BigInt(a.orderId) < BigInt(b.orderId) ? 1 : -1));
  for (const order of newestFirst) {
    if (order.status !== "CHECKING" && (await isBeingRenewed(client, order.orderId, commonName, renewBeforeDays)))
      continue;
    progress(
      `CAS order for ${commonName}: found order ${order.orderId} placed by an earlier, interrupted run; resuming it`,
    );
    return order.orderId;
  }
  return undefined;
}

/** True for an issued order that is expired or inside its renewal window: the one a renewal replaces, never resumed. */
async function isBeingRenewed(
  client: AlibabaApi,
  orderId: string,
  commonName: string,
  renewBeforeDays: number | undefined,
): Promise<boolean> {
  const facts = await describeOrder(client, orderId, commonName);
  if (facts.state.type !== "certificate") return false;
  const end = facts.detail?.notAfter;
  if (end === undefined) return false;
  const now = await clockFromEnv()();
  if (now.getTime() >= end) return true;
  const notAfter = new Date(end).toISOString();
  const start = facts.detail?.notBefore;
  const notBefore = start === undefined ? undefined : new Date(start).toISOString();
  const decision = renewalDecision(
    { state: "certificate", notBefore, notAfter, renewBeforeDays, commonName, adopted: false },
    now,
  );
  if (decision.renew)
    progress(
      `CAS order for ${commonName}: order ${orderId} is the one being renewed (${decision.reason}); not resuming it`,
    );
  return decision.renew;
}

/**
 * The newest order placed for the same request after `orderId` (same create token) and still validating or issued:
 * the renewal that replaces `orderId`. Reads only: ListTagResources, then ListUserCertificateOrder for the CN.
 */
export async function supersedingOrder(
  client: AlibabaApi,
  token: string,
  commonName: string,
  orderId: string,
): Promise<string | undefined> {
  const instances = await taggedInstanceIds(client, CREATE_TOKEN_KEY, token);
  if (instances.size === 0) return undefined;
  const orders = ordersByInstanceIds(await listOrders(client, commonName), instances);
  const newer = orders.filter(
    (o) => o.status !== undefined && RESUMABLE.has(o.status) && BigInt(o.orderId) > BigInt(orderId),
  );
  return newer.sort((a, b) => (BigInt(a.orderId) < BigInt(b.orderId) ? 1 : -1))[0]?.orderId;
}

/** The create token of the order recorded with `inputs` (its CSR parsed lazily); undefined without a readable CSR. */
export async function recordedToken(inputs: DvCertificateOrderInputs): Promise<string | undefined> {
  if (inputs.csr === undefined) return undefined;
  const { inspectCsr } = await import("./csr");
  const facts = await inspectCsr(inputs.csr);
  return "unreadable" in facts ? undefined : createToken(inputs, facts.identity);
}
