/**
 * Handler-level tests of the GA service: every action is called directly with a fake ServiceContext (movable
 * clock, a CAS lookup stub), the way the core would call it (tick first, `required` checked first).
 */
import { strict as assert } from "node:assert";
import { SC081_SCHEDULE } from "../../emulator/core/ca-schedule";
import { ApiError, type ServiceContext } from "../../emulator/core/contract";
import { CoreErrors } from "../../emulator/core/errors";
import { gaService, type GaState } from "../../emulator/services/ga";

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const TCP = "lsr-bp1emulatortcp000001";
const ISO_ACC = "ga-bp1emulatorisolated001";
const ISO_LSR = "lsr-bp1emulatorisolated01";
const CERT_A = "20000001-cn-hangzhou";
const CERT_B = "20000002-cn-hangzhou";
const CERT_INTL = "20000003-ap-southeast-1";
const CERT_MISSING = "29999999-cn-hangzhou";
const WRITE_MS = 2000;

type Params = Record<string, string>;

/** A GA world under test: state, movable clock, CAS stub, and a core-like `call`. */
class World {
  now = Date.UTC(2026, 0, 1);
  readonly cas = new Set(["14000001", "14000002", "20000001", "20000002", "20000003"]);
  readonly sequences = new Map<string, number>();
  readonly ctx: ServiceContext;
  state: GaState;

  constructor(gaWriteMs = WRITE_MS, seed: unknown = gaService.defaultSeed) {
    this.ctx = {
      clock: { now: () => this.now },
      records: { has: () => false, version: 0 },
      lookup: { casCertificateExists: (id) => this.cas.has(id) },
      nextId: (sequence) => {
        const next = (this.sequences.get(sequence) ?? 0) + 1;
        this.sequences.set(sequence, next);
        return String(next);
      },
      timings: { gaWriteMs, esaCertIssueMs: 2000, casIssueMs: 2000 },
      caSchedule: SC081_SCHEDULE,
    };
    this.state = gaService.emptyState();
    gaService.applySeed(this.state, seed, this.ctx);
  }

  advance(ms: number): void {
    this.now += ms;
  }

  /** Like the core: tick, reject missing `required` parameters, run the handler (no core-level token replay). */
  call(action: string, params: Params): Record<string, unknown> {
    const definition = gaService.actions[action];
    if (definition === undefined) throw new Error(`no action ${action}`);
    gaService.tick(this.state, this.ctx);
    for (const name of definition.required) {
      if (params[name] === undefined || params[name] === "") {
        throw CoreErrors.missingMandatory(name);
      }
    }
    const call = { product: "ga" as const, action, params, accessKeyId: "AK", requestId: "REQ" };
    return definition.handler(call, this.state, this.ctx);
  }

  control(name: string, body: unknown): unknown {
    const control = gaService.controls?.[name];
    if (control === undefined) throw new Error(`no control ${name}`);
    gaService.tick(this.state, this.ctx);
    return control(this.state, body, this.ctx);
  }

  /** Simulates an emulator restart: the state goes through JSON, as through the state file. */
  restart(): void {
    this.state = JSON.parse(JSON.stringify(this.state)) as GaState;
  }

  listener(id = HTTPS): Record<string, unknown> {
    return this.call("DescribeListener", { RegionId: "cn-hangzhou", ListenerId: id });
  }

  accelerator(id = ACC): Record<string, unknown> {
    return this.call("DescribeAccelerator", { RegionId: "cn-hangzhou", AcceleratorId: id });
  }

  certificates(extra: Params = {}, listenerId = HTTPS, acceleratorId = ACC): Record<string, unknown> {
    return this.call("ListListenerCertificates", {
      RegionId: "cn-hangzhou",
      AcceleratorId: acceleratorId,
      ListenerId: listenerId,
      ...extra,
    });
  }

  additional(listenerId = HTTPS, acceleratorId = ACC): Record<string, unknown>[] {
    return items(
      this.certificates({ Role: "additional", MaxResults: "50" }, listenerId, acceleratorId),
      "Certificates",
    );
  }

  associate(pairs: [string, string][], extra: Params = {}, listenerId = HTTPS, acceleratorId = ACC) {
    const params: Params = { RegionId: "cn-hangzhou", AcceleratorId: acceleratorId, ListenerId: listenerId, ...extra };
    pairs.forEach(([domain, id], i) => {
      params[`Certificates.${i + 1}.Domain`] = domain;
      params[`Certificates.${i + 1}.Id`] = id;
    });
    return this.call("AssociateAdditionalCertificatesWithListener", params);
  }

