/**
 * Finding the order a lost run placed. CreateCertificateWithCsrRequest has no client token, and a run killed after
 * the order was placed (during `waitForIssuance`, say) leaves no trace in the state: the next `up` used to buy a
 * second certificate and orphan the first. Every order therefore carries one more tag, {@link CREATE_TOKEN_KEY}, whose
 * value is a hash of everything the order asks for (the CSR's key, subject and extensions, not its signature, which
 * ECDSA changes on every signing; the contact details, validation method, product and the user's tags). Before
 * ordering, `create` asks ListTagResources for an instance carrying that tag and resumes the order it belongs to.
 *
 * Any change that replaces the order changes the hash, so a replacement never adopts the order it replaces; and
 * the same request from the same key always finds the same order, which is the point.
 */
import { createHash } from "node:crypto";
import { progress, type AlibabaApi } from "../../common/host";
import { listOrders, ordersByInstanceIds, taggedInstanceIds } from "./api";
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
): Promise<string | undefined> {
  const instances = await taggedInstanceIds(client, CREATE_TOKEN_KEY, token);
  if (instances.size === 0) return undefined;
  const orders = ordersByInstanceIds(await listOrders(client, commonName), instances);
  const resumable = orders.filter((o) => o.status !== undefined && RESUMABLE.has(o.status));
  const newest = resumable.map((o) => o.orderId).sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : -1))[0];
  if (newest !== undefined)
    progress(`CAS order for ${commonName}: found order ${newest} placed by an earlier, interrupted run; resuming it`);
  return newest;
}
