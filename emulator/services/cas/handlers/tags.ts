/**
 * CAS ListTagResources (2020-04-07): the resources that carry the given tags. Documented: `RegionId` and
 * `ResourceType` are required, `ResourceType` is `instance`, at least one of `ResourceId.N` or `Tag.N.Key` is given,
 * and the reply is `TagResources.TagResource[]` of `ResourceId`, `ResourceType`, `TagKey`, `TagValue` pairs with a
 * `NextToken` page token. Not documented, and modelled as the one reading that lets an order's tags be found at
 * all (inferred, see docs/emulator.md): the `Tags` of CreateCertificateWithCsrRequest attach to the order's
 * instance, the `InstanceId` ListUserCertificateOrder returns.
 */
import type { ActionDefinition, ApiCall } from "../../../core/contract";
import { CasErrors } from "../errors";
import type { CasState } from "../state";
import { parsePositiveInt } from "../params";

const DEFAULT_MAX_RESULTS = 20;

/** `Tag.N.Key` / `Tag.N.Value` filters (a key without a value matches any value), and `ResourceId.N`. */
function filters(params: Readonly<Record<string, string>>): {
  tags: { key: string; value: string | undefined }[];
  resourceIds: string[];
} {
  const tags = new Map<number, { key?: string; value?: string }>();
  const resourceIds: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const tag = /^Tag\.(\d+)\.(Key|Value)$/.exec(name);
    if (tag?.[1] !== undefined) {
      const entry = tags.get(Number(tag[1])) ?? {};
      if (tag[2] === "Key") entry.key = value;
      else entry.value = value;
      tags.set(Number(tag[1]), entry);
    } else if (/^ResourceId\.\d+$/.test(name)) resourceIds.push(value);
  }
  const list = [...tags.values()].map((t) => {
    if (t.key === undefined || t.key === "") throw CasErrors.invalidParameter("Tag.N.Key must not be empty.");
    return { key: t.key, value: t.value };
  });
  return { tags: list, resourceIds };
}

function listTagResources(call: ApiCall, state: CasState): Record<string, unknown> {
  const p = call.params;
  if (p["ResourceType"] !== "instance") throw CasErrors.invalidParameter("ResourceType must be instance.");
  const { tags, resourceIds } = filters(p);
  if (tags.length === 0 && resourceIds.length === 0)
    throw CasErrors.invalidParameter("ResourceId and Tag cannot both be empty.");
  const maxResults = parsePositiveInt("MaxResults", p["MaxResults"], DEFAULT_MAX_RESULTS);
  const start = p["NextToken"] === undefined || p["NextToken"] === "" ? 0 : Number(p["NextToken"]);
  if (!Number.isInteger(start) || start < 0) throw CasErrors.invalidParameter("NextToken is not valid.");
  const pairs: Record<string, string>[] = [];
  for (const order of Object.values(state.orders)) {
    if (resourceIds.length > 0 && !resourceIds.includes(order.instanceId)) continue;
    const carries = tags.every((f) =>
      order.tags.some((t) => t.key === f.key && (f.value === undefined || t.value === f.value)),
    );
    if (!carries) continue;
    for (const t of order.tags)
      pairs.push({ ResourceId: order.instanceId, ResourceType: "instance", TagKey: t.key, TagValue: t.value });
  }
  const page = pairs.slice(start, start + maxResults);
  const next = start + maxResults < pairs.length ? String(start + maxResults) : "";
  return { TagResources: { TagResource: page }, NextToken: next };
}

/** ListTagResources. */
export const tagActions: Readonly<Record<string, ActionDefinition<CasState>>> = {
  ListTagResources: { handler: listTagResources, required: ["RegionId", "ResourceType"], write: false },
};