  update(domain: string, certificateId: string, extra: Params = {}, listenerId = HTTPS) {
    return this.call("UpdateAdditionalCertificateWithListener", {
      RegionId: "cn-hangzhou",
      AcceleratorId: ACC,
      ListenerId: listenerId,
      Domain: domain,
      CertificateId: certificateId,
      ...extra,
    });
  }

  dissociate(domains: string[], extra: Params = {}, listenerId = HTTPS) {
    const params: Params = { RegionId: "cn-hangzhou", AcceleratorId: ACC, ListenerId: listenerId, ...extra };
    domains.forEach((domain, i) => (params[`Domains.${i + 1}`] = domain));
    return this.call("DissociateAdditionalCertificatesFromListener", params);
  }

  /** Associate and wait for the write to settle. */
  bound(pairs: [string, string][]): void {
    this.associate(pairs);
    this.advance(WRITE_MS);
    gaService.tick(this.state, this.ctx);
  }
}

function items(body: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = body[key];
  assert.ok(Array.isArray(value), `${key} is an array`);
  return value as Record<string, unknown>[];
}

function expectError(fn: () => unknown, code: string, status = 400, message?: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ApiError, `expected ApiError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.status, status);
    if (message !== undefined) assert.match(error.message, message);
    return true;
  });
}

/** A seed with two HTTPS listeners on one accelerator, for the cross-listener lock. */
const TWO_HTTPS_SEED = {
  accelerators: [
    {
      acceleratorId: "ga-bp1twohttps0001",
      listeners: [
        {
          listenerId: "lsr-bp1twohttpsa01",
          protocol: "HTTPS",
          port: 443,
          defaultCertificateId: "14000001-cn-hangzhou",
        },
        {
          listenerId: "lsr-bp1twohttpsb01",
          protocol: "HTTPS",
          port: 8443,
          defaultCertificateId: "14000001-cn-hangzhou",
        },
      ],
    },
  ],
};

describe("GA service (handlers)", () => {
  describe("metadata and seed", () => {
    it("marks the three certificate writes as idempotent writes and everything else as reads", () => {
      const writes = Object.entries(gaService.actions).filter(([, d]) => d.write);
      assert.deepEqual(writes.map(([name]) => name).sort(), [
        "AssociateAdditionalCertificatesWithListener",
        "DissociateAdditionalCertificatesFromListener",
        "UpdateAdditionalCertificateWithListener",
      ]);
      for (const [, definition] of writes) assert.equal(definition.idempotentByClientToken, true);
      for (const definition of Object.values(gaService.actions)) assert.ok(definition.required.includes("RegionId"));
      assert.equal(gaService.product, "ga");
    });

    it("loads the default seed: two accelerators, the HTTPS/TCP listeners, no additional certificates", () => {
      const w = new World();
      const dump = gaService.dumpObjects(w.state, w.ctx) as {
        accelerators: { acceleratorId: string; state: string }[];
        listeners: { listenerId: string; protocol: string; port: number }[];
        bindings: Record<string, unknown[]>;
      };
      assert.deepEqual(
        dump.accelerators.map((a) => [a.acceleratorId, a.state]),
        [
          [ACC, "active"],
          [ISO_ACC, "active"],
        ],
      );
      assert.deepEqual(
        dump.listeners.map((l) => [l.listenerId, l.protocol, l.port]),
        [
          [HTTPS, "HTTPS", 443],
          [TCP, "TCP", 80],
          [ISO_LSR, "HTTPS", 443],
        ],
      );
      assert.deepEqual(dump.bindings, { [HTTPS]: [], [ISO_LSR]: [] });
    });

    it("rejects bad seeds without changing anything", () => {
      const w = new World();
      const before = JSON.stringify(w.state);
      const bad: unknown[] = [
        "nope",
        { accelerators: [{ acceleratorId: "bad id", listeners: [] }] },
        {
          accelerators: [
            { acceleratorId: "ga-bp1x", listeners: [{ listenerId: "lsr-bp1y", protocol: "QUIC", port: 1 }] },
          ],
        },
        {
          accelerators: [
            { acceleratorId: "ga-bp1x", listeners: [{ listenerId: "lsr-bp1y", protocol: "HTTPS", port: 443 }] },
          ],
        },
        {
          accelerators: [
            {
              acceleratorId: "ga-bp1x",
              listeners: [{ listenerId: "lsr-bp1y", protocol: "TCP", port: 80, defaultCertificateId: CERT_A }],
            },
          ],
        },
        {
          accelerators: [
            { acceleratorId: "ga-bp1x", listeners: [{ listenerId: "lsr-bp1y", protocol: "TCP", port: 0 }] },
          ],
        },
        {
          accelerators: [
            {
              acceleratorId: "ga-bp1x",
              listeners: [
                {
                  listenerId: "lsr-bp1y",
                  protocol: "HTTPS",
                  port: 443,
                  defaultCertificateId: CERT_A,
                  additionalCertificates: [
                    { domain: "a.example.com", certificateId: CERT_A },
                    { domain: "A.example.com", certificateId: CERT_B },
                  ],
                },
              ],
            },
          ],
        },
        { accelerators: [{ acceleratorId: "ga-bp1x", listeners: [{ listenerId: TCP, protocol: "TCP", port: 80 }] }] },
      ];
      for (const seed of bad) {
        assert.throws(() => gaService.applySeed(w.state, seed, w.ctx), ApiError, JSON.stringify(seed));
        assert.equal(JSON.stringify(w.state), before);
      }
    });

    it("merges a seed with additional certificates and forced states into an existing world", () => {
      const w = new World();
      gaService.applySeed(
        w.state,
        {
          accelerators: [
            {
              acceleratorId: ACC,
              name: "renamed",
              listeners: [
                {
                  listenerId: HTTPS,
                  protocol: "https",
                  port: 443,
                  defaultCertificateId: "14000001-cn-hangzhou",
                  additionalCertificates: [{ domain: "seeded.example.com", certificateId: CERT_A }],
                },
              ],
            },
            { acceleratorId: "ga-bp1brandnew01", state: "init", listeners: [] },
          ],
        },
        w.ctx,
      );
      assert.equal(w.accelerator().Name, "renamed");
      assert.equal(w.accelerator("ga-bp1brandnew01").State, "init");
      assert.deepEqual(w.additional(), [
        { CertificateId: CERT_A, Domain: "seeded.example.com", IsDefault: false, State: "active" },
      ]);
      assert.equal(w.listener(TCP).Protocol, "TCP", "listeners not named in the seed are kept");
    });
  });

  describe("region and reads", () => {
    it("requires RegionId=cn-hangzhou on every action", () => {
      const w = new World();
      for (const action of Object.keys(gaService.actions)) {
        const base = { AcceleratorId: ACC, ListenerId: HTTPS, Domain: "a.example.com", CertificateId: CERT_A };
        expectError(() => w.call(action, base), "MissingRegionId");
        const definition = gaService.actions[action];
        assert.ok(definition);
        // Also without the core's `required` check in front: the handler itself insists.
        const call = { product: "ga" as const, action, params: base, accessKeyId: "AK", requestId: "R" };
        expectError(() => definition.handler(call, w.state, w.ctx), "MissingRegionId");
        expectError(() => w.call(action, { ...base, RegionId: "ap-southeast-1" }), "InvalidRegionId");
      }
    });

    it("ListAccelerators pages, filters by AcceleratorId and State, and reports TotalCount", () => {
      const w = new World();
      const all = w.call("ListAccelerators", { RegionId: "cn-hangzhou" });
      assert.equal(all.TotalCount, 2);
      assert.equal(all.PageNumber, 1);
      assert.equal(all.PageSize, 10);
      const first = items(all, "Accelerators")[0];
      assert.ok(first);
      assert.equal(first.AcceleratorId, ACC);
      assert.equal(first.RegionId, "cn-hangzhou");
      assert.equal(first.State, "active");
      assert.equal(typeof first.CreateTime, "number");
      const second = w.call("ListAccelerators", { RegionId: "cn-hangzhou", PageSize: "1", PageNumber: "2" });
      assert.deepEqual(
        items(second, "Accelerators").map((a) => a.AcceleratorId),
        [ISO_ACC],
      );
      assert.equal(second.TotalCount, 2);
      const byId = w.call("ListAccelerators", { RegionId: "cn-hangzhou", AcceleratorId: ISO_ACC });
      assert.equal(byId.TotalCount, 1);
      w.control("setAcceleratorState", { acceleratorId: ISO_ACC, state: "configuring" });
      const configuring = w.call("ListAccelerators", { RegionId: "cn-hangzhou", State: "configuring" });
      assert.deepEqual(
        items(configuring, "Accelerators").map((a) => a.AcceleratorId),
        [ISO_ACC],
      );
      expectError(() => w.call("ListAccelerators", { RegionId: "cn-hangzhou", PageSize: "51" }), "InvalidParameter");
      expectError(() => w.call("ListAccelerators", { RegionId: "cn-hangzhou", PageNumber: "0" }), "InvalidParameter");
      expectError(() => w.call("ListAccelerators", { RegionId: "cn-hangzhou", PageSize: "x" }), "InvalidParameter");
    });

    it("DescribeAccelerator returns the instance, NotExist.Accelerator (400) for unknown ids", () => {
      const w = new World();
      const body = w.accelerator();
      assert.equal(body.AcceleratorId, ACC);
      assert.equal(body.Name, "emulator-default");
      assert.equal(body.State, "active");
      assert.equal(body.Spec, "1");
      expectError(() => w.accelerator("ga-bp1nothere"), "NotExist.Accelerator", 400);
    });

    it("ListListeners lists one accelerator's listeners with a Protocol filter", () => {
      const w = new World();
      const body = w.call("ListListeners", { RegionId: "cn-hangzhou", AcceleratorId: ACC });
      assert.equal(body.TotalCount, 2);
      assert.deepEqual(
        items(body, "Listeners").map((l) => [l.ListenerId, l.Protocol, l.AcceleratorId]),
        [
          [HTTPS, "HTTPS", ACC],
          [TCP, "TCP", ACC],
        ],
      );
      const https = w.call("ListListeners", { RegionId: "cn-hangzhou", AcceleratorId: ACC, Protocol: "HTTPS" });
      assert.equal(https.TotalCount, 1);
      const paged = w.call("ListListeners", {
        RegionId: "cn-hangzhou",
        AcceleratorId: ACC,
        PageSize: "1",
        PageNumber: "2",
      });
      assert.deepEqual(
        items(paged, "Listeners").map((l) => l.ListenerId),
        [TCP],
      );
      expectError(
        () => w.call("ListListeners", { RegionId: "cn-hangzhou", AcceleratorId: "ga-bp1nothere" }),
        "NotExist.Accelerator",
      );
    });

    it("DescribeListener returns state, protocol, port ranges and the default certificate", () => {
      const w = new World();
      const https = w.listener();
      assert.equal(https.State, "active");
      assert.equal(https.Protocol, "HTTPS");
      assert.equal(https.AcceleratorId, ACC);
      assert.deepEqual(https.PortRanges, [{ FromPort: 443, ToPort: 443 }]);
      assert.deepEqual(https.Certificates, [{ Id: "14000001-cn-hangzhou", Type: "Server" }]);
      assert.deepEqual(w.listener(TCP).Certificates, []);
      expectError(() => w.listener("lsr-bp1nothere"), "NotExist.Listener", 400);
    });
  });

  describe("AssociateAdditionalCertificatesWithListener", () => {
    it("binds, locks the listener (updating) and accelerator (configuring), and settles after gaWriteMs", () => {
      const w = new World();
      assert.deepEqual(w.associate([["a.example.com", CERT_A]]), { ListenerId: HTTPS });
      assert.equal(w.listener().State, "updating");
      assert.equal(w.accelerator().State, "configuring");
      assert.deepEqual(w.additional(), [
        { CertificateId: CERT_A, Domain: "a.example.com", IsDefault: false, State: "updating" },
      ]);
      w.advance(WRITE_MS - 1);
      assert.equal(w.listener().State, "updating");
      w.advance(1);
      assert.equal(w.listener().State, "active");
      assert.equal(w.accelerator().State, "active");
      assert.deepEqual(w.additional(), [
        { CertificateId: CERT_A, Domain: "a.example.com", IsDefault: false, State: "active" },
      ]);
    });

    it("enforces the exclusive lock: same listener → StateError.Listener, sibling listener → StateError.Accelerator", () => {
      const w = new World(WRITE_MS, TWO_HTTPS_SEED);
      const acc = "ga-bp1twohttps0001";
      const [a, b] = ["lsr-bp1twohttpsa01", "lsr-bp1twohttpsb01"];
      w.associate([["a.example.com", CERT_A]], {}, a, acc);
      expectError(() => w.associate([["b.example.com", CERT_B]], {}, a, acc), "StateError.Listener", 400);
      expectError(() => w.associate([["b.example.com", CERT_B]], {}, b, acc), "StateError.Accelerator", 400);
      // Reads are never blocked by the lock.
      assert.equal(w.listener(b).State, "active");
      assert.equal(w.additional(a, acc).length, 1);
      w.advance(WRITE_MS);
      w.associate([["b.example.com", CERT_B]], {}, b, acc);
      assert.equal(w.additional(b, acc).length, 1);
    });

    it("does not lock other accelerators", () => {
      const w = new World();
      w.associate([["a.example.com", CERT_A]]);
      w.associate([["a.example.com", CERT_A]], {}, ISO_LSR, ISO_ACC);
      assert.equal(w.accelerator(ISO_ACC).State, "configuring");
    });

    it("accepts up to 10 certificates per call and rejects 11", () => {
      const w = new World();
      const pairs = (n: number): [string, string][] =>
        Array.from({ length: n }, (_, i): [string, string] => [`d${i}.example.com`, CERT_A]);
      expectError(() => w.associate(pairs(11)), "InvalidParameter", 400, /10/);
      assert.equal(w.listener().State, "active", "a rejected write takes no lock");
      w.associate(pairs(10));
      w.advance(WRITE_MS);
      assert.equal(w.additional().length, 10);
    });

    it("allows one additional certificate per domain (case-insensitive), also within one call", () => {
      const w = new World();
      expectError(
        () =>
          w.associate([
            ["a.example.com", CERT_A],
            ["A.EXAMPLE.com", CERT_B],
          ]),
        "InvalidParameter",
      );
      w.bound([["a.example.com", CERT_A]]);
      expectError(() => w.associate([["A.example.com", CERT_B]]), "Exist.AdditionalCertificate", 400);
      expectError(
        () =>
          w.associate([
            ["new.example.com", CERT_B],
            ["a.example.com", CERT_B],
          ]),
        "Exist.AdditionalCertificate",
      );
      assert.deepEqual(
        w.additional().map((c) => c.Domain),
        ["a.example.com"],
        "a rejected batch binds nothing",
      );
    });

    it("accepts only HTTPS listeners", () => {
      const w = new World();
      expectError(() => w.associate([["a.example.com", CERT_A]], {}, TCP), "ProtocalIllegal.Listener", 400);
    });

    it("validates domains (wildcards allowed) and certificate ids (format and CAS existence)", () => {
      const w = new World();
      for (const domain of [
        "bad_domain.example.com",
        "example",
        "a.*.example.com",
        "-a.example.com",
        "1.2.3.4",
        "*.",
      ]) {
        expectError(() => w.associate([[domain, CERT_A]]), "InvalidParameter", 400, /domain/);
      }
      for (const id of [
        "20000001",
        "abc-cn-hangzhou",
        "20000001-us-east-1",
        "20000001-cn-hangzhou-x",
        " 20000001-cn-hangzhou",
      ]) {
        expectError(() => w.associate([["a.example.com", id]]), "InvalidParameter", 400, /Certificates\.1\.Id/);
      }
      expectError(() => w.associate([["a.example.com", CERT_MISSING]]), "NotExist.Certificate", 400);
      w.associate([
        ["*.example.com", CERT_A],
        ["intl.example.org", CERT_INTL],
      ]);
      w.advance(WRITE_MS);
      assert.deepEqual(
        w.additional().map((c) => [c.Domain, c.CertificateId]),
        [
          ["*.example.com", CERT_A],
          ["intl.example.org", CERT_INTL],
        ],
      );
    });

    it("requires the Certificates list, both fields of each entry, and the flattened form", () => {
      const w = new World();
      const base = { RegionId: "cn-hangzhou", AcceleratorId: ACC, ListenerId: HTTPS };
      const action = "AssociateAdditionalCertificatesWithListener";
      expectError(() => w.call(action, base), "MissingCertificates", 400, /^Certificates is mandatory/);
      expectError(
        () => w.call(action, { ...base, "Certificates.1.Domain": "a.example.com" }),
        "MissingCertificates.1.Id",
        400,
        /^Certificates\.1\.Id is mandatory for this action\.$/,
      );
      expectError(
        () => w.call(action, { ...base, Certificates: JSON.stringify([{ Domain: "a.example.com", Id: CERT_A }]) }),
        "InvalidParameter",
      );
      expectError(() => w.call(action, { ...base, "Certificates.0.Domain": "a.example.com" }), "InvalidParameter");
    });

    it("reports NotExist.Accelerator / NotExist.Listener, including a listener of another accelerator", () => {
      const w = new World();
      expectError(() => w.associate([["a.example.com", CERT_A]], {}, HTTPS, "ga-bp1nothere"), "NotExist.Accelerator");
      expectError(() => w.associate([["a.example.com", CERT_A]], {}, "lsr-bp1nothere"), "NotExist.Listener");
      expectError(() => w.associate([["a.example.com", CERT_A]], {}, ISO_LSR, ACC), "NotExist.Listener");
    });

    it("is synchronous when gaWriteMs is 0", () => {
      const w = new World(0);
      w.associate([["a.example.com", CERT_A]]);
      assert.equal(w.listener().State, "active");
      assert.equal(w.accelerator().State, "active");
      assert.equal(w.additional()[0]?.State, "active");
    });
  });

  describe("UpdateAdditionalCertificateWithListener", () => {
    it("replaces the certificate: the old one shows `updating`, the new one becomes `active`", () => {
      const w = new World();
      w.bound([["a.example.com", CERT_A]]);
      assert.deepEqual(w.update("A.example.com", CERT_B), { ListenerId: HTTPS });
      assert.deepEqual(w.additional(), [
        { CertificateId: CERT_A, Domain: "a.example.com", IsDefault: false, State: "updating" },
      ]);
      assert.equal(w.listener().State, "updating");
      expectError(() => w.update("a.example.com", CERT_A), "StateError.Listener");
      w.advance(WRITE_MS);
      assert.deepEqual(w.additional(), [
        { CertificateId: CERT_B, Domain: "a.example.com", IsDefault: false, State: "active" },
      ]);
    });

    it("requires a bound domain and a valid, existing certificate", () => {
      const w = new World();
      w.bound([["a.example.com", CERT_A]]);
      expectError(() => w.update("b.example.com", CERT_B), "NotExist.AdditionalCertificate", 400);
      expectError(() => w.update("a.example.com", "nope"), "InvalidParameter", 400, /CertificateId/);
      expectError(() => w.update("a.example.com", CERT_MISSING), "NotExist.Certificate", 400);
      expectError(() => w.update("a.example.com", CERT_B, {}, TCP), "ProtocalIllegal.Listener");
      assert.equal(w.listener().State, "active");
    });

    it("DryRun=true answers DryRunOperation (400) and changes nothing; DryRun=false updates", () => {
      const w = new World();
      w.bound([["a.example.com", CERT_A]]);
      const before = JSON.stringify(w.state);
      expectError(() => w.update("a.example.com", CERT_B, { DryRun: "true" }), "DryRunOperation", 400);
      assert.equal(JSON.stringify(w.state), before);
      expectError(() => w.update("b.example.com", CERT_B, { DryRun: "true" }), "NotExist.AdditionalCertificate");
      expectError(() => w.update("a.example.com", CERT_B, { DryRun: "yes" }), "InvalidParameter");
      w.update("a.example.com", CERT_B, { DryRun: "false" });
      expectError(() => w.update("a.example.com", CERT_B, { DryRun: "true" }), "StateError.Listener");
    });
  });

  describe("DissociateAdditionalCertificatesFromListener", () => {
    it("unbinds after the write settles", () => {
      const w = new World();
      w.bound([
        ["a.example.com", CERT_A],
        ["b.example.com", CERT_B],
      ]);
      assert.deepEqual(w.dissociate(["a.example.com"]), {});
      assert.deepEqual(
        w.additional().map((c) => [c.Domain, c.State]),
        [
          ["a.example.com", "updating"],
          ["b.example.com", "active"],
        ],
      );
      assert.equal(w.accelerator().State, "configuring");
      w.advance(WRITE_MS);
      assert.deepEqual(
        w.additional().map((c) => c.Domain),
        ["b.example.com"],
      );
    });

    it("rejects unbound domains (nothing changes), duplicates, and more than 10 domains", () => {
      const w = new World();
      w.bound([["a.example.com", CERT_A]]);
      expectError(() => w.dissociate(["a.example.com", "zzz.example.com"]), "NotExist.AdditionalCertificate", 400);
      assert.equal(w.additional()[0]?.State, "active");
      assert.equal(w.listener().State, "active");
      expectError(() => w.dissociate(["a.example.com", "A.example.com"]), "InvalidParameter");
      expectError(() => w.dissociate(Array.from({ length: 11 }, (_, i) => `d${i}.example.com`)), "InvalidParameter");
      expectError(
        () =>
          w.call("DissociateAdditionalCertificatesFromListener", {
            RegionId: "cn-hangzhou",
            AcceleratorId: ACC,
            ListenerId: HTTPS,
          }),
        "MissingDomains",
      );
    });
  });

  describe("ClientToken", () => {
    it("answers a retried write with the first response, during and after the lock, also after a restart", () => {
      const w = new World();
      const first = w.associate([["a.example.com", CERT_A]], { ClientToken: "tok-1" });
      assert.deepEqual(w.associate([["a.example.com", CERT_A]], { ClientToken: "tok-1" }), first);
      w.advance(WRITE_MS);
      w.restart();
      assert.deepEqual(w.associate([["a.example.com", CERT_A]], { ClientToken: "tok-1" }), first);
      assert.equal(w.listener().State, "active", "the replay took no lock");
      assert.equal(w.additional().length, 1);
      // Without the token the same request is a new one and hits the one-per-domain rule.
      expectError(() => w.associate([["a.example.com", CERT_A]]), "Exist.AdditionalCertificate");
    });

    it("rejects reuse of a token with other parameters, and scopes tokens per action", () => {
      const w = new World();
      w.bound([["a.example.com", CERT_A]]);
      w.update("a.example.com", CERT_B, { ClientToken: "tok-2" });
      expectError(() => w.update("a.example.com", CERT_A, { ClientToken: "tok-2" }), "IdempotentParameterMismatch");
      w.advance(WRITE_MS);
      w.dissociate(["a.example.com"], { ClientToken: "tok-2" });
      w.advance(WRITE_MS);
      assert.equal(w.additional().length, 0);
    });

    it("does not remember failed writes, and validates the token", () => {
      const w = new World();
      w.cas.delete("20000001");
      expectError(() => w.associate([["a.example.com", CERT_A]], { ClientToken: "tok-3" }), "NotExist.Certificate");
      w.cas.add("20000001");
      w.associate([["a.example.com", CERT_A]], { ClientToken: "tok-3" });
      assert.equal(w.additional().length, 1);
      expectError(() => w.associate([["b.example.com", CERT_A]], { ClientToken: "tök" }), "InvalidParameter");
      expectError(() => w.associate([["b.example.com", CERT_A]], { ClientToken: "x".repeat(65) }), "InvalidParameter");
    });
  });

  describe("ListListenerCertificates", () => {
    it("filters by Role (default | additional | omitted) and rejects other roles", () => {
      const w = new World();
      w.bound([["a.example.com", CERT_A]]);
      const both = w.certificates();
      assert.deepEqual(both.Certificates, [
        { CertificateId: "14000001-cn-hangzhou", IsDefault: true, State: "active" },
        { CertificateId: CERT_A, Domain: "a.example.com", IsDefault: false, State: "active" },
      ]);
      assert.equal(both.TotalCount, 2);
      assert.equal(both.MaxResults, 20);
      assert.equal(both.NextToken, "");
      assert.deepEqual(
        items(w.certificates({ Role: "default" }), "Certificates").map((c) => c.IsDefault),
        [true],
      );
      assert.deepEqual(
        items(w.certificates({ Role: "additional" }), "Certificates").map((c) => c.IsDefault),
        [false],
      );
      expectError(() => w.certificates({ Role: "other" }), "InvalidParameter");
      assert.deepEqual(w.certificates({}, TCP).Certificates, []);
      expectError(() => w.certificates({}, ISO_LSR, ACC), "NotExist.Listener");
      expectError(() => w.certificates({}, HTTPS, "ga-bp1nothere"), "NotExist.Accelerator");
    });

    it("pages with an opaque NextToken (default 20, 1–50), empty on the last page", () => {
      const domains = Array.from({ length: 25 }, (_, i) => ({
        domain: `d${String(i).padStart(2, "0")}.example.com`,
        certificateId: CERT_A,
      }));
      const seed = {
        accelerators: [
          {
            acceleratorId: ACC,
            listeners: [
              {
                listenerId: HTTPS,
                protocol: "HTTPS",
                port: 443,
                defaultCertificateId: "14000001-cn-hangzhou",
                additionalCertificates: domains,
              },
            ],
          },
        ],
      };
      const w = new World(WRITE_MS, seed);
      const first = w.certificates();
      assert.equal(items(first, "Certificates").length, 20);
      assert.equal(first.TotalCount, 26);
      assert.match(String(first.NextToken), /^[0-9a-f]+$/);
      const seen: unknown[] = [];
      let token = "";
      let pages = 0;
      do {
        const body = w.certificates({ MaxResults: "7", ...(token === "" ? {} : { NextToken: token }) });
        assert.equal(body.MaxResults, 7);
        seen.push(...items(body, "Certificates").map((c) => c.Domain ?? "<default>"));
        token = String(body.NextToken);
        pages += 1;
      } while (token !== "");
      assert.equal(pages, 4);
      assert.equal(seen.length, 26);
      assert.equal(new Set(seen).size, 26);
      expectError(() => w.certificates({ MaxResults: "0" }), "InvalidParameter");
      expectError(() => w.certificates({ MaxResults: "51" }), "InvalidParameter");
      expectError(() => w.certificates({ NextToken: "not-a-token" }), "InvalidParameter");
      expectError(() => w.certificates({ NextToken: String(first.NextToken), Role: "additional" }), "InvalidParameter");
    });

    it("keeps paging consistent when a binding disappears between pages", () => {
      const w = new World();
      w.bound(Array.from({ length: 6 }, (_, i): [string, string] => [`d${i}.example.com`, CERT_A]));
      const first = w.certificates({ Role: "additional", MaxResults: "3" });
      assert.deepEqual(
        items(first, "Certificates").map((c) => c.Domain),
        ["d0.example.com", "d1.example.com", "d2.example.com"],
      );
      w.control("dissociateOutOfBand", { listenerId: HTTPS, domain: "d1.example.com" });
      const second = w.certificates({ Role: "additional", MaxResults: "3", NextToken: String(first.NextToken) });
      assert.deepEqual(
        items(second, "Certificates").map((c) => c.Domain),
        ["d3.example.com", "d4.example.com", "d5.example.com"],
      );
      assert.equal(second.NextToken, "");
    });
  });

  describe("controls", () => {
    it("setAcceleratorState holds the lock until it is released", () => {
      const w = new World();
      w.control("setAcceleratorState", { acceleratorId: ACC, state: "configuring" });
      expectError(() => w.associate([["a.example.com", CERT_A]]), "StateError.Accelerator");
      w.advance(10 * WRITE_MS);
      expectError(() => w.associate([["a.example.com", CERT_A]]), "StateError.Accelerator");
      w.control("setAcceleratorState", { acceleratorId: ACC, state: "active" });
      w.associate([["a.example.com", CERT_A]]);
      expectError(() => w.control("setAcceleratorState", { acceleratorId: ACC, state: "weird" }), "InvalidParameter");
      expectError(
        () => w.control("setAcceleratorState", { acceleratorId: "ga-bp1nothere", state: "active" }),
        "NotExist.Accelerator",
        404,
      );
    });

    it("setListenerState forces a state; forcing active completes the in-flight change", () => {
      const w = new World();
      w.control("setListenerState", { listenerId: HTTPS, state: "init" });
      expectError(() => w.associate([["a.example.com", CERT_A]]), "StateError.Listener");
      w.control("setListenerState", { listenerId: HTTPS, state: "active" });
      w.associate([["a.example.com", CERT_A]]);
      w.control("setListenerState", { listenerId: HTTPS, state: "active" });
      assert.equal(w.additional()[0]?.State, "active");
      expectError(
        () => w.control("setListenerState", { listenerId: "lsr-bp1x", state: "active" }),
        "NotExist.Listener",
        404,
      );
    });

    it("bindOutOfBand and dissociateOutOfBand change bindings immediately", () => {
      const w = new World();
      w.control("bindOutOfBand", { listenerId: HTTPS, domain: "theirs.example.com", certificateId: CERT_MISSING });
      assert.deepEqual(w.additional(), [
        { CertificateId: CERT_MISSING, Domain: "theirs.example.com", IsDefault: false, State: "active" },
      ]);
      assert.equal(w.listener().State, "active");
      expectError(() => w.associate([["theirs.example.com", CERT_A]]), "Exist.AdditionalCertificate");
      expectError(
        () => w.control("bindOutOfBand", { listenerId: HTTPS, domain: "theirs.example.com", certificateId: CERT_A }),
        "Exist.AdditionalCertificate",
        409,
      );
      expectError(
        () => w.control("bindOutOfBand", { listenerId: TCP, domain: "x.example.com", certificateId: CERT_A }),
        "InvalidParameter",
      );
      expectError(() => w.control("bindOutOfBand", { listenerId: HTTPS, domain: "x.example.com" }), "InvalidParameter");
      w.control("dissociateOutOfBand", { listenerId: HTTPS, domain: "THEIRS.example.com" });
      assert.deepEqual(w.additional(), []);
      expectError(
        () => w.control("dissociateOutOfBand", { listenerId: HTTPS, domain: "theirs.example.com" }),
        "NotExist.AdditionalCertificate",
        404,
      );
      expectError(() => w.control("dissociateOutOfBand", null), "InvalidParameter");
    });

    it("dumpObjects shows pending changes and lock deadlines", () => {
      const w = new World();
      w.associate([["a.example.com", CERT_A]]);
      const dump = gaService.dumpObjects(w.state, w.ctx) as {
        accelerators: { acceleratorId: string; busyUntil?: number }[];
        bindings: Record<string, { domain: string; pending?: unknown }[]>;
      };
      assert.equal(dump.accelerators[0]?.busyUntil, w.now + WRITE_MS);
      assert.deepEqual(dump.bindings[HTTPS]?.[0]?.pending, { kind: "associate" });
    });
  });
});
