/**
 * GA over HTTP: every GA action driven through the real `@alicloud/openapi-client` (ACS3 and legacy v1 signatures)
 * against a running emulator, with simulated time frozen so the lock and its release are deterministic.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import OpenApiUtil from "@alicloud/openapi-util";
import * as $Util from "@alicloud/tea-util";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const TCP = "lsr-bp1emulatortcp000001";
const CERT_A = "20000001-cn-hangzhou";
const CERT_B = "20000002-cn-hangzhou";
const WRITE_MS = 2000;

const SEED: EmulatorSeed = {
  cas: {
    certificates: [
      { certId: "20000001", commonName: "a.example.com" },
      { certId: "20000002", commonName: "b.example.com" },
    ],
  },
  ga: GA_DEFAULT_SEED,
};

type Body = Record<string, unknown>;

/** A generic-client GA caller: the Params every product SDK uses for RPC, the query flattened by OpenApiUtil. */
class GaClient {
  private readonly client: OpenApi;

  constructor(emu: RunningEmulator, signatureAlgorithm?: "v2") {
    const config = new $OpenApi.Config({
      accessKeyId: emu.accessKeyId,
      accessKeySecret: emu.accessKeySecret,
      endpoint: emu.endpoint,
      protocol: "http",
      readTimeout: 3000,
      connectTimeout: 3000,
    });
    if (signatureAlgorithm !== undefined) config.signatureAlgorithm = signatureAlgorithm;
    this.client = new OpenApi(config);
  }

  async call(action: string, query: Record<string, unknown>): Promise<Body> {
    const params = new $OpenApi.Params({
      action,
      version: "2019-11-20",
      protocol: "HTTP",
      pathname: "/",
      method: "POST",
      authType: "AK",
      style: "RPC",
      reqBodyType: "formData",
      bodyType: "json",
    });
    const request = new $OpenApi.OpenApiRequest({ query: OpenApiUtil.query({ RegionId: "cn-hangzhou", ...query }) });
    const res: unknown = await this.client.callApi(params, request, new $Util.RuntimeOptions({}));
    const body = (res as { body?: unknown }).body;
    assert.ok(typeof body === "object" && body !== null, "a JSON body");
    return body as Body;
  }

  listener(id = HTTPS): Promise<Body> {
    return this.call("DescribeListener", { ListenerId: id });
  }

  accelerator(id = ACC): Promise<Body> {
    return this.call("DescribeAccelerator", { AcceleratorId: id });
  }

  async additional(): Promise<Body[]> {
    const body = await this.call("ListListenerCertificates", {
      AcceleratorId: ACC,
      ListenerId: HTTPS,
      Role: "additional",
    });
    return body.Certificates as Body[];
  }

  associate(pairs: [string, string][], extra: Record<string, unknown> = {}): Promise<Body> {
    return this.call("AssociateAdditionalCertificatesWithListener", {
      AcceleratorId: ACC,
      ListenerId: HTTPS,
      Certificates: pairs.map(([Domain, Id]) => ({ Domain, Id })),
      ...extra,
    });
  }
}

/** The API error the generic client throws (a plain Error carrying `code` and `statusCode`). */
async function apiError(promise: Promise<unknown>): Promise<{ code: unknown; statusCode: unknown; message: string }> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Error);
    const fields = err as Error & { code?: unknown; statusCode?: unknown };
    return { code: fields.code, statusCode: fields.statusCode, message: err.message };
  }
  throw new Error("expected the call to fail");
}

async function expectApiError(promise: Promise<unknown>, code: string, status = 400): Promise<void> {
  const err = await apiError(promise);
  assert.equal(err.code, code, err.message);
  assert.equal(err.statusCode, status, err.message);
}

