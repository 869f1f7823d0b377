/**
 * Every code in the official API pages' error tables (/work/shared/reference/seeds/), classified by the transport:
 * retryable for the "try again later" family, terminal with an actionable message for the rest. The table below is
 * copied from the pages, so a code added to the transport's table without a test, or dropped from it, fails here.
 */
import { strict as assert } from "node:assert";
import { toAlibabaCloudError } from "../../../provider/transport/client";
import { DOCUMENTED_CODES } from "../../../provider/transport/documented-codes";
import { CreateCustomHostname, UpdateCustomHostname } from "../../../provider/transport/operations/esa";
import { AssociateAdditionalCertificatesWithListener } from "../../../provider/transport/operations/ga";

/** An error as @alicloud/openapi-client throws it for an HTTP error reply. */
function thrown(status: number, code: string): Error {
  return Object.assign(new Error(`${code}: code: ${status}`), {
    code,
    statusCode: status,
    data: { RequestId: "R-1", Code: code, Message: "the documented message", statusCode: status },
  });
}

interface Row {
  readonly code: string;
  readonly product: "esa" | "ga";
  readonly status: number;
  readonly retryable: boolean;
  /** What the terminal message must tell the user. */
  readonly says?: RegExp;
}

const PORTS = /fix the listener/;
const ROWS: readonly Row[] = [
  // ESA: seeds 000 (Apply), 001 (Update), 002 (Create).
  { code: "InvalidParameter", product: "esa", status: 400, retryable: false },
  { code: "InternalException", product: "esa", status: 400, retryable: true },
  { code: "NoPermission", product: "esa", status: 400, retryable: false, says: /AliyunESAFullAccess policy/ },
  {
    code: "Instance.NotOnline",
    product: "esa",
    status: 400,
    retryable: false,
    says: /overdue payment: settle the bill/,
  },
  { code: "CustomHostname.NotFound", product: "esa", status: 404, retryable: false },
  { code: "Record.ServiceBusy", product: "esa", status: 400, retryable: true },
  { code: "CustomHostname.ApplyCertFailed", product: "esa", status: 404, retryable: true },
  { code: "CustomHostname.SetCertFailed", product: "esa", status: 404, retryable: true },
  { code: "Site.ServiceBusy", product: "esa", status: 400, retryable: true },
  {
    code: "CustomHostname.ConflictWithExistingResource",
    product: "esa",
    status: 400,
    retryable: false,
    says: /already uses this hostname/,
  },
  { code: "CustomHostname.CheckQuotaFailed", product: "esa", status: 400, retryable: true },
  {
    code: "CustomHostname.OfflineForMultiReason",
    product: "esa",
    status: 400,
    retryable: false,
    says: /offline for more than one reason/,
  },
  {
    code: "CustomHostname.WildcardDomainRequireEnterprisePlan",
    product: "esa",
    status: 400,
    retryable: false,
    says: /Enterprise plan: upgrade the plan/,
  },
  { code: "CustomHostname.QueryCasCertFailed", product: "esa", status: 400, retryable: true },
  {
    code: "QuotaExceed.CustomHostname",
    product: "esa",
    status: 400,
    retryable: false,
    says: /delete unused ones, upgrade the plan/,
  },
  // GA: seed 004 (AssociateAdditionalCertificatesWithListener).
  { code: "ProtocalIllegal.Listener", product: "ga", status: 400, retryable: false, says: /HTTPS listener/ },
  { code: "NotExist.Accelerator", product: "ga", status: 400, retryable: false, says: /check acceleratorId/ },
  { code: "StateError.Accelerator", product: "ga", status: 400, retryable: true },
  { code: "QuotaExceeded.Listener", product: "ga", status: 400, retryable: false, says: /raise the quota/ },
  { code: "PortRangeIllegal.Listener", product: "ga", status: 400, retryable: false, says: PORTS },
  { code: "PortConflict.Listener", product: "ga", status: 400, retryable: false, says: PORTS },
  { code: "QuotaExceeded.ListenerPort", product: "ga", status: 400, retryable: false, says: /raise the quota/ },
  { code: "PortRangeIllegal.ExceedGaAbility", product: "ga", status: 400, retryable: false, says: PORTS },
  { code: "PortRangeIllegal.UDP", product: "ga", status: 400, retryable: false, says: PORTS },
  { code: "SystemPort.Listener", product: "ga", status: 400, retryable: false, says: PORTS },
  { code: "PortRanges.MustOne", product: "ga", status: 400, retryable: false, says: PORTS },
];

describe("transport: every documented error code", () => {
  it("the transport's table and the documented tables list the same codes", () => {
    assert.deepEqual(Object.keys(DOCUMENTED_CODES).sort(), [...new Set(ROWS.map((r) => r.code))].sort());
  });

  for (const row of ROWS) {
    it(`${row.product} ${row.code}: ${row.retryable ? "retried, even by a non-idempotent write" : "terminal"}`, () => {
      // CreateCustomHostname is not idempotent: only definite rejections may be retried, so "retryable" must come
      // with "not ambiguous". AssociateAdditionalCertificatesWithListener is the GA page's own action.
      const op = row.product === "esa" ? CreateCustomHostname : AssociateAdditionalCertificatesWithListener;
      const error =
        row.product === "esa"
          ? toAlibabaCloudError(CreateCustomHostname, thrown(row.status, row.code), [])
          : toAlibabaCloudError(AssociateAdditionalCertificatesWithListener, thrown(row.status, row.code), []);
      assert.equal(error.code, row.code);
      assert.equal(error.retryable, row.retryable, "retryable");
      assert.equal(error.ambiguous, false, "a documented code is a definite answer");
      if (row.says === undefined) {
        assert.equal(error.hint, undefined);
      } else {
        assert.match(error.message, row.says);
        assert.ok(error.message.startsWith(`${row.product.toUpperCase()} ${op.action} failed: ${row.code}`));
      }
      if (row.retryable) assert.equal(error.hint, undefined, "a retryable code needs no advice");
    });
  }

  it("a code is classified only for the product whose tables list it", () => {
    const error = toAlibabaCloudError(UpdateCustomHostname, thrown(400, "StateError.Accelerator"), []);
    assert.equal(error.retryable, false, "ESA does not document StateError.Accelerator");
    assert.equal(error.hint, undefined);
  });
});
