/** UpdateCustomHostname: rebinding the record and/or changing the SSL block. Hostname and SiteId are immutable. */
import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { optionalIdParam } from "../params";
import { checkSslSyntax, planSsl } from "../ssl";
import type { EsaState } from "../state";
import { requireHostname, requireSourceRecord } from "./common";

function updateCustomHostname(call: ApiCall, state: EsaState, ctx: ServiceContext): Record<string, unknown> {
  const p = call.params;
  const recordId = optionalIdParam(p, "RecordId");
  checkSslSyntax(p);
  const h = requireHostname(state, p);
  if (recordId !== undefined) requireSourceRecord(state, h.siteId, recordId);
  const ssl = planSsl(p, h.hostname, h, ctx);

  // Everything is validated; only now mutate, so a failed call changes nothing.
  if (recordId !== undefined && recordId !== h.recordId) {
    h.recordId = recordId;
    h.updateTime = ctx.clock.now();
  }
  ssl?.(h);
  return {};
}

export const updateCustomHostnameAction: ActionDefinition<EsaState> = {
  handler: updateCustomHostname,
  required: ["HostnameId"],
  write: true,
  secretParams: ["PrivateKey"],
};
