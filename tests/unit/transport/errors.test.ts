import { strict as assert } from "node:assert";
import { toAlibabaCloudError } from "../../../provider/transport/client";
import { isNotFoundCode } from "../../../provider/transport/errors";
import { type Operation, type WireParams } from "../../../provider/transport/operation";
import { GetCustomHostname } from "../../../provider/transport/operations/esa";
import { DescribeListener, UpdateAdditionalCertificateWithListener } from "../../../provider/transport/operations/ga";

/** An error as @alicloud/openapi-client throws it for an HTTP error reply. */
function apiError(status: number, code: string): Error {
  return Object.assign(new Error(`${code}: code: ${status}, m request id: R`), {
    code,
    statusCode: status,
    data: { RequestId: "R-1", Code: code, Message: "service says no", statusCode: status },
  });
}

describe("transport: error classification", () => {
  const table: {
    thrown: unknown;
    op?: "esa" | "ga" | "ga-describe";
    code: string;
    kind: string;
    retryable: boolean;
    notFound: boolean;
    ambiguous: boolean;
  }[] = [
    {
      thrown: apiError(400, "Throttling.User"),
      code: "Throttling.User",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(503, "Throttling.Api"),
      code: "Throttling.Api",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(400, "Rejected.Throttling"),
      code: "Rejected.Throttling",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(429, "TooManyRequests"),
      code: "TooManyRequests",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(503, "ServiceUnavailable"),
      code: "ServiceUnavailable",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: true,
    },
    {
      thrown: apiError(500, "InternalError"),
      code: "InternalError",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: true,
    },
    {
      thrown: apiError(400, "Site.ServiceBusy"),
      code: "Site.ServiceBusy",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(400, "Record.ServiceBusy"),
      code: "Record.ServiceBusy",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(400, "Site.ServiceBusy"),
      op: "ga",
      code: "Site.ServiceBusy",
      kind: "api",
      retryable: false,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(400, "StateError.Accelerator"),
      op: "ga",
      code: "StateError.Accelerator",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(400, "StateError.Listener"),
      op: "ga",
      code: "StateError.Listener",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(400, "NotActive.Listener"),
      op: "ga",
      code: "NotActive.Listener",
      kind: "api",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(400, "NotExist.Listener"),
      op: "ga-describe",
      code: "NotExist.Listener",
      kind: "api",
      retryable: false,
      notFound: true,
      ambiguous: false,
    },
    {
      thrown: apiError(404, "InvalidParameter"),
      code: "InvalidParameter",
      kind: "api",
      retryable: false,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(404, "NotFoundPackage"),
      code: "NotFoundPackage",
      kind: "api",
      retryable: false,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: apiError(404, "NotRemainCount"),
      code: "NotRemainCount",
      kind: "api",
      retryable: false,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: Object.assign(new Error("read ECONNRESET POST http://h/?PrivateKey=x failed."), { code: "ECONNRESET" }),
      code: "ECONNRESET",
      kind: "network",
      retryable: true,
      notFound: false,
      ambiguous: true,
    },
    {
      thrown: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      code: "ECONNREFUSED",
      kind: "unsent",
      retryable: true,
      notFound: false,
      ambiguous: false,
    },
    {
      thrown: Object.assign(new Error("ReadTimeout(3000)"), { name: "RequestTimeoutError" }),
      code: "RequestTimeout",
      kind: "network",
      retryable: true,
      notFound: false,
      ambiguous: true,
    },
    {
      thrown: new SyntaxError("Unexpected token < in JSON"),
      code: "UnreadableErrorReply",
      kind: "network",
      retryable: true,
      notFound: false,
      ambiguous: true,
    },
    {
      thrown: Object.assign(new Error("no credentials"), { code: "InvalidCredentials" }),
      code: "InvalidCredentials",
      kind: "unsent",
      retryable: false,
      notFound: false,
      ambiguous: false,
    },
  ];
  for (const row of table) {
    const op: Operation<WireParams, unknown> =
      row.op === "ga"
        ? UpdateAdditionalCertificateWithListener
        : row.op === "ga-describe"
          ? DescribeListener
          : GetCustomHostname;
    it(`${row.code} (${op.product}) → kind ${row.kind}, retryable ${row.retryable}, notFound ${row.notFound}, ambiguous ${row.ambiguous}`, () => {
      const e = toAlibabaCloudError(op, row.thrown, []);
      assert.deepEqual(
        { code: e.code, kind: e.kind, retryable: e.retryable, notFound: e.notFound, ambiguous: e.ambiguous },
        { code: row.code, kind: row.kind, retryable: row.retryable, notFound: row.notFound, ambiguous: row.ambiguous },
      );
      assert.doesNotMatch(e.message, /PrivateKey=|http:\/\//, "transport text (with the URL) is never reused");
    });
  }

  it("carries status and request id of API errors", () => {
    const e = toAlibabaCloudError(GetCustomHostname, apiError(404, "InvalidParameter"), []);
    assert.equal(e.httpStatus, 404);
    assert.equal(e.requestId, "R-1");
    assert.equal(
      e.message,
      "ESA GetCustomHostname failed: InvalidParameter (HTTP 404): service says no [RequestId R-1]",
    );
  });

  it("recognises not-found spellings but not quota or credential codes", () => {
    for (const code of [
      "NotFound",
      "Record.NotFound",
      "NotExist.Accelerator",
      "InvalidOrderId.NotFound",
      "SiteNotFound",
    ])
      assert.ok(isNotFoundCode(code), code);
    for (const code of ["NotFoundPackage", "NotRemainCount", "InvalidAccessKeyId.NotFound", "InvalidParameter"])
      assert.ok(!isNotFoundCode(code), code);
  });
});
