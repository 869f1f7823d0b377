/**
 * Unit tier for `alicloud-certs status` (issue 28): each scenario of a certificate's life, from a `pulumi stack
 * export` built like the engine's, gives the expected renewal verdict, consumer verdicts, alarms and exit status.
 */
import { strict as assert } from "node:assert";
import { type StatusReport } from "../../../provider/cli/status/report";
import { runStatus } from "../../../provider/cli/status/run";
import { selfSignedCertificate } from "../../helpers/x509";
import {
  binding,
  deps,
  exportText,
  hostname,
  order,
  plusDays,
  urnOf,
  validation,
  type Resource,
} from "./export-fixture";

const NOT_BEFORE = "2027-01-01T00:00:00.000Z";
const NOT_AFTER = "2027-04-10T23:59:59.000Z";
const DUE = "2027-03-08T00:00:00.000Z";
const QUIET = "2027-02-01T00:00:00.000Z";

const issued = (extra: Partial<Parameters<typeof order>[0]> = {}): Resource =>
  order({ orderId: "1001", certId: "501", notBefore: NOT_BEFORE, notAfter: NOT_AFTER, renewalDue: DUE, ...extra });
const consumersOf = (certId: string): Resource[] => [
  hostname({ name: "cas", hostname: "shop.example.com", certType: "cas", casId: certId }),
  binding({ name: "ga", domain: "shop.example.com", certId }),
];

async function report(
  resources: readonly Resource[],
  now: string,
  options: { args?: string[]; wall?: string; time?: Date; pending?: string[] } = {},
): Promise<{ exitCode: number; report: StatusReport }> {
  const text = exportText(resources, {
    ...(options.time ? { time: options.time } : {}),
    ...(options.pending ? { pending: options.pending } : {}),
  });
  const result = await runStatus(["--json", ...(options.args ?? [])], deps(text, now, options.wall));
  assert.equal(result.stderr, "");
  return { exitCode: result.exitCode, report: JSON.parse(result.stdout) as StatusReport };
}

