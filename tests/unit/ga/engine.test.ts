/**
 * Unit tier for the GA engine: planning, request mapping, ClientTokens, and the per-accelerator scheduler driven
 * against an in-memory fake of the GA API (passed to the engine as its client).
 */
import { strict as assert } from "node:assert";
import { planListener } from "../../../provider/resources/ga/engine/plan";
import { REQUEUE_MAX_MS, requeueDelayMs } from "../../../provider/resources/ga/engine/contention";
import {
  associateRequest,
  clientToken,
  dissociateRequest,
  updateRequest,
} from "../../../provider/resources/ga/engine/requests";
import { listenerReads, readListener } from "../../../provider/resources/ga/engine/reads";
import { engineStats, MAX_GATHER_WINDOWS, submitIntents } from "../../../provider/resources/ga/engine/scheduler";
import { type BindingIntent, type LiveBinding } from "../../../provider/resources/ga/engine/types";
import { type Operation, type WireParams } from "../../../provider/transport/operation";
import { apiError, FakeGa } from "./fake-ga";

const ACC = "ga-bp1acc";
const LSN = "lsr-bp1lsn";
const d = (n: number): string => `d${n}.example.com`;
const c = (n: number): string => `${n}-cn-hangzhou`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const intent = (n: number, certificateId = c(n)): BindingIntent => ({
  acceleratorId: ACC,
  listenerId: LSN,
  domain: d(n),
  certificateId,
});
/** An intent that the domain carry no certificate. */
const absent = (n: number): BindingIntent => ({
  acceleratorId: ACC,
  listenerId: LSN,
  domain: d(n),
  certificateId: undefined,
});

describe("unit: GA plan", () => {
  const live = new Map<string, LiveBinding>([
    [d(1), { domain: d(1), certificateId: c(1), state: "active" }],
    [d(2), { domain: d(2), certificateId: c(2), state: "active" }],
    [d(3), { domain: d(3), certificateId: c(3), state: "active" }],
  ]);
  const item = (i: BindingIntent): { intent: BindingIntent } => ({ intent: i });

  it("maps each intent to no write, associate, update or dissociate against the live bindings", () => {
    const plan = planListener(live, [
      item(intent(1)),
      item(intent(2, c(20))),
      item(absent(3)),
      item(intent(4)),
      item(absent(5)),
    ]);
    assert.deepEqual(
      plan.settled.map((s) => [s.item.intent.domain, s.action]),
      [
        [d(1), "unchanged"],
        [d(5), "absent"],
      ],
    );
    assert.deepEqual(
      plan.writes.map((w) => [w.kind, w.items.map((i) => i.intent.domain)]),
      [
        ["dissociate", [d(3)]],
        ["update", [d(2)]],
        ["associate", [d(4)]],
      ],
    );
  });

  it("cuts associations and dissociations into batches of at most 10; one update per domain", () => {
    const adds = Array.from({ length: 23 }, (_, i) => item(intent(100 + i)));
    const changes = [item(intent(1, c(9))), item(intent(2, c(9)))];
    const plan = planListener(live, [...adds, ...changes]);
    assert.deepEqual(
      plan.writes.map((w) => `${w.kind}:${w.items.length}`),
      ["update:1", "update:1", "associate:10", "associate:10", "associate:3"],
    );
  });
});

describe("unit: GA contention pause", () => {
  it("draws full jitter under a ceiling that doubles per busy round, capped and never past the deadline", () => {
    const top = (): number => 0.999999;
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => requeueDelayMs(n, 60_000, top)),
      [499, 999, 1999, 3999],
    );
    assert.equal(requeueDelayMs(40, 60_000, top), REQUEUE_MAX_MS - 1, "capped");
    assert.equal(requeueDelayMs(5, 700, top), 700, "never sleeps past the latest deadline");
    assert.equal(
      requeueDelayMs(5, 60_000, () => 0),
      0,
      "full jitter reaches zero",
    );
  });
});