describe("GA over HTTP (openapi-client)", function () {
  let emu: RunningEmulator;
  let ga: GaClient;
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "ga-http-"));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    emu = await startEmulator({ quiet: true, speed: 0, seed: SEED, timings: { gaWriteMs: WRITE_MS } });
    ga = new GaClient(emu);
  });

  afterEach(async () => {
    await emu.close();
  });

  it("serves the read actions with the SDK models' field names", async () => {
    const accelerators = await ga.call("ListAccelerators", { PageSize: 10 });
    assert.equal(accelerators.TotalCount, 2);
    assert.deepEqual(
      (accelerators.Accelerators as Body[]).map((a) => a.AcceleratorId),
      [ACC, "ga-bp1emulatorisolated001"],
    );
    assert.equal((await ga.accelerator()).State, "active");
    const listeners = await ga.call("ListListeners", { AcceleratorId: ACC });
    assert.deepEqual(
      (listeners.Listeners as Body[]).map((l) => [l.ListenerId, l.Protocol]),
      [
        [HTTPS, "HTTPS"],
        [TCP, "TCP"],
      ],
    );
    const listener = await ga.listener();
    assert.equal(listener.State, "active");
    assert.deepEqual(listener.Certificates, [{ Id: "14000001-cn-hangzhou", Type: "Server" }]);
    const certs = await ga.call("ListListenerCertificates", { AcceleratorId: ACC, ListenerId: HTTPS });
    assert.deepEqual(certs.Certificates, [{ CertificateId: "14000001-cn-hangzhou", IsDefault: true, State: "active" }]);
    assert.equal(certs.NextToken, "");
    assert.equal(certs.MaxResults, 20);
    assert.equal(typeof certs.RequestId, "string");
  });

  it("associates, holds the lock until simulated time passes, updates (with DryRun) and dissociates", async () => {
    assert.equal((await ga.associate([["a.example.com", CERT_A]])).ListenerId, HTTPS);
    assert.equal((await ga.listener()).State, "updating");
    assert.equal((await ga.accelerator()).State, "configuring");
    await expectApiError(ga.associate([["b.example.com", CERT_B]]), "StateError.Listener");
    await emu.control.advanceTime(WRITE_MS);
    assert.equal((await ga.listener()).State, "active");
    assert.deepEqual(await ga.additional(), [
      { CertificateId: CERT_A, Domain: "a.example.com", IsDefault: false, State: "active" },
    ]);

    const update = { AcceleratorId: ACC, ListenerId: HTTPS, Domain: "a.example.com", CertificateId: CERT_B };
    await expectApiError(
      ga.call("UpdateAdditionalCertificateWithListener", { ...update, DryRun: true }),
      "DryRunOperation",
    );
    assert.equal((await ga.listener()).State, "active");
    await ga.call("UpdateAdditionalCertificateWithListener", update);
    assert.equal((await ga.additional())[0]?.State, "updating");
    await emu.control.advanceTime(WRITE_MS);
    assert.equal((await ga.additional())[0]?.CertificateId, CERT_B);

    await ga.call("DissociateAdditionalCertificatesFromListener", {
      AcceleratorId: ACC,
      ListenerId: HTTPS,
      Domains: ["a.example.com"],
    });
    await emu.control.advanceTime(WRITE_MS);
    assert.deepEqual(await ga.additional(), []);
  });

  it("maps documented errors to HTTP 400 with their codes", async () => {
    await expectApiError(ga.call("DescribeListener", { ListenerId: HTTPS, RegionId: "us-east-1" }), "InvalidRegionId");
    await expectApiError(ga.listener("lsr-bp1nothere"), "NotExist.Listener");
    await expectApiError(ga.accelerator("ga-bp1nothere"), "NotExist.Accelerator");
    await expectApiError(ga.associate([["a.example.com", "29999999-cn-hangzhou"]]), "NotExist.Certificate");
    await expectApiError(ga.associate([["a.example.com", "not-an-id"]]), "InvalidParameter");
    await expectApiError(
      ga.call("AssociateAdditionalCertificatesWithListener", {
        AcceleratorId: ACC,
        ListenerId: TCP,
        Certificates: [{ Domain: "a.example.com", Id: CERT_A }],
      }),
      "ProtocalIllegal.Listener",
    );
    // The wire form GA answers (certimate#781): {"Code":"MissingListenerId","Message":"ListenerId is mandatory …"}.
    await expectApiError(ga.call("DescribeListener", {}), "MissingListenerId");
  });

  it("accepts the legacy v1 (HMAC-SHA1) signature for reads and writes", async () => {
    const v1 = new GaClient(emu, "v2");
    await v1.associate([["a.example.com", CERT_A]], { ClientToken: "v1-token" });
    await emu.control.advanceTime(WRITE_MS);
    assert.deepEqual(
      (await v1.additional()).map((c) => c.Domain),
      ["a.example.com"],
    );
    // The v1 envelope (Timestamp, SignatureNonce, …) differs per send; the token still identifies the request.
    assert.equal((await v1.associate([["a.example.com", CERT_A]], { ClientToken: "v1-token" })).ListenerId, HTTPS);
  });

  it("replays a ClientToken after a response was lost, without a second binding", async () => {
    await emu.control.addFault({
      product: "ga",
      action: "AssociateAdditionalCertificatesWithListener",
      mode: "timeoutAfterCommit",
      count: 1,
    });
    const lost = await apiError(ga.associate([["a.example.com", CERT_A]], { ClientToken: "retry-me" }));
    assert.notEqual(lost.code, "StateError.Listener", "the first send failed in transport, not in the API");
    // The retry arrives while the committed write still holds the lock: the replay answers it anyway.
    assert.equal((await ga.associate([["a.example.com", CERT_A]], { ClientToken: "retry-me" })).ListenerId, HTTPS);
    await emu.control.advanceTime(WRITE_MS);
    assert.equal((await ga.additional()).length, 1);
    const log = await emu.control.requests({ product: "ga", action: "AssociateAdditionalCertificatesWithListener" });
    assert.deepEqual(
      log.map((entry) => [entry.outcome, entry.replayed === true]),
      [
        ["ok", false],
        ["ok", true],
      ],
    );
  });

  it("keeps ClientToken idempotency and bindings across a restart with a state file", async () => {
    await emu.close();
    const stateFile = join(dir, "state.json");
    emu = await startEmulator({ quiet: true, speed: 0, seed: SEED, stateFile, timings: { gaWriteMs: WRITE_MS } });
    ga = new GaClient(emu);
    const first = await ga.associate([["a.example.com", CERT_A]], { ClientToken: "persisted" });
    await emu.control.advanceTime(WRITE_MS);
    await emu.close();
    emu = await startEmulator({ quiet: true, speed: 0, stateFile, timings: { gaWriteMs: WRITE_MS } });
    ga = new GaClient(emu);
    const again = await ga.associate([["a.example.com", CERT_A]], { ClientToken: "persisted" });
    assert.equal(again.ListenerId, first.ListenerId);
    assert.equal((await ga.listener()).State, "active");
    assert.equal((await ga.additional()).length, 1);
  });

  it("exposes the GA controls and object dump through the control API", async () => {
    await emu.control.service("ga", "bindOutOfBand", {
      listenerId: HTTPS,
      domain: "theirs.example.com",
      certificateId: CERT_B,
    });
    await expectApiError(ga.associate([["theirs.example.com", CERT_A]]), "Exist.AdditionalCertificate");
    await emu.control.service("ga", "setAcceleratorState", { acceleratorId: ACC, state: "configuring" });
    await expectApiError(
      ga.call("DissociateAdditionalCertificatesFromListener", {
        AcceleratorId: ACC,
        ListenerId: HTTPS,
        Domains: ["theirs.example.com"],
      }),
      "StateError.Accelerator",
    );
    await emu.control.service("ga", "setAcceleratorState", { acceleratorId: ACC, state: "active" });
    await emu.control.service("ga", "dissociateOutOfBand", { listenerId: HTTPS, domain: "theirs.example.com" });
    const objects = await emu.control.objects();
    const dump = objects.ga as { bindings: Record<string, unknown[]>; accelerators: unknown[] };
    assert.deepEqual(dump.bindings[HTTPS], []);
    assert.equal(dump.accelerators.length, 2);
  });
});
