/** UpdateCustomHostname: rebinding the record and/or changing the SSL block. Hostname and SiteId are immutable. */
import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { checkInstanceOnline, checkRecordNotBusy } from "../model/conditions";
import { optionalIdParam } from "../params";
import { checkSslSyntax, planSsl } from "../model/ssl";
import type { EsaState } from "../state";
import { requireHostname, requireSourceRecord } from "../lookups";

function updateCustomHostname(call: ApiCall, state: EsaState, ctx: ServiceContext): Record<string, unknown> {
  const p = call.params;
  const recordId = optionalIdParam(p, "RecordId");
  checkSslSyntax(p);
  const h = requireHostname(state, p);
  checkInstanceOnline(state, h.siteId);
  if (recordId !== undefined) requireSourceRecord(state, h.siteId, recordId);
  checkRecordNotBusy(state, recordId ?? h.recordId, ctx);
  // UpdateCustomHostname documents the certificate step codes with HTTP 404 (CreateCustomHostname: 400).
  const ssl = planSsl(p, h.hostname, h, ctx, state, 404);

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
