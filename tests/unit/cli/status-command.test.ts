/**
 * Unit tier: the `alicloud-certs status` command around the assessment: its options and their errors, the exit
 * statuses, `--output`, the table, and that no format ever shows a secret (ciphertext or key) or a personal value.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { parseStatusOptions, UsageError } from "../../../provider/cli/status/options";
import { runStatus, writeFileAtomically } from "../../../provider/cli/status/run";
import { StateReadError } from "../../../provider/cli/status/stack-state";
import { selfSignedCertificate } from "../../helpers/x509";
import { binding, deps, exportText, hostname, order, PERSONAL, validation } from "./export-fixture";

const NOW = "2027-02-01T00:00:00.000Z";
const issued = order({
  orderId: "1001",
  certId: "501",
  notBefore: "2027-01-01T00:00:00.000Z",
  notAfter: "2027-04-10T23:59:59.000Z",
  renewalDue: "2027-03-08T00:00:00.000Z",
});

describe("unit: alicloud-certs status command", () => {
  it("options: defaults, and each bad one named with its value and rule (exit status 2)", async () => {
    const defaults = parseStatusOptions([]);
    assert.deepEqual(defaults, {
      source: { kind: "pulumi", stack: undefined, cwd: undefined },
      format: "table",
      metricPrefix: "alicloud_certs_",
      output: undefined,
      warnDays: 7,
      live: false,
      help: false,
    });
    assert.deepEqual(parseStatusOptions(["--stack", "prod", "-C", "/srv/infra"]).source, {
      kind: "pulumi",
      stack: "prod",
      cwd: "/srv/infra",
    });
    for (const [args, message] of [
      [["--warn-days=-1"], /--warn-days must be a number of days from 0 to 398, got "-1"/],
      [["--warn-days", "week"], /got "week"/],
      [["--json", "--prometheus"], /exclude each other/],
      [["--file", "x.json", "--stack", "prod"], /takes no --stack/],
      [["--prometheus", "--metric-prefix", "9x"], /--metric-prefix must match/],
      [["--metric-prefix", "x_"], /applies to --prometheus only/],
      [["--bogus"], /Unknown option '--bogus'/],
    ] as const) {
      assert.throws(
        () => parseStatusOptions(args),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
      );
      const result = await runStatus(args, deps("{}", NOW));
      assert.equal(result.exitCode, 2, args.join(" "));
      assert.match(result.stderr, /Usage: alicloud-certs status/);
    }
    const help = await runStatus(["--help"], deps("{}", NOW));
    assert.deepEqual([help.exitCode, /Exit status: 0 no alarm; 1 an alarm/.test(help.stdout)], [0, true]);
  });

  it("a state that cannot be read is exit status 3 with the reason, never a report", async () => {
    for (const [text, reason] of [
      ["not json", /not JSON/],
      ["{}", /no `deployment`/],
      [JSON.stringify({ version: 2, deployment: {} }), /version 2; this command reads version 3/],
    ] as const) {
      const result = await runStatus([], deps(text, NOW));
      assert.deepEqual([result.exitCode, result.stdout], [3, ""]);
      assert.match(result.stderr, reason);
    }
    const failing = { ...deps("", NOW), readExport: () => Promise.reject(new StateReadError("pulumi exited 255")) };
    assert.match((await runStatus([], failing)).stderr, /pulumi exited 255/);
  });

  it("the table names each certificate, its orders, consumers and, on an alarm, which and why", async () => {
    const text = exportText([issued, binding({ name: "ga", domain: "shop.example.com", certId: "501" })]);
    const quiet = await runStatus([], deps(text, NOW));
    assert.equal(quiet.exitCode, 0);
    assert.match(quiet.stdout, /^Stack shop\/prod at 2027-02-01T00:00:00Z \(alarm within 7 days of expiry\)/);
    assert.match(quiet.stdout, /CERTIFICATE +DOMAIN +ORDER +STATE +NOT AFTER +RENEWAL DUE +DAYS LEFT +RENEWAL\n/);
    assert.match(
      quiet.stdout,
      /certificate +shop\.example\.com +1001 +certificate +2027-04-10T23:59:59Z +2027-03-08T00:00:00Z +68\.9 +scheduled\n/,
    );
    assert.match(quiet.stdout, /ga +ga\.ListenerAdditionalCertificate +shop\.example\.com +501 +501 +yes\n/);
    assert.match(quiet.stdout, /OK: no alarm\.\n$/);
    const due = await runStatus([], deps(text, "2027-03-09T00:00:00Z"));
    assert.equal(due.exitCode, 1);
    assert.match(
      due.stdout,
      /ALARM: 1 problem:\n {2}\[renewal-overdue\] certificate "certificate" \(shop\.example\.com, order 1001\): past its renewal time/,
    );
  });

  it("--output writes the file atomically and keeps the exit status; alarms go to stderr", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "status-output-"));
    try {
      const file = path.join(dir, "alicloud_certs.prom");
      writeFileAtomically(file, "one\n");
      writeFileAtomically(file, "two\n");
      assert.equal(fs.readFileSync(file, "utf8"), "two\n");
      assert.deepEqual(fs.readdirSync(dir), ["alicloud_certs.prom"], "no temporary file left");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const fake = deps(exportText([issued]), "2027-03-09T00:00:00Z");
    const result = await runStatus(["--prometheus", "--output", "/x/alicloud_certs.prom"], fake);
    assert.deepEqual([result.exitCode, result.stdout], [1, ""]);
    assert.match(result.stderr, /\[renewal-overdue\]/);
    assert.match(
      fake.written.get("/x/alicloud_certs.prom") ?? "",
      /alicloud_certs_status_alarms\{namespace="prod",project="shop"\} 1\n/,
    );
  });

  it("property: no format shows a private key, a ciphertext or a contact detail, whatever the state's messages say", async () => {
    const leaf = await selfSignedCertificate({ cn: "shop.example.com", dnsNames: ["shop.example.com"] });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          username: fc.stringMatching(/^[A-Z][a-z]{2,10} [A-Z][a-z]{2,10}$/),
          phone: fc.stringMatching(/^\+\d{8,15}$/),
          email: fc.emailAddress(),
        }),
        fc.constantFrom("--json", "--prometheus", "--table"),
        async (personal, format) => {
          const stalled = order({
            orderId: "1002",
            inputs: personal,
            // A failure message that (against every rule upstream) quotes the contact details.
            initErrors: [
              `CreateCertificateWithCsrRequest refused ${personal.username} ${personal.phone} ${personal.email}`,
            ],
          });
          const text = exportText([
            stalled,
            {
              ...issued,
              inputs: { ...issued.inputs, ...personal },
              outputs: { ...issued.outputs, ...personal },
              delete: true,
            },
            validation({ orderId: "1002", initErrors: [`wait failed for ${personal.email}`] }),
            hostname({ name: "up", hostname: "shop.example.com", certType: "upload", certificate: leaf.certificate }),
          ]);
          const args = format === "--table" ? [] : [format];
          const result = await runStatus(args, deps(text, NOW));
          const shown = result.stdout + result.stderr;
          assert.equal(result.exitCode, 1);
          for (const value of [personal.username, personal.phone, personal.email, PERSONAL.email])
            assert.ok(!shown.includes(value), `${format} shows ${value}`);
          assert.doesNotMatch(shown, /PRIVATE KEY|BEGIN CERTIFICATE|ciphertext|4dabf18193072939515e22adb298388d/);
          if (format !== "--prometheus") assert.match(shown, /\[redacted\]/);
        },
      ),
      { numRuns: 30 },
    );
  });
});
