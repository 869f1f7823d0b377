/**
 * The emulator's CA follows ballot SC-081v3 on its own clock: leaf validity by the instant of issuance (capped, never
 * backdated, counted inclusively), DCV reuse within the period in force at issuance (per validated name, DNS covering
 * the wildcard and names below it, FILE only the FQDN), and a schedule that can be replaced. Handler level with a
 * movable clock, then through a running emulator (PEM, GetUserCertificateDetail, the start option and the control).
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import * as x509 from "@peculiar/x509";
import fc from "fast-check";
import { parse } from "lossless-json";
import { SC081_SCHEDULE, startEmulator, type CaScheduleEntry, type RunningEmulator } from "../../emulator";
import { DAY_MS, limitsAt } from "../../emulator/core/ca-schedule";
import {
  call,
  control,
  createOrder,
  createParams,
  makeCsr,
  makeWorld,
  pemBlocks,
  type TestWorld,
} from "./helpers/cas-fixtures";
import { callActionText, realClient } from "./helpers/openapi";

const at = (iso: string): number => Date.parse(iso);
const SECOND = 1000;
/** A 1-year product: its leaves get the BR maximum since SC-081. */
const YEAR_PRODUCT = "geotrust-dv-1-starter";
/** The 3-month free trial: 90 days, or less when the BRs say so. */
const TRIAL_PRODUCT = "digicert-free-1-free";
const WILDCARD_PRODUCT = "geotrust-dv-w-starter";
const PLENTY = {
  packages: [YEAR_PRODUCT, TRIAL_PRODUCT, WILDCARD_PRODUCT].map((productCode) => ({ productCode, total: 10_000 })),
};

function world(start: string, caSchedule?: readonly CaScheduleEntry[]): TestWorld {
  return makeWorld(PLENTY, undefined, { start: at(start), ...(caSchedule === undefined ? {} : { caSchedule }) });
}

function describeState(w: TestWorld, orderId: string): Record<string, unknown> {
  return call(w, "DescribeCertificateState", { OrderId: orderId });
}

/** Place an order for `cn` (DNS unless told) and return its id and DNS token. */
async function place(
  w: TestWorld,
  cn: string,
  productCode = YEAR_PRODUCT,
  validateType: "DNS" | "FILE" = "DNS",
): Promise<{ orderId: string; token: string | undefined }> {
  const orderId = createOrder(w, (await makeCsr({ alg: "ECDSA", cn })).pem, {
    ProductCode: productCode,
    ValidateType: validateType,
  });
  const pending = describeState(w, orderId);
  const token = pending["RecordValue"] ?? pending["Content"];
  return { orderId, token: typeof token === "string" ? token : undefined };
}

/** Validate `cn` by DNS and let the CA issue; returns the issued certificate as CAS shows it. */
async function validateAndIssue(w: TestWorld, cn: string, productCode = YEAR_PRODUCT): Promise<IssuedView> {
  const { orderId, token } = await place(w, cn, productCode);
  assert.ok(token !== undefined, "a new order waits for its DNS record");
  w.records.publish({ kind: "dns", name: `_dnsauth.${cn.replace(/^\*\./, "")}`, type: "TXT", value: token });
  assert.equal(describeState(w, orderId)["Type"], "process");
  return finishReview(w, orderId);
}

/**
 * Whether a freshly placed order passes the CA's check on a reused validation: it reports its record in
 * `domain_verify` like any other order, and `casIssueMs` later (the CA's check) a reused one is in `process` with
 * nothing published, while any other still waits. Advances the clock by `casIssueMs`.
 */
function passesOnReuse(w: TestWorld, orderId: string): boolean {
  const pending = describeState(w, orderId);
  assert.equal(pending["Type"], "domain_verify", "every new order reports its validation record");
  assert.ok(typeof (pending["RecordValue"] ?? pending["Content"]) === "string", "with the record to publish");
  w.advance(w.timings.casIssueMs);
  return describeState(w, orderId)["Type"] === "process";
}

interface IssuedView {
  readonly orderId: string;
  readonly issuedAt: number;
  /** From the leaf PEM DescribeCertificateState returns. */
  readonly pem: { notBefore: number; notAfter: number };
  /** GetUserCertificateDetail NotBefore / NotAfter (ms). */
  readonly detail: { notBefore: number; notAfter: number };
}