describe("unit: GA request mapping and ClientTokens", () => {
  it("maps batches onto the documented wire parameters", () => {
    assert.deepEqual(associateRequest([intent(1), intent(2)], "t"), {
      AcceleratorId: ACC,
      ListenerId: LSN,
      ClientToken: "t",
      Certificates: [
        { Domain: d(1), Id: c(1) },
        { Domain: d(2), Id: c(2) },
      ],
    });
    assert.deepEqual(dissociateRequest([absent(1), absent(2)], "t"), {
      AcceleratorId: ACC,
      ListenerId: LSN,
      ClientToken: "t",
      Domains: [d(1), d(2)],
    });
    assert.deepEqual(updateRequest(intent(1, c(7)), "t"), {
      AcceleratorId: ACC,
      ListenerId: LSN,
      ClientToken: "t",
      Domain: d(1),
      CertificateId: c(7),
    });
  });

  it("derives an ASCII token of at most 64 characters, stable for the same write and order-insensitive", () => {
    const token = clientToken("associate", [intent(1), intent(2)], "nonce");
    assert.match(token, /^pac-[0-9a-f]{40}$/);
    assert.equal(clientToken("associate", [intent(2), intent(1)], "nonce"), token);
    assert.notEqual(clientToken("associate", [intent(1), intent(2)], "other"), token, "a new write gets a new token");
    assert.notEqual(clientToken("dissociate", [intent(1), intent(2)], "nonce"), token, "the action is part of it");
    assert.notEqual(clientToken("associate", [intent(1, c(3)), intent(2)], "nonce"), token, "so is the content");
  });
});

