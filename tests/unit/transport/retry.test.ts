import { strict as assert } from "node:assert";
import FakeTimers from "@sinonjs/fake-timers";
import { AlibabaClient } from "../../../provider/transport/client";
import { AlibabaCloudError } from "../../../provider/transport/errors";
import { CreateCustomHostname, GetCustomHostname } from "../../../provider/transport/operations/esa";
import { AssociateAdditionalCertificatesWithListener } from "../../../provider/transport/operations/ga";
import { withRetries } from "../../../provider/transport/retry";
import { configFromRecord } from "../../../provider/transport/settings";
import { startCaptureServer, type CaptureServer } from "../../helpers/capture-server";

const retryable = (e: unknown): boolean => e instanceof Error && e.message === "retry me";

describe("transport: backoff schedule (fake timers)", () => {
  let clock: FakeTimers.Clock;
  let random: () => number;
  beforeEach(() => {
    clock = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    random = Math.random;
    Math.random = () => 0.999; // full jitter at its ceiling: waits approach base × 2^n
  });
  afterEach(() => {
    clock.uninstall();
    Math.random = random;
  });

  it("waits exponentially growing, jittered delays and succeeds on the 4th attempt", async () => {
    const attemptsAt: number[] = [];
    const result = withRetries(
      async () => {
        attemptsAt.push(Date.now());
        if (attemptsAt.length < 4) throw new Error("retry me");
        return "done";
      },
      retryable,
      { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 20_000, deadlineMs: 120_000 },
    );
    await clock.runAllAsync();
    assert.equal(await result, "done");
    const gaps = attemptsAt.slice(1).map((t, i) => t - attemptsAt[i]!);
    assert.equal(gaps.length, 3);
    [500, 1000, 2000].forEach((ceiling, i) => {
      assert.ok(
        gaps[i]! <= ceiling && gaps[i]! >= ceiling * 0.99,
        `gap ${i} = ${gaps[i]} should be just under ${ceiling}`,
      );
    });
  });

  it("uses full jitter: with a random draw of 0 it retries immediately", async () => {
    Math.random = () => 0;
    const attemptsAt: number[] = [];
    const result = withRetries(
      async () => {
        attemptsAt.push(Date.now());
        if (attemptsAt.length < 3) throw new Error("retry me");
        return "ok";
      },
      retryable,
      { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 20_000, deadlineMs: 60_000 },
    );
    await clock.runAllAsync();
    assert.equal(await result, "ok");
    assert.deepEqual(
      attemptsAt.map((t) => t - attemptsAt[0]!),
      [0, 0, 0],
    );
  });

  it("caps each wait at maxDelayMs", async () => {
    const attemptsAt: number[] = [];
    const result = withRetries(
      async () => {
        attemptsAt.push(Date.now());
        if (attemptsAt.length < 6) throw new Error("retry me");
        return "ok";
      },
      retryable,
      { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 3000, deadlineMs: 600_000 },
    );
    await clock.runAllAsync();
    await result;
    const gaps = attemptsAt.slice(1).map((t, i) => t - attemptsAt[i]!);
    assert.ok(
      gaps.every((g) => g <= 3000),
      `gaps ${gaps.join(",")} must not exceed 3000`,
    );
  });

  it("stops retrying once the deadline has passed and rethrows the last error", async () => {
    let attempts = 0;
    const result = withRetries(
      async () => {
        attempts++;
        throw new Error("retry me");
      },
      retryable,
      { maxAttempts: 50, baseDelayMs: 1000, maxDelayMs: 1000, deadlineMs: 2500 },
    );
    const outcome = result.then(
      () => "resolved",
      (e: unknown) => (e as Error).message,
    );
    await clock.runAllAsync();
    assert.equal(await outcome, "retry me");
    assert.ok(attempts >= 3 && attempts <= 4, `attempts ${attempts}: about 2.5 s of 1 s waits`);
  });

  it("does not retry an error the predicate rejects", async () => {
    let attempts = 0;
    const result = withRetries(
      async () => {
        attempts++;
        throw new Error("fatal");
      },
      retryable,
      { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 10, deadlineMs: 1000 },
    ).catch((e: unknown) => e);
    await clock.runAllAsync();
    assert.equal(((await result) as Error).message, "fatal");
    assert.equal(attempts, 1);
  });
});