function finishReview(w: TestWorld, orderId: string): IssuedView {
  w.advance(w.timings.casIssueMs);
  const issuedAt = w.now();
  const issued = describeState(w, orderId);
  assert.equal(issued["Type"], "certificate");
  const leaf = new x509.X509Certificate(pemBlocks(String(issued["Certificate"]))[0] ?? "");
  const detail = call(w, "GetUserCertificateDetail", { CertId: String(issued["CertId"]) });
  return {
    orderId,
    issuedAt,
    pem: { notBefore: leaf.notBefore.getTime(), notAfter: leaf.notAfter.getTime() },
    detail: { notBefore: Number(detail["NotBefore"]), notAfter: Number(detail["NotAfter"]) },
  };
}

/** Assert an N-day leaf issued at `issuedAt`: notBefore is the second of issuance, notAfter N days − 1 s later. */
function assertLifetime(view: IssuedView, days: number): void {
  const notBefore = Math.floor(view.issuedAt / SECOND) * SECOND;
  for (const [source, times] of [
    ["PEM", view.pem],
    ["GetUserCertificateDetail", view.detail],
  ] as const) {
    assert.equal(times.notBefore, notBefore, `${source}: notBefore is the second of issuance, not earlier`);
    assert.equal(times.notAfter - times.notBefore, days * DAY_MS - SECOND, `${source}: a ${days}-day period`);
  }
}

describe("cas: leaf validity follows ballot SC-081v3 on the emulator's clock", () => {
  for (const [start, days] of [
    ["2027-03-14T23:59:50Z", 200], // issued 2 s later, still before the step
    ["2027-03-15T00:00:00Z", 100],
    ["2029-03-14T23:59:57.500Z", 100], // issued 2029-03-14T23:59:59.500: notBefore 23:59:59
    ["2029-03-15T00:00:00Z", 47],
  ] as const) {
    it(`a 1-year product issued from ${start} + the review is a ${days}-day leaf`, async () => {
      const w = world(start);
      assertLifetime(await validateAndIssue(w, "shop.example.com"), days);
    });
  }

  it("the 3-month trial keeps its 90 days until the cap is shorter (47 days from 2029-03-15)", async () => {
    assertLifetime(await validateAndIssue(world("2027-06-01T00:00:00Z"), "a.example.com", TRIAL_PRODUCT), 90);
    assertLifetime(await validateAndIssue(world("2029-03-15T00:00:00Z"), "a.example.com", TRIAL_PRODUCT), 47);
  });

  it("over random issuance instants and products: the lifetime is the product's, capped by the schedule", async () => {
    const csr = (await makeCsr({ alg: "ECDSA", cn: "prop.example.com" })).pem;
    const w = world("2024-01-01T00:00:00Z");
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 * 365 * DAY_MS }),
        fc.constantFrom(YEAR_PRODUCT, TRIAL_PRODUCT),
        (step, productCode) => {
          w.advance(step % (400 * DAY_MS)); // the clock only moves forward
          const orderId = createOrder(w, csr, { ProductCode: productCode });
          const issuedAt = w.now();
          const { certId } = control(w, "issueNow", { orderId }) as { certId: string };
          const cert = w.state.certificates[certId];
          assert.ok(cert);
          const cap = limitsAt(SC081_SCHEDULE, issuedAt).validityDays;
          const lifetime = cert.notAfter - cert.notBefore + SECOND;
          assert.ok(lifetime <= cap * DAY_MS, "never longer than the BR maximum at issuance");
          assert.equal(lifetime, Math.min(productCode === TRIAL_PRODUCT ? 90 : 365, cap) * DAY_MS);
          assert.ok(cert.notBefore <= issuedAt && issuedAt - cert.notBefore < SECOND, "not backdated");
          checked += 1;
        },
      ),
      { numRuns: 60 },
    );
    assert.equal(checked, 60);
  });
});

