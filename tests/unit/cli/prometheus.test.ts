/**
 * Unit tier: the `--prometheus` text against the exposition format 0.0.4 (prometheus.io/docs/instrumenting/
 * exposition_formats/), parsed back by a reader of its grammar here: every line is a HELP, a TYPE or a sample, label
 * values round-trip through the escaping for any text, and the metric names and labels are cert-manager's.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { DEFAULT_METRIC_PREFIX, escapeLabelValue, renderPrometheus } from "../../../provider/cli/status/prometheus";
import { type CertificateReport, type StatusReport } from "../../../provider/cli/status/report";

/** One sample, parsed by the format's grammar. */
interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Parse `{a="x",b="y"}` with the format's escapes (`\\`, `\"`, `\n`); throws on anything else. */
function parseLabels(text: string): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 1;
  while (text[i] !== "}") {
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i))?.[0];
    assert.ok(name !== undefined, `label name at ${text.slice(i)}`);
    i += name.length;
    assert.equal(text.slice(i, i + 2), '="');
    i += 2;
    let value = "";
    while (text[i] !== '"') {
      assert.ok(i < text.length, "unterminated label value");
      if (text[i] === "\\") {
        const next = text[i + 1];
        assert.ok(next === "\\" || next === '"' || next === "n", `bad escape \\${String(next)}`);
        value += next === "n" ? "\n" : next;
        i += 2;
      } else {
        value += text[i];
        i += 1;
      }
    }
    i += 1;
    labels[name] = value;
    if (text[i] === ",") i += 1;
  }
  return { labels, rest: text.slice(i + 1) };
}

/** Every line of an exposition text; HELP and TYPE come before the samples of their family. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  assert.ok(text.endsWith("\n"), "ends with a line feed");
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.slice(0, -1).split("\n")) {
    if (line.startsWith("# HELP ")) continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|untyped)$/.exec(line);
    if (type !== null) {
      types.set(type[1] as string, type[2] as string);
      continue;
    }
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
    assert.ok(name !== undefined, `sample line: ${line}`);
    assert.ok(types.has(name), `${name} has a TYPE line before its samples`);
    const afterName = line.slice(name.length);
    const { labels, rest } = afterName.startsWith("{") ? parseLabels(afterName) : { labels: {}, rest: afterName };
    const value = /^ (-?\d+(\.\d+)?(e[+-]?\d+)?)$/.exec(rest)?.[1];
    assert.ok(value !== undefined, `a value and no timestamp: ${JSON.stringify(rest)}`);
    samples.push({ name, labels, value: Number(value) });
  }
  return { samples, types };
}

const certificate = (over: Partial<CertificateReport> = {}): CertificateReport => ({
  name: "certificate",
  urn: "urn:pulumi:prod::shop::x::certificate",
  type: "cas.DvCertificateOrder",
  domain: "shop.example.com",
  issuer: { name: "digicert-free-1-free", kind: "CAS", group: "alibabacloud.com" },
  certId: "501",
  notAfter: "2027-04-10T23:59:59.000Z",
  renewalDue: "2027-03-08T00:00:00.000Z",
  renewalDueEstimated: false,
  daysLeft: 60,
  renewal: "scheduled",
  expiry: "valid",
  reason: "",
  orders: [],
  consumers: ["ga"],
  ...over,
});

const reportOf = (over: Partial<StatusReport> = {}): StatusReport => ({
  schemaVersion: 1,
  stack: "prod",
  project: "shop",
  now: "2027-02-01T00:00:00.000Z",
  warnDays: 7,
  live: false,
  runInProgress: false,
  certificates: [certificate()],
  consumers: [
    {
      name: "ga",
      kind: "ga.ListenerAdditionalCertificate",
      domain: "shop.example.com",
      serves: "501",
      servesNotAfter: undefined,
      newest: "501",
      newestNotAfter: undefined,
      verdict: "current",
      reason: "",
      certificate: "certificate",
    },
  ],
  alarms: [],
  notes: [],
  ...over,
});

describe("unit: cli/status Prometheus text", () => {
  it("cert-manager's families, labels and values; one ready condition set to 1", () => {
    const { samples, types } = parseExposition(renderPrometheus(reportOf()));
    const p = DEFAULT_METRIC_PREFIX;
    assert.deepEqual(
      [...types.keys()],
      [
        `${p}certificate_expiration_timestamp_seconds`,
        `${p}certificate_renewal_timestamp_seconds`,
        `${p}certificate_ready_status`,
        `${p}consumer_ready_status`,
        `${p}status_alarms`,
      ],
    );
    assert.ok([...types.values()].every((t) => t === "gauge"));
    const expiry = samples.find((s) => s.name === `${p}certificate_expiration_timestamp_seconds`);
    assert.deepEqual(expiry, {
      name: `${p}certificate_expiration_timestamp_seconds`,
      labels: {
        name: "certificate",
        namespace: "prod",
        project: "shop",
        issuer_name: "digicert-free-1-free",
        issuer_kind: "CAS",
        issuer_group: "alibabacloud.com",
      },
      value: Date.parse("2027-04-10T23:59:59Z") / 1000,
    });
    const ready = samples.filter((s) => s.name === `${p}certificate_ready_status`);
    assert.deepEqual(
      ready.map((s) => [s.labels["condition"], s.value]),
      [
        ["True", 1],
        ["False", 0],
        ["Unknown", 0],
      ],
    );
    assert.equal(samples.find((s) => s.name === `${p}status_alarms`)?.value, 0);
  });

  it("an alarm makes the certificate not ready; an unknown time writes no sample (never 0); the prefix is settable", () => {
    const text = renderPrometheus(
      reportOf({
        certificates: [certificate({ renewalDue: undefined, notAfter: undefined, renewal: "stalled" })],
        alarms: [{ kind: "issuance-stalled", subject: "certificate", message: "x" }],
      }),
      "certmanager_",
    );
    const { samples } = parseExposition(text);
    assert.ok(!samples.some((s) => s.name.endsWith("_timestamp_seconds")));
    assert.deepEqual(
      samples
        .filter((s) => s.name === "certmanager_certificate_ready_status")
        .map((s) => [s.labels["condition"], s.value]),
      [
        ["True", 0],
        ["False", 1],
        ["Unknown", 0],
      ],
    );
    assert.throws(() => renderPrometheus(reportOf(), "bad-prefix"), /not a metric name/);
  });

  it("property: any label text (quotes, backslashes, line feeds, non-ASCII) round-trips through the escaping", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string(), (name, domain) => {
        const report = reportOf({
          certificates: [certificate({ name })],
          consumers: [{ ...(reportOf().consumers[0] as StatusReport["consumers"][number]), domain, name }],
        });
        const { samples } = parseExposition(renderPrometheus(report));
        for (const s of samples.filter((x) => x.name.includes("certificate_"))) assert.equal(s.labels["name"], name);
        for (const s of samples.filter((x) => x.name.includes("consumer_"))) assert.equal(s.labels["domain"], domain);
        assert.ok(!escapeLabelValue(name).includes("\n"));
      }),
    );
  });
});