describe("unit: alicloud-certs status scenarios", () => {
  it("quiet: issued, before its renewal time, every consumer on it: exit 0", async () => {
    const { exitCode, report: r } = await report([issued(), ...consumersOf("501")], QUIET);
    assert.equal(exitCode, 0);
    assert.deepEqual(r.alarms, []);
    const [certificate] = r.certificates;
    assert.equal(certificate?.renewal, "scheduled");
    assert.equal(certificate?.expiry, "valid");
    assert.equal(certificate?.domain, "shop.example.com");
    assert.equal(certificate?.renewalDue, DUE);
    assert.equal(certificate?.daysLeft, 68.9);
    assert.deepEqual(certificate?.issuer, { name: "digicert-free-1-free", kind: "CAS", group: "alibabacloud.com" });
    assert.deepEqual(
      r.consumers.map((c) => [c.name, c.serves, c.newest, c.verdict]),
      [
        ["cas", "501", "501", "current"],
        ["ga", "501", "501", "current"],
      ],
    );
    assert.deepEqual(certificate?.consumers, ["cas", "ga"]);
  });

  it("due: past its renewal time, no renewal placed: exit 1, naming the time and the missing run", async () => {
    const { exitCode, report: r } = await report([issued(), ...consumersOf("501")], plusDays(DUE, 1));
    assert.equal(exitCode, 1);
    assert.equal(r.certificates[0]?.renewal, "due");
    assert.deepEqual(
      r.alarms.map((a) => a.kind),
      ["renewal-overdue"],
    );
    assert.match(
      r.alarms[0]?.message ?? "",
      /certificate "certificate" \(shop\.example\.com, order 1001\): past its renewal time \(2027-03-08T00:00:00Z\) and no renewal is in flight/,
    );
  });

  it("renewal in flight: a run is working on the new order (fresh pending operations): exit 0 past the due time", async () => {
    const resources = [
      order({ orderId: "1002", state: "domain_verify" }),
      issued({ pendingDeletion: true }),
      validation({ orderId: "1001", certId: "501", notAfter: NOT_AFTER, pendingDeletion: true }),
      ...consumersOf("501"),
    ];
    const now = plusDays(DUE, 1);
    const wall = "2027-01-01T00:10:00Z";
    const { exitCode, report: r } = await report(resources, now, {
      wall,
      time: new Date("2027-01-01T00:09:00Z"),
      pending: [urnOf("CasDvCertificateValidation", "validation")],
    });
    assert.equal(exitCode, 0, JSON.stringify(r.alarms));
    assert.equal(r.runInProgress, true);
    const [certificate] = r.certificates;
    assert.equal(certificate?.renewal, "in-flight");
    assert.match(
      certificate?.reason ?? "",
      /renewal in flight: order 1002 \(domain_verify\), a pulumi run is working on it/,
    );
    assert.deepEqual(
      certificate?.orders.map((o) => [o.orderId, o.role]),
      [
        ["1001", "replaced"],
        ["1002", "current"],
      ],
    );
    assert.equal(certificate?.notAfter, NOT_AFTER, "the certificate in effect is the old one until the new is issued");
  });

  it("a dead run's pending operations (checkpoint older than two days of wall-clock time) are no renewal in flight", async () => {
    const resources = [order({ orderId: "1002" }), issued({ pendingDeletion: true }), ...consumersOf("501")];
    const { exitCode, report: r } = await report(resources, plusDays(DUE, 1), {
      wall: "2027-01-04T00:00:00Z",
      time: new Date("2027-01-01T00:00:00Z"),
      pending: [urnOf("CasDvCertificateOrder", "certificate")],
    });
    assert.equal(exitCode, 1);
    assert.equal(r.runInProgress, false);
    assert.deepEqual(
      r.alarms.map((a) => a.kind),
      ["renewal-stalled"],
    );
    assert.match(r.notes.join("\n"), /a pulumi run died/);
  });

  it("stalled: the last run's wait failed on the new order: exit 1 with the waiter's reason", async () => {
    const why = "validation of CAS order 1002 did not finish: timed out after 3s";
    const resources = [
      order({ orderId: "1002" }),
      validation({ orderId: "1002", initErrors: [why] }),
      issued({ pendingDeletion: true }),
      validation({ orderId: "1001", certId: "501", notAfter: NOT_AFTER, pendingDeletion: true }),
      ...consumersOf("501"),
    ];
    const { exitCode, report: r } = await report(resources, plusDays(DUE, 1));
    assert.equal(exitCode, 1);
    assert.equal(r.certificates[0]?.renewal, "stalled");
    assert.deepEqual(
      r.alarms.map((a) => a.kind),
      ["renewal-stalled"],
    );
    assert.ok(r.alarms[0]?.message.includes(why), r.alarms[0]?.message);
    assert.deepEqual(
      r.consumers.map((c) => c.verdict),
      ["current", "current"],
      "they serve the newest issued one",
    );
  });

  it("stalled without a recorded reason: an old order still waits for deletion and no run is going", async () => {
    const { exitCode, report: r } = await report(
      [order({ orderId: "1002" }), issued({ pendingDeletion: true })],
      plusDays(DUE, 1),
    );
    assert.equal(exitCode, 1);
    assert.match(
      r.alarms[0]?.message ?? "",
      /the last pulumi run ended before it was issued; order 1001 waits for deletion/,
    );
  });

  it("an order between runs with nothing failed is in flight (its next up records the issuance)", async () => {
    const { exitCode, report: r } = await report([order({ orderId: "1002" })], QUIET);
    assert.equal(exitCode, 0);
    assert.equal(r.certificates[0]?.renewal, "issuing");
  });

  it("expired, and expiring within --warn-days (the default 7, or as set)", async () => {
    const expired = await report(
      [issued({ renewalDue: undefined, inputs: { renewBeforeDays: 0 } })],
      plusDays(NOT_AFTER, 1),
    );
    assert.equal(expired.exitCode, 1);
    assert.equal(expired.report.certificates[0]?.expiry, "expired");
    assert.deepEqual(
      expired.report.alarms.map((a) => a.kind),
      ["expired"],
    );
    assert.match(expired.report.alarms[0]?.message ?? "", /expired 2027-04-10T23:59:59Z/);

    const soon = plusDays(NOT_AFTER, -5);
    const off = { renewalDue: undefined, inputs: { renewBeforeDays: 0 } };
    const expiring = await report([issued(off)], soon);
    assert.deepEqual(
      expiring.report.alarms.map((a) => a.kind),
      ["expiring"],
    );
    assert.match(expiring.report.alarms[0]?.message ?? "", /in 5 days \(within --warn-days 7\)/);
    assert.equal((await report([issued(off)], soon, { args: ["--warn-days", "3"] })).exitCode, 0);
    assert.equal(expiring.report.certificates[0]?.renewal, "off");
  });

  it("a consumer serving an older certificate than the stack's newest: exit 1, unless a run is switching it", async () => {
    const resources = [
      order({
        orderId: "1002",
        certId: "502",
        notBefore: "2027-03-09T00:00:00.000Z",
        notAfter: "2027-06-16T23:59:59.000Z",
      }),
      hostname({ name: "cas", hostname: "shop.example.com", certType: "cas", casId: "502" }),
      binding({ name: "ga", domain: "shop.example.com", certId: "501" }),
      issued({ name: "old-certificate" }),
    ];
    const now = "2027-03-10T00:00:00.000Z";
    const { exitCode, report: r } = await report(resources, now);
    assert.equal(exitCode, 1);
    const ga = r.consumers.find((c) => c.name === "ga");
    assert.equal(ga?.verdict, "older");
    assert.deepEqual(
      r.alarms.filter((a) => a.kind === "consumer-older").map((a) => a.subject),
      ["ga"],
    );
    assert.match(
      r.alarms.find((a) => a.kind === "consumer-older")?.message ?? "",
      /ga\.ListenerAdditionalCertificate "ga" \(shop\.example\.com\) serves 501 \(notAfter 2027-04-10T23:59:59Z\), older than the newest the stack holds for shop\.example\.com: 502/,
    );
    const switching = await report(resources, now, {
      wall: "2027-01-01T00:01:00Z",
      pending: [urnOf("GaListenerAdditionalCertificate", "ga")],
    });
    assert.equal(switching.report.consumers.find((c) => c.name === "ga")?.verdict, "switching");
    assert.ok(!switching.report.alarms.some((a) => a.kind === "consumer-older"));
  });

  it("ESA upload: matched by the plain PEM's fingerprint; a secret PEM falls back to ESA's certNotAfter, else unknown", async () => {
    const oldLeaf = await selfSignedCertificate({
      cn: "shop.example.com",
      dnsNames: ["shop.example.com"],
      notBefore: new Date(NOT_BEFORE),
      notAfter: new Date(NOT_AFTER),
      serialNumber: "01",
    });
    const newNotAfter = "2027-06-16T23:59:59.000Z";
    const newLeaf = await selfSignedCertificate({
      cn: "shop.example.com",
      dnsNames: ["shop.example.com", "www.shop.example.com"],
      notBefore: new Date("2027-03-09T00:00:00Z"),
      notAfter: new Date(newNotAfter),
      serialNumber: "02",
    });
    const orders = [
      issued({ certificate: oldLeaf.certificate, name: "old" }),
      order({
        name: "new",
        orderId: "1002",
        certId: "502",
        notBefore: "2027-03-09T00:00:00.000Z",
        notAfter: newNotAfter,
        certificate: newLeaf.certificate,
      }),
    ];
    const plain = await report(
      [
        ...orders,
        hostname({
          name: "up",
          hostname: "www.shop.example.com",
          certType: "upload",
          certificate: newLeaf.certificate,
        }),
      ],
      "2027-03-10T00:00:00Z",
    );
    assert.deepEqual(
      plain.report.consumers.map((c) => [c.verdict, c.serves]),
      [["current", "502"]],
    );
    assert.equal(plain.report.consumers[0]?.certificate, "new");

    const stale = await report(
      [
        ...orders,
        hostname({ name: "up", hostname: "shop.example.com", certType: "upload", certificate: oldLeaf.certificate }),
      ],
      "2027-03-10T00:00:00Z",
    );
    assert.deepEqual(
      stale.report.consumers.map((c) => c.verdict),
      ["older"],
    );
    assert.equal(stale.exitCode, 1);

    const secret = hostname({
      name: "up",
      hostname: "shop.example.com",
      certType: "upload",
      certificate: oldLeaf.certificate,
      secretPem: true,
      certNotAfter: "2027-04-10T23:59:59Z",
    });
    assert.deepEqual(
      (await report([...orders, secret], "2027-03-10T00:00:00Z")).report.consumers.map((c) => c.verdict),
      ["older"],
    );
    const blind = hostname({
      name: "up",
      hostname: "shop.example.com",
      certType: "upload",
      certificate: oldLeaf.certificate,
      secretPem: true,
    });
    const unknown = await report([...orders, blind], "2027-03-10T00:00:00Z");
    assert.deepEqual(
      unknown.report.consumers.map((c) => [c.verdict, c.reason]),
      [["unknown", "what it serves is stored as a secret; --live reads it"]],
    );
    assert.ok(!unknown.report.alarms.some((a) => a.kind === "consumer-older"), "unknown is no alarm");
  });

  it("a consumer of a domain no certificate of the stack covers is external; a wildcard covers one label only", async () => {
    const leaf = await selfSignedCertificate({ cn: "*.shop.example.com", dnsNames: ["*.shop.example.com"] });
    const { report: r } = await report(
      [
        issued({ certificate: leaf.certificate, domain: "*.shop.example.com" }),
        binding({ name: "one", domain: "api.shop.example.com", certId: "501" }),
        binding({ name: "two", domain: "a.b.shop.example.com", certId: "777" }),
      ],
      QUIET,
    );
    assert.deepEqual(
      r.consumers.map((c) => [c.name, c.verdict]),
      [
        ["two", "external"],
        ["one", "current"],
      ],
    );
  });

  it("the waiter's issuance counts before the order records it; renewalDue is then computed, and marked so", async () => {
    const leaf = await selfSignedCertificate({
      cn: "shop.example.com",
      dnsNames: ["shop.example.com"],
      notBefore: new Date(NOT_BEFORE),
      notAfter: new Date(NOT_AFTER),
    });
    const { report: r } = await report(
      [
        order({ orderId: "1002" }),
        validation({ orderId: "1002", certId: "502", notAfter: NOT_AFTER, certificate: leaf.certificate }),
        ...consumersOf("502"),
      ],
      QUIET,
    );
    const [certificate] = r.certificates;
    assert.equal(certificate?.renewal, "scheduled");
    assert.equal(certificate?.certId, "502");
    assert.equal(certificate?.renewalDueEstimated, true);
    // 100 days (inclusive) of lifetime, one third of it before notAfter.
    assert.equal(
      certificate?.renewalDue,
      new Date(
        Math.ceil(Date.parse(NOT_AFTER) - (Date.parse(NOT_AFTER) - Date.parse(NOT_BEFORE) + 1000) / 3),
      ).toISOString(),
    );
    assert.deepEqual(
      r.consumers.map((c) => c.verdict),
      ["current", "current"],
    );
  });

  it("revoked or cancelled, and the CA rejecting validation, are alarms; an adopted order is never due", async () => {
    const revoked = await report([order({ orderId: "1001", state: "unknow" })], QUIET);
    assert.deepEqual(
      revoked.report.alarms.map((a) => a.kind),
      ["revoked"],
    );
    const rejected = await report(
      [order({ orderId: "1002", state: "verify_fail" }), issued({ pendingDeletion: true })],
      QUIET,
    );
    assert.deepEqual(
      rejected.report.alarms.map((a) => a.kind),
      ["renewal-stalled"],
    );
    assert.match(rejected.report.alarms[0]?.message ?? "", /verify_fail/);
    const adopted = await report([issued({ renewalDue: undefined, inputs: { orderId: "1001" } })], plusDays(DUE, 1));
    assert.equal(adopted.exitCode, 0);
    assert.equal(adopted.report.certificates[0]?.renewal, "off");
  });

  it("ESA free certificates: Applying is in flight, ApplyFailed stalled, 30 days before certNotAfter due", async () => {
    const free = (certStatus: string): Resource =>
      hostname({
        name: "free",
        hostname: "free.example.com",
        certType: "free",
        certStatus,
        certNotAfter: "2027-04-01T00:00:00Z",
      });
    const quiet = await report([free("OK")], QUIET);
    assert.equal(quiet.exitCode, 0);
    assert.deepEqual(
      [
        quiet.report.certificates[0]?.type,
        quiet.report.certificates[0]?.renewalDue,
        quiet.report.certificates[0]?.issuer.kind,
      ],
      ["esa.CustomHostname (free)", "2027-03-02T00:00:00.000Z", "ESA"],
    );
    assert.deepEqual(
      (await report([free("OK")], "2027-03-05T00:00:00Z")).report.alarms.map((a) => a.kind),
      ["renewal-overdue"],
    );
    assert.equal((await report([free("Applying")], "2027-03-05T00:00:00Z")).exitCode, 0);
    assert.deepEqual(
      (await report([free("ApplyFailed")], "2027-03-05T00:00:00Z")).report.alarms.map((a) => a.kind),
      ["renewal-stalled"],
    );
  });

  it("an empty stack reports nothing and exits 0", async () => {
    const { exitCode, report: r } = await report([], QUIET);
    assert.equal(exitCode, 0);
    assert.deepEqual([r.certificates, r.consumers, r.alarms], [[], [], []]);
    assert.deepEqual([r.project, r.stack], ["shop", "prod"]);
  });
});