describe("cas: DCV reuse (BR §4.2.1)", () => {
  it("inside the period a new order reports its record, and is issued with none published", async () => {
    const w = world("2026-12-06T00:00:00Z");
    await validateAndIssue(w, "shop.example.com");
    const validatedAt = w.now() - w.timings.casIssueMs;
    w.records.list.length = 0; // the customer removed the TXT: reuse needs none
    w.advance(98 * DAY_MS); // 2027-03-14: 98 days old, inside the 200-day period (the 100-day one starts tomorrow)
    const { orderId, token } = await place(w, "shop.example.com");
    assert.ok(token !== undefined, "the record is reported like any other order's");
    assert.equal(w.state.orders[orderId]?.reusedValidationAt, validatedAt);
    w.advance(w.timings.casIssueMs - 1);
    assert.equal(describeState(w, orderId)["Type"], "domain_verify", "the CA checks casIssueMs after placement");
    w.advance(1);
    assert.equal(describeState(w, orderId)["Type"], "process", "and passes on the reused validation");
    w.advance(w.timings.casIssueMs - 1);
    assert.equal(describeState(w, orderId)["Type"], "process", "the review takes casIssueMs like any other");
    w.advance(1);
    assert.equal(describeState(w, orderId)["Type"], "certificate");
    assert.deepEqual(
      Object.values(w.state.validations ?? {}).map((v) => v.validatedAt),
      [validatedAt],
      "a reused validation keeps its date",
    );
  });

  it("past the period the order waits in domain_verify until the record is there again", async () => {
    const w = world("2026-12-06T00:00:00Z");
    await validateAndIssue(w, "shop.example.com");
    w.advance(201 * DAY_MS); // 2027-06-25: the 100-day period applies
    const { orderId, token } = await place(w, "shop.example.com");
    assert.equal(describeState(w, orderId)["Type"], "domain_verify");
    w.advance(DAY_MS);
    assert.equal(describeState(w, orderId)["Type"], "domain_verify", "the old record is gone: nothing to see");
    w.records.publish({ kind: "dns", name: "_dnsauth.shop.example.com", type: "TXT", value: token ?? "" });
    assert.equal(describeState(w, orderId)["Type"], "process");
  });

  it("the edge: reusable when the validation is at most the period old at issuance (placement + check + review)", async () => {
    const w = world("2027-04-01T00:00:00Z"); // 100-day period throughout
    await validateAndIssue(w, "edge.example.com");
    const validatedAt = w.now() - w.timings.casIssueMs;
    w.records.list.length = 0;
    w.advance(validatedAt + 100 * DAY_MS - 2 * w.timings.casIssueMs - w.now()); // issuance exactly 100 days on
    assert.equal(passesOnReuse(w, (await place(w, "edge.example.com")).orderId), true);
    w.advance(1 - w.timings.casIssueMs); // placed 1 ms later than the first: issuance 1 ms past the period
    assert.equal(passesOnReuse(w, (await place(w, "edge.example.com")).orderId), false);
  });

  it("the period in force at issuance counts: 15 days is too old from 2029-03-15 (10 days)", async () => {
    const w = world("2029-03-01T00:00:00Z");
    await validateAndIssue(w, "late.example.com");
    w.records.list.length = 0;
    w.advance(9 * DAY_MS); // 2029-03-10: still the 100-day period
    assert.equal(passesOnReuse(w, (await place(w, "late.example.com")).orderId), true);
    w.advance(6 * DAY_MS); // 2029-03-16: 15 days old, the 10-day period
    assert.equal(passesOnReuse(w, (await place(w, "late.example.com")).orderId), false);
  });

  it("DNS validation of a name covers its wildcard and the names below it; a FILE validation only the FQDN", async () => {
    const w = world("2026-12-06T00:00:00Z");
    await validateAndIssue(w, "dns.example.com");
    w.records.list.length = 0;
    for (const [cn, product] of [
      ["*.dns.example.com", WILDCARD_PRODUCT],
      ["www.dns.example.com", YEAR_PRODUCT],
    ] as const) {
      assert.equal(passesOnReuse(w, (await place(w, cn, product)).orderId), true, cn);
    }
    assert.equal(passesOnReuse(w, (await place(w, "example.com")).orderId), false, "not above");
    assert.equal(passesOnReuse(w, (await place(w, "xdns.example.com")).orderId), false);

    const { orderId, token } = await place(w, "file.example.com", YEAR_PRODUCT, "FILE");
    w.records.publish({
      kind: "file",
      name: "http://file.example.com/.well-known/pki-validation/fileauth.txt",
      type: "FILE",
      value: token ?? "",
    });
    assert.equal(describeState(w, orderId)["Type"], "process");
    w.records.list.length = 0;
    // Reuse is the CA's: a DNS order for the file-validated FQDN needs no record either.
    assert.equal(passesOnReuse(w, (await place(w, "file.example.com")).orderId), true);
    assert.equal(passesOnReuse(w, (await place(w, "www.file.example.com")).orderId), false);
    const wildcard = await place(w, "*.file.example.com", WILDCARD_PRODUCT);
    assert.equal(passesOnReuse(w, wildcard.orderId), false, "a file never validates a wildcard");
  });

  it("a wildcard order's DNS validation is of its base name, which then covers the base name too", async () => {
    const w = world("2026-12-06T00:00:00Z");
    await validateAndIssue(w, "*.wild.example.com", WILDCARD_PRODUCT);
    w.records.list.length = 0;
    assert.equal(passesOnReuse(w, (await place(w, "wild.example.com")).orderId), true);
    assert.deepEqual(
      Object.values(w.state.validations ?? {}).map((v) => [v.method, v.name]),
      [["DNS", "wild.example.com"]],
    );
  });

  it("validations kept for reuse survive a JSON round trip of the state (the state file)", async () => {
    const w = world("2026-12-06T00:00:00Z");
    await validateAndIssue(w, "kept.example.com");
    const copy = makeWorld(PLENTY, JSON.parse(JSON.stringify(w.state)) as typeof w.state, { start: w.now() + DAY_MS });
    assert.equal(passesOnReuse(copy, (await place(copy, "kept.example.com")).orderId), true);
  });

  it("a schedule with dcvReuseDays 0 never reuses", async () => {
    const w = world("2026-12-06T00:00:00Z", [{ from: "2020-01-01T00:00:00.000Z", validityDays: 200, dcvReuseDays: 0 }]);
    await validateAndIssue(w, "shop.example.com");
    assert.equal(passesOnReuse(w, (await place(w, "shop.example.com")).orderId), false);
  });

  it("over random validation ages and instants: reused exactly when BR §4.2.1 allows it at issuance", async () => {
    const csr = (await makeCsr({ alg: "ECDSA", cn: "age.example.com" })).pem;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: at("2025-06-01T00:00:00Z"), max: at("2030-01-01T00:00:00Z") }),
        fc.integer({ min: 0, max: 450 * DAY_MS }),
        async (validatedAt, age) => {
          const w = world(new Date(validatedAt).toISOString());
          const first = createOrder(w, csr, { ProductCode: YEAR_PRODUCT });
          const token = String(describeState(w, first)["RecordValue"]);
          w.records.publish({ kind: "dns", name: "_dnsauth.age.example.com", type: "TXT", value: token });
          assert.equal(describeState(w, first)["Type"], "process");
          w.records.list.length = 0;
          w.advance(age);
          const next = createOrder(w, csr, { ProductCode: YEAR_PRODUCT });
          const issueAt = w.now() + 2 * w.timings.casIssueMs;
          const allowed = issueAt - validatedAt <= limitsAt(SC081_SCHEDULE, issueAt).dcvReuseDays * DAY_MS;
          assert.equal(passesOnReuse(w, next), allowed);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("cas: the CA schedule through a running emulator", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  afterEach(async () => {
    await emu?.close();
  });

  /** Jump the (frozen) emulator clock to `iso`, which must be ahead of it. */
  async function jumpTo(iso: string): Promise<void> {
    const now = await emu.control.now();
    assert.ok(at(iso) >= now, `${iso} is ahead of the emulator clock`);
    await emu.control.advanceTime(at(iso) - now);
  }

  /** Order (1-year product), validate by DNS and issue; the leaf's times from the PEM and from the detail. */
  async function issueOverHttp(cn: string): Promise<{ pem: [number, number]; detail: [number, number] }> {
    const client = realClient(emu.endpoint, emu);
    const { pem: csr } = await makeCsr({ alg: "ECDSA", cn });
    const text = await callActionText(
      client,
      "cas",
      "CreateCertificateWithCsrRequest",
      createParams(csr, { ProductCode: YEAR_PRODUCT }),
    );
    const orderId = (parse(text) as { OrderId: { toString(): string } }).OrderId.toString();
    const describe = async (): Promise<Record<string, unknown>> =>
      parse(await callActionText(client, "cas", "DescribeCertificateState", { OrderId: orderId })) as Record<
        string,
        unknown
      >;
    const pending = await describe();
    if (pending["Type"] === "domain_verify") {
      await emu.control.publishRecord({
        kind: "dns",
        name: `_dnsauth.${cn}`,
        type: "TXT",
        value: String(pending["RecordValue"]),
      });
      assert.equal((await describe())["Type"], "process");
    }
    await emu.control.advanceTime(2000);
    const issued = await describe();
    assert.equal(issued["Type"], "certificate");
    const leaf = new x509.X509Certificate(pemBlocks(String(issued["Certificate"]))[0] ?? "");
    const detail = parse(
      await callActionText(client, "cas", "GetUserCertificateDetail", { CertId: String(issued["CertId"]) }),
    ) as Record<string, { valueOf(): number }>;
    return {
      pem: [leaf.notBefore.getTime(), leaf.notAfter.getTime()],
      detail: [Number(detail["NotBefore"]?.valueOf()), Number(detail["NotAfter"]?.valueOf())],
    };
  }

  /** A plan large enough for every order of a test. */
  async function plenty(): Promise<void> {
    await emu.control.service("cas", "setQuota", { productCode: YEAR_PRODUCT, total: 100 });
  }

  it("issues 200-, 100- and 47-day leaves on each side of 2027-03-15 and 2029-03-15 (PEM and detail agree)", async () => {
    emu = await startEmulator({ speed: 0, quiet: true });
    await plenty();
    for (const [iso, cn, days] of [
      ["2027-03-14T00:00:00Z", "a.example.com", 200],
      ["2027-03-15T00:00:00Z", "b.example.com", 100],
      ["2029-03-14T00:00:00Z", "c.example.com", 100],
      ["2029-03-15T00:00:00Z", "d.example.com", 47],
    ] as const) {
      await jumpTo(iso);
      const { pem, detail } = await issueOverHttp(cn);
      assert.deepEqual(detail, pem, "GetUserCertificateDetail shows the PEM's times");
      assert.equal(pem[0], at(iso) + 2000, `${cn}: notBefore is the end of the review`);
      assert.equal(pem[1] - pem[0], days * DAY_MS - SECOND, `${cn}: ${days} days, both ends included`);
    }
  });

  it("the caSchedule start option, the schedule control (setCaSchedule) and reset", async () => {
    const thirty: CaScheduleEntry[] = [{ from: "2000-01-01T00:00:00.000Z", validityDays: 30, dcvReuseDays: 0 }];
    emu = await startEmulator({ speed: 0, quiet: true, caSchedule: thirty });
    await plenty();
    const span = (v: { pem: [number, number] }): number => (v.pem[1] - v.pem[0] + SECOND) / DAY_MS;
    assert.equal(span(await issueOverHttp("one.example.com")), 30);
    // dcvReuseDays 0: the second order for the same name waits for its record (issueOverHttp publishes it).
    await issueOverHttp("one.example.com");
    const tenDays: CaScheduleEntry[] = [{ from: "2000-01-01T00:00:00.000Z", validityDays: 10, dcvReuseDays: 5 }];
    assert.deepEqual(await emu.control.caSchedule(), thirty);
    assert.deepEqual(await emu.control.setCaSchedule(tenDays), tenDays);
    assert.deepEqual(await emu.control.caSchedule(), tenDays);
    assert.equal(span(await issueOverHttp("two.example.com")), 10);
    assert.deepEqual(await emu.control.setCaSchedule(null), thirty, "null restores the start option");
    await emu.control.setCaSchedule(tenDays);
    await emu.control.reset();
    assert.deepEqual(await emu.control.setCaSchedule(null), thirty, "reset drops the control's schedule");
    await assert.rejects(
      emu.control.setCaSchedule([{ from: "2000-01-01", validityDays: 0, dcvReuseDays: 0 }]),
      /InvalidControlInput.*validityDays must be an integer from 1/,
    );
    await assert.rejects(
      startEmulator({ quiet: true, caSchedule: [] }),
      /caSchedule must be a non-empty list/,
      "a bad start option fails the start",
    );
  });
});
