/** Lookup-before-retry of non-idempotent writes: bounded by the deadline, never by a count. */
import { strict as assert } from "node:assert";
import { AlibabaCloudError } from "../../../provider/transport/errors";
import { WriteDeadlineError, writeWithLookups } from "../../../provider/transport/lookup-retry";

function serviceUnavailable(): AlibabaCloudError {
  return new AlibabaCloudError({
    product: "cas",
    action: "CreateCertificateWithCsrRequest",
    kind: "api",
    code: "ServiceUnavailable",
    httpStatus: 503,
    serviceMessage: "try later",
    retryable: true,
    notFound: false,
  });
}

function invalidParameter(): AlibabaCloudError {
  return new AlibabaCloudError({
    product: "cas",
    action: "CreateCertificateWithCsrRequest",
    kind: "api",
    code: "InvalidParameter",
    httpStatus: 400,
    serviceMessage: "bad",
    retryable: false,
    notFound: false,
  });
}

describe("writeWithLookups (unit)", () => {
  const fast = { baseDelayMs: 1, maxDelayMs: 2, description: "write" };

  it("keeps trying through five 503s, looking up after each, and returns the write's result", async () => {
    let writes = 0;
    let lookups = 0;
    const result = await writeWithLookups({
      ...fast,
      deadline: Date.now() + 5000,
      write: async () => {
        if (++writes <= 5) throw serviceUnavailable();
        return "order-1";
      },
      applied: async () => {
        lookups++;
        return undefined;
      },
    });
    assert.deepEqual({ result, writes, lookups }, { result: "order-1", writes: 6, lookups: 5 });
  });

  it("returns what the lookup found instead of writing again", async () => {
    let writes = 0;
    const result = await writeWithLookups({
      ...fast,
      deadline: Date.now() + 5000,
      write: async () => {
        writes++;
        throw serviceUnavailable();
      },
      applied: async () => "order-7",
    });
    assert.deepEqual({ result, writes }, { result: "order-7", writes: 1 });
  });

  it("stops at the deadline with the last error, and at once on a definite non-retryable error", async () => {
    const started = Date.now();
    await assert.rejects(
      writeWithLookups({
        ...fast,
        baseDelayMs: 20,
        maxDelayMs: 20,
        deadline: started + 150,
        write: async () => {
          throw serviceUnavailable();
        },
        applied: async () => undefined,
      }),
      (error: unknown) =>
        error instanceof WriteDeadlineError &&
        /did not succeed before its deadline .*ServiceUnavailable/.test(error.message),
    );
    assert.ok(Date.now() - started < 1000);
    let writes = 0;
    await assert.rejects(
      writeWithLookups({
        ...fast,
        deadline: Date.now() + 5000,
        write: async () => {
          writes++;
          throw invalidParameter();
        },
        applied: async () => undefined,
      }),
      /InvalidParameter/,
    );
    assert.equal(writes, 1);
  });
});