describe("unit: GA scheduler (fake GA)", () => {
  let ga: FakeGa;
  const saved = { ...process.env };
  beforeEach(() => {
    process.env["ALICLOUD_CERTS_GA_GATHER_MS"] = "20";
    process.env["ALICLOUD_CERTS_MIN_POLL_MS"] = "1";
    process.env["ALICLOUD_CERTS_MAX_POLL_MS"] = "2";
    ga = new FakeGa(ACC, LSN);
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("coalesces 50 concurrent intents into 1 read, 5 Associate calls and 5 waits", async () => {
    const before = engineStats();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submitIntents(ga, [intent(i + 1)], 10_000)),
    );
    assert.ok(outcomes.every(([o]) => o?.ok === true && o.action === "associated"));
    assert.equal(ga.count("ListListenerCertificates"), 1);
    assert.equal(ga.count("AssociateAdditionalCertificatesWithListener"), 5);
    assert.equal(ga.count("DescribeListener"), 5);
    assert.equal(ga.count("DescribeAccelerator"), 5);
    const after = engineStats();
    assert.deepEqual(
      { rounds: after.rounds - before.rounds, writes: after.writes - before.writes, waits: after.waits - before.waits },
      { rounds: 1, writes: 5, waits: 5 },
    );
  });

  it("gathers intents spread over several gather windows into one round while they keep arriving", async () => {
    const before = engineStats();
    // 8 intents 12 ms apart (20 ms windows): 84 ms from first to last, more than one window, never a quiet window.
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => sleep(i * 12).then(() => submitIntents(ga, [intent(i + 1)], 10_000))),
    );
    assert.ok(outcomes.every(([o]) => o?.ok === true && o.action === "associated"));
    assert.equal(ga.count("AssociateAdditionalCertificatesWithListener"), 1);
    assert.equal(engineStats().rounds - before.rounds, 1);
  });

  it("stops gathering after MAX_GATHER_WINDOWS windows: a steady trickle does not hold the first round back", async () => {
    const before = engineStats();
    // One intent every 8 ms for three times the longest gather (20 ms windows), so the trickle outlasts it.
    const count = Math.ceil((3 * MAX_GATHER_WINDOWS * 20) / 8);
    const lastArrivalMs = (count - 1) * 8;
    const settledAt: number[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        sleep(i * 8)
          .then(() => submitIntents(ga, [intent(i + 1)], 10_000))
          .then(() => settledAt.push(Date.now() - started)),
      ),
    );
    assert.ok(engineStats().rounds - before.rounds >= 2, "the trickle is split into rounds");
    assert.ok(Math.min(...settledAt) < lastArrivalMs, "the first round settled before the last intent arrived");
  });

  it("gathers the successors a settled round lets the engine start into one round", async () => {
    // Like Pulumi at --parallel 4: each settled intent frees a slot, and the next resource starts a little later.
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        submitIntents(ga, [intent(i + 1)], 10_000).then(async () => {
          await sleep(i * 12);
          return submitIntents(ga, [intent(i + 5)], 10_000);
        }),
      ),
    );
    assert.equal(
      ga.count("AssociateAdditionalCertificatesWithListener"),
      2,
      "one write for the first four, one for their successors",
    );
    assert.equal(ga.bindings.size, 8);
  });

  it("defers a second intent for the same domain to the next round, in order", async () => {
    const [first, second] = await Promise.all([
      submitIntents(ga, [intent(1)], 10_000),
      submitIntents(ga, [absent(1)], 10_000),
    ]);
    assert.equal(first[0]?.ok && first[0].action, "associated");
    assert.equal(second[0]?.ok && second[0].action, "dissociated");
    assert.equal(ga.bindings.size, 0);
  });

  it("adopts a binding that already carries the certificate, and deletes an absent one, with no write", async () => {
    ga.bindings.set(d(1), c(1));
    const [adopt, gone] = await submitIntents(ga, [intent(1), absent(2)], 10_000);
    assert.deepEqual([adopt?.ok && adopt.action, gone?.ok && gone.action], ["unchanged", "absent"]);
    assert.equal(ga.log.filter((e) => !e.action.startsWith("List")).length, 0);
  });

  it("bisects a batch rejected for one item so only that item fails", async () => {
    ga.fault = (action, req) =>
      action === "AssociateAdditionalCertificatesWithListener" &&
      (req["Certificates"] as { Id: string }[]).some((x) => x.Id === c(3))
        ? apiError(action, "NotExist.Certificate", { notFound: true })
        : undefined;
    const outcomes = await submitIntents(
      ga,
      [1, 2, 3, 4, 5].map((n) => intent(n)),
      10_000,
    );
    assert.deepEqual(
      outcomes.map((o) => o.ok),
      [true, true, false, true, true],
    );
    const bad = outcomes[2];
    assert.ok(bad !== undefined && !bad.ok && !bad.accepted && /NotExist\.Certificate/.test(bad.error.message));
    assert.deepEqual([...ga.bindings.keys()].sort(), [1, 2, 4, 5].map(d));
  });

  it("marks intents accepted when the write went through but the wait failed, and stops the round", async () => {
    ga.bindings.set(d(2), c(2));
    ga.bindings.set(d(3), c(3));
    ga.listenerState = "deleting";
    // Planned: Dissociate d2, then Update d3, then Associate d1; the first wait fails.
    const outcomes = await submitIntents(ga, [intent(1), absent(2), intent(3, c(30))], 10_000);
    const accepted = outcomes.filter((o) => !o.ok && o.accepted);
    const skipped = outcomes.filter((o) => !o.ok && !o.accepted);
    assert.equal(accepted.length, 1, "the first write was accepted");
    assert.equal(outcomes[1], accepted[0]);
    assert.match((accepted[0] as { error: Error }).error.message, /accepted .* but it did not settle: .*deleting/);
    assert.equal(skipped.length, 2);
    assert.ok(skipped.every((o) => !o.ok && /not attempted/.test(o.error.message)));
    assert.equal(
      ga.count("UpdateAdditionalCertificateWithListener") + ga.count("AssociateAdditionalCertificatesWithListener"),
      0,
    );
  });

  it("treats an ambiguous write failure as possibly applied", async () => {
    ga.fault = (action) =>
      action.startsWith("Associate")
        ? apiError(action, "InternalError", { retryable: true, httpStatus: 500 })
        : undefined;
    const [ambiguous] = await submitIntents(ga, [intent(1)], 10_000);
    assert.ok(ambiguous !== undefined && !ambiguous.ok && ambiguous.accepted);
    assert.deepEqual(ambiguous.confirmed, { binding: undefined }, "a read confirmed nothing was bound");
    assert.equal(ga.count("ListListenerCertificates"), 2, "the plan's read and the confirming read");
  });

  it("reports the binding a confirming read finds after an accepted write whose wait failed", async () => {
    ga.listenerState = "deleting";
    const [outcome] = await submitIntents(ga, [intent(1)], 10_000);
    assert.ok(outcome !== undefined && !outcome.ok && outcome.accepted);
    assert.deepEqual(outcome.confirmed, { binding: { domain: d(1), certificateId: c(1), state: "active" } });
  });

  it("leaves confirmed out when the confirming read fails too, and says so", async () => {
    let lists = 0;
    ga.fault = (action) =>
      action.startsWith("Associate")
        ? apiError(action, "InternalError", { retryable: true, httpStatus: 500 })
        : action === "ListListenerCertificates" && ++lists > 1
          ? apiError(action, "Forbidden.RAM")
          : undefined;
    const [outcome] = await submitIntents(ga, [intent(1)], 10_000);
    assert.ok(outcome !== undefined && !outcome.ok && outcome.accepted && outcome.confirmed === undefined);
    assert.match(outcome.error.message, /InternalError .*read to confirm what GA now holds failed: .*Forbidden\.RAM/);
  });

  it("gives a busy write and the writes queued behind it later rounds until the accelerator frees", async () => {
    ga.bindings.set(d(1), c(1));
    ga.bindings.set(d(2), c(2));
    let busyAnswers = 2;
    ga.fault = (action) =>
      action.startsWith("Update") && busyAnswers-- > 0
        ? apiError(action, "StateError.Accelerator", { retryable: true })
        : undefined;
    const before = engineStats();
    // Two updates (one call per domain) and an associate: three writes in one round, the first one refused twice.
    const outcomes = await submitIntents(ga, [intent(1, c(10)), intent(2, c(20)), intent(3)], 10_000);
    assert.deepEqual(
      outcomes.map((o) => o.ok && o.action),
      ["updated", "updated", "associated"],
      "nothing failed with 'not attempted'",
    );
    assert.deepEqual(Object.fromEntries(ga.bindings), { [d(1)]: c(10), [d(2)]: c(20), [d(3)]: c(3) });
    assert.equal(ga.count("UpdateAdditionalCertificateWithListener"), 4, "two refusals, then both updates");
    assert.equal(ga.count("ListListenerCertificates"), 3, "each later round plans from a fresh read");
    assert.equal(engineStats().requeued - before.requeued, 6, "all three intents handed back, twice");
  });

  it("fails a write refused as busy only once its own deadline has passed, as not applied", async () => {
    ga.fault = (action) =>
      action.startsWith("Associate") ? apiError(action, "StateError.Accelerator", { retryable: true }) : undefined;
    const started = Date.now();
    const [busy] = await submitIntents(ga, [intent(2)], 1500);
    assert.ok(busy !== undefined && !busy.ok && !busy.accepted && /StateError\.Accelerator/.test(busy.error.message));
    assert.ok(Date.now() - started >= 1500, `kept trying until the deadline (${Date.now() - started} ms)`);
    assert.ok(ga.count("AssociateAdditionalCertificatesWithListener") >= 2, "tried more than once");
  });

  it("a gone listener makes deletes succeed and creates fail (not accepted)", async () => {
    ga.fault = (action) =>
      action === "ListListenerCertificates" ? apiError(action, "NotExist.Listener", { notFound: true }) : undefined;
    const [del, create] = await submitIntents(ga, [absent(1), intent(2)], 10_000);
    assert.ok(del?.ok && del.action === "absent");
    assert.ok(create !== undefined && !create.ok && !create.accepted);
  });

  it("a domain that vanished before its Dissociate counts as absent", async () => {
    ga.bindings.set(d(1), c(1));
    ga.fault = (action) =>
      action.startsWith("Dissociate")
        ? apiError(action, "NotExist.AdditionalCertificate", { notFound: true })
        : undefined;
    const [outcome] = await submitIntents(ga, [absent(1)], 10_000);
    assert.ok(outcome?.ok && outcome.action === "absent");
  });
});

