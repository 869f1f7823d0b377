/**
 * GA's documented error table (AssociateAdditionalCertificatesWithListener, seed 004): the codes about the call
 * are answered by the actions (ProtocalIllegal.Listener, NotExist.Accelerator, StateError.Accelerator: see
 * ga-service.test.ts); the listener-port codes are answered where a port can be wrong at all, in a seed file.
 */
import { strict as assert } from "node:assert";
import { SC081_SCHEDULE } from "../../emulator/core/ca-schedule";
import { ApiError, type ServiceContext } from "../../emulator/core/contract";
import { gaService } from "../../emulator/services/ga";

const ACC = "ga-bp1portsemulator000001";
const CERT = "14000001-cn-hangzhou";

function ctx(): ServiceContext {
  return {
    clock: { now: () => Date.UTC(2026, 0, 1) },
    records: { has: () => false, version: 0 },
    lookup: { casCertificateExists: () => true },
    nextId: () => "1",
    timings: { gaWriteMs: 2000, esaCertIssueMs: 2000, casIssueMs: 2000 },
    caSchedule: SC081_SCHEDULE,
  };
}

function seedWith(listeners: Record<string, unknown>[]): unknown {
  return { accelerators: [{ acceleratorId: ACC, listeners }] };
}

function listener(n: number, protocol: string, port: number): Record<string, unknown> {
  const base = { listenerId: `lsr-bp1ports00000000000${n}`, protocol, port };
  return protocol === "HTTPS" ? { ...base, defaultCertificateId: CERT } : base;
}

function expectSeedError(seed: unknown, code: string, message: RegExp): void {
  const state = gaService.emptyState();
  const before = JSON.stringify(state);
  assert.throws(
    () => gaService.applySeed(state, seed, ctx()),
    (e: unknown) => e instanceof ApiError && e.code === code && e.status === 400 && message.test(e.message),
  );
  assert.equal(JSON.stringify(state), before, "a rejected seed changes nothing");
}

describe("GA: documented listener-port codes for seeded listeners", () => {
  it("SystemPort.Listener for ports 65500-65535", () => {
    expectSeedError(seedWith([listener(1, "TCP", 65500)]), "SystemPort.Listener", /65500-65535/);
  });

  it("PortRangeIllegal.UDP for UDP 250, 4789 and 4790 (a TCP listener may use them)", () => {
    for (const port of [250, 4789, 4790]) {
      expectSeedError(seedWith([listener(1, "UDP", port)]), "PortRangeIllegal.UDP", /system reserved/);
    }
    gaService.applySeed(gaService.emptyState(), seedWith([listener(1, "TCP", 4789)]), ctx());
  });

  it("PortConflict.Listener for two TCP-family listeners on one port, also against already seeded ones", () => {
    expectSeedError(
      seedWith([listener(1, "HTTPS", 443), listener(2, "TCP", 443)]),
      "PortConflict.Listener",
      /port 443/,
    );
    const state = gaService.emptyState();
    gaService.applySeed(state, seedWith([listener(1, "HTTPS", 443), listener(2, "UDP", 443)]), ctx());
    assert.throws(
      () => gaService.applySeed(state, seedWith([listener(3, "HTTP", 443)]), ctx()),
      (e: unknown) => e instanceof ApiError && e.code === "PortConflict.Listener",
    );
    // Re-seeding the same listener is a merge, not a conflict with itself.
    gaService.applySeed(state, seedWith([listener(1, "HTTPS", 443)]), ctx());
  });
});