describe("transport: which failures are retried (loopback server)", () => {
  let server: CaptureServer;
  let client: AlibabaClient;
  const error = (status: number, code: string, message = "m"): { status: number; body: string } => ({
    status,
    body: JSON.stringify({ RequestId: `REQ-${code}`, HostId: "h", Code: code, Message: message, Recommend: "r" }),
  });
  const pem = "-----BEGIN PRIVATE KEY-----\nTOPSECRETKEYMATERIAL\n-----END PRIVATE KEY-----";
  const create = {
    SiteId: "1",
    Hostname: "a.example.com",
    RecordId: "2",
    SslFlag: "on",
    CertType: "upload",
    Certificate: "c",
    PrivateKey: pem,
  } as const;
  const get = { HostnameId: "7" };
  const getReply = {
    status: 200,
    body: '{"RequestId":"R","CustomHostnameModel":{"HostnameId":7,"Hostname":"a.example.com"}}',
  };

  before(async () => {
    server = await startCaptureServer();
    client = new AlibabaClient({
      config: configFromRecord({ "alicloud:accessKey": "k", "alicloud:secretKey": "s" }),
      env: { ALICLOUD_CERTS_ENDPOINT: `http://${server.endpoint}` },
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, deadlineMs: 10_000 },
      timeouts: { connectTimeoutMs: 400, readTimeoutMs: 400 },
    });
  });
  beforeEach(() => {
    server.requests.length = 0;
    server.replies.length = 0;
    server.fallback = { status: 200, body: '{"RequestId":"REQ-OK","HostnameId":9}' };
  });
  after(async () => server.close());

  const cases: {
    name: string;
    replies: ({ status: number; body: string } | "reset")[];
    op: "create" | "get";
    requests: number;
    ok: boolean;
  }[] = [
    {
      name: "throttling then success (idempotent read)",
      replies: [error(400, "Throttling.User"), getReply],
      op: "get",
      requests: 2,
      ok: true,
    },
    {
      name: "ESA TooManyRequests is throttling",
      replies: [error(429, "TooManyRequests"), getReply],
      op: "get",
      requests: 2,
      ok: true,
    },
    {
      name: "ESA busy code on a create (definite rejection): retried",
      replies: [error(400, "Site.ServiceBusy")],
      op: "create",
      requests: 2,
      ok: true,
    },
    {
      name: "throttling on a create: retried",
      replies: [error(400, "Throttling.User")],
      op: "create",
      requests: 2,
      ok: true,
    },
    {
      name: "500 on a read: retried",
      replies: [error(500, "InternalError"), getReply],
      op: "get",
      requests: 2,
      ok: true,
    },
    {
      name: "500 on a create: ambiguous, not retried",
      replies: [error(500, "InternalError")],
      op: "create",
      requests: 1,
      ok: false,
    },
    {
      name: "connection reset on a create: ambiguous, not retried",
      replies: ["reset"],
      op: "create",
      requests: 1,
      ok: false,
    },
    { name: "connection reset on a read: retried", replies: ["reset", getReply], op: "get", requests: 2, ok: true },
    {
      name: "HTML 502 on a read: retried",
      replies: [{ status: 502, body: "<html>bad gateway</html>" }, getReply],
      op: "get",
      requests: 2,
      ok: true,
    },
    {
      name: "InvalidParameter: never retried",
      replies: [error(400, "InvalidParameter")],
      op: "get",
      requests: 1,
      ok: false,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      server.replies.push(...c.replies);
      const run = c.op === "create" ? client.call(CreateCustomHostname, create) : client.call(GetCustomHostname, get);
      const outcome = await run.then(
        () => "ok",
        (e: unknown) => e,
      );
      assert.equal(server.requests.length, c.requests);
      if (c.ok) assert.equal(outcome, "ok");
      else assert.ok(outcome instanceof AlibabaCloudError, String(outcome));
    });
  }

  it("an ambiguous failure says so, and its message holds no secret and no URL", async () => {
    server.replies.push("reset");
    const e = await client.call(CreateCustomHostname, create).catch((x: unknown) => x);
    assert.ok(e instanceof AlibabaCloudError);
    assert.equal(e.ambiguous, true);
    assert.equal(e.kind, "network");
    assert.doesNotMatch(e.message, /TOPSECRET|BEGIN PRIVATE|http:\/\//);
  });

  it("scrubs a secret the service echoes in its message", async () => {
    server.replies.push(error(400, "InvalidParameter.PrivateKey", `The private key ${pem} is malformed`));
    const e = (await client.call(CreateCustomHostname, create).catch((x: unknown) => x)) as AlibabaCloudError;
    assert.equal(e.code, "InvalidParameter.PrivateKey");
    assert.equal(e.httpStatus, 400);
    assert.equal(e.requestId, "REQ-InvalidParameter.PrivateKey");
    assert.doesNotMatch(e.message, /TOPSECRET/);
    assert.match(
      e.message,
      /^ESA CreateCustomHostname failed: InvalidParameter\.PrivateKey \(HTTP 400\): The private key \[REDACTED\] is malformed \[RequestId REQ-InvalidParameter\.PrivateKey\]$/,
    );
  });

  it("a read that gets no reply is retried, then reported as an ambiguous RequestTimeout", async () => {
    server.replies.push("hang", "hang", "hang", "hang");
    const e = (await client.call(GetCustomHostname, get).catch((x: unknown) => x)) as AlibabaCloudError;
    assert.equal(server.requests.length, 4, "maxAttempts 4");
    assert.equal(e.code, "RequestTimeout");
    assert.equal(e.ambiguous, true);
  });

  it("connection refused is a definite failure: nothing was sent", async () => {
    const slow = new AlibabaClient({
      config: configFromRecord({ "alicloud:accessKey": "k", "alicloud:secretKey": "s" }),
      env: { ALICLOUD_CERTS_ENDPOINT: "http://127.0.0.1:9" },
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 5000 },
    });
    const e = (await slow.call(GetCustomHostname, get).catch((x: unknown) => x)) as AlibabaCloudError;
    assert.equal(e.kind, "unsent", "nothing listens on port 9: connection refused");
    assert.equal(e.code, "ECONNREFUSED");
    assert.equal(e.ambiguous, false);
  });

  it("GA writes carry RegionId and reuse their ClientToken when retried after a reset", async () => {
    server.replies.push("reset", { status: 200, body: '{"RequestId":"R","ListenerId":"lsr-1"}' });
    await client.call(AssociateAdditionalCertificatesWithListener, {
      AcceleratorId: "ga-1",
      ListenerId: "lsr-1",
      ClientToken: "token-1",
      Certificates: [{ Domain: "a.example.com", Id: "1-cn-hangzhou" }],
    });
    assert.equal(server.requests.length, 2);
    assert.deepEqual(
      server.requests.map((r) => [r.query["RegionId"], r.query["ClientToken"]]),
      [
        ["cn-hangzhou", "token-1"],
        ["cn-hangzhou", "token-1"],
      ],
    );
  });
});