describe("unit: GA coalesced reads (fake GA)", () => {
  let ga: FakeGa;
  const saved = { ...process.env };
  beforeEach(() => {
    process.env["ALICLOUD_CERTS_GA_GATHER_MS"] = "20";
    process.env["ALICLOUD_CERTS_MIN_POLL_MS"] = "1";
    process.env["ALICLOUD_CERTS_MAX_POLL_MS"] = "2";
    listenerReads.keys.clear();
    ga = new FakeGa(ACC, LSN);
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("50 concurrent reads of one listener share one listing", async () => {
    ga.bindings.set(d(1), c(1));
    const listings = await Promise.all(Array.from({ length: 50 }, () => readListener(ga, ACC, LSN)));
    assert.equal(ga.count("ListListenerCertificates"), 1);
    assert.ok(listings.every((l) => l.get(d(1))?.certificateId === c(1)));
  });

  it("reads soon after a listing reuse it; with reuse off only concurrent reads share", async () => {
    await readListener(ga, ACC, LSN);
    await readListener(ga, ACC, LSN);
    assert.equal(ga.count("ListListenerCertificates"), 1, "reused within the window");
    process.env["ALICLOUD_CERTS_GA_READ_REUSE_MS"] = "0";
    listenerReads.keys.clear();
    await readListener(ga, ACC, LSN);
    await readListener(ga, ACC, LSN);
    assert.equal(ga.count("ListListenerCertificates"), 3, "one listing per sequential read");
  });

  it("a read after a write never sees the listing from before it", async () => {
    ga.bindings.set(d(1), c(1));
    assert.equal((await readListener(ga, ACC, LSN)).get(d(1))?.certificateId, c(1));
    const [outcome] = await submitIntents(ga, [intent(1, c(10))], 10_000);
    assert.ok(outcome?.ok && outcome.action === "updated");
    assert.equal((await readListener(ga, ACC, LSN)).get(d(1))?.certificateId, c(10), "not the cached c(1)");
  });

  it("a read that starts while a write is in flight does not join a listing requested before it", async () => {
    ga.bindings.set(d(1), c(1));
    // Hold the Update until a read has been requested mid-write; the listing requested before the write is then done.
    const before = await readListener(ga, ACC, LSN);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let writing: () => void = () => undefined;
    const sent = new Promise<void>((resolve) => (writing = resolve));
    const original = ga.call.bind(ga);
    ga.call = (async (op: Operation<WireParams, unknown>, request: WireParams) => {
      if (op.action === "UpdateAdditionalCertificateWithListener") {
        writing();
        await held;
      }
      return original(op, request);
    }) as typeof ga.call;
    const write = submitIntents(ga, [intent(1, c(10))], 10_000);
    await sent;
    const during = readListener(ga, ACC, LSN);
    release();
    await write;
    assert.notEqual(await during, before, "the mid-write read got a listing of its own, not the one from before");
    assert.equal((await readListener(ga, ACC, LSN)).get(d(1))?.certificateId, c(10));
  });

  it("a failed listing rejects every read that shared it, and the next read tries again", async () => {
    let failures = 1;
    ga.fault = (action) =>
      action === "ListListenerCertificates" && failures-- > 0 ? apiError(action, "Forbidden.RAM") : undefined;
    const shared = await Promise.allSettled([readListener(ga, ACC, LSN), readListener(ga, ACC, LSN)]);
    assert.deepEqual(
      shared.map((r) => r.status),
      ["rejected", "rejected"],
    );
    assert.equal((await readListener(ga, ACC, LSN)).size, 0);
    assert.equal(ga.count("ListListenerCertificates"), 2);
  });
});
