/**
 * Properties of each input kind's reader (hostnames, numbers, ids, PEM, chains, CSRs, rendering) over generated
 * inputs: what the grammar allows is accepted and normalized, anything else is refused with a message that names
 * the input, shows the value as typed and states the rule.
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import { domainToASCII } from "node:url";
import fc from "fast-check";
import { CheckReport, readHostname, readId, readTimeoutSeconds } from "../../../provider/resources/common/check";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { pemOf, splitPem } from "../../../provider/resources/common/pem";
import { render } from "../../../provider/resources/common/render";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { certificateRequest } from "../../helpers/x509";
import {
  MAX_ID,
  anyValue,
  canonicalHostname,
  cryptoMaterial,
  csrNames,
  csrSubject,
  hostileHostname,
  privateKeyTexts,
  typedHostname,
  typedId,
  typedNumber,
} from "./generators";
import { runProperty, runSyncProperty, type RuleProperty } from "./property";
import { leaks } from "./secrets";

const CONTACT = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com", validateType: "DNS" };
const ESA = { siteId: "7096621098379520", hostname: "shop.customer.com", recordId: "4042843419650112" };

/** The invariants of a normalized name (see provider/resources/common/hostname.ts). */
function assertCanonical(name: string): void {
  const base = name.startsWith("*.") ? name.slice(2) : name;
  assert.equal(name, name.toLowerCase(), "lower case");
  assert.ok(name.length <= 253, "at most 253 characters");
  const labels = base.split(".");
  assert.ok(labels.length >= 2, "at least two labels");
  for (const label of labels) assert.match(label, /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, `LDH label ${label}`);
  assert.doesNotMatch(labels[labels.length - 1] ?? "", /^\d+$/, "top-level label not all-numeric");
  assert.equal(domainToASCII(base), base, "A-labels that decode and encode back (UTS #46)");
}

/** Check one hostname reading: accepted names are canonical, refused ones say so with the value as typed. */
function readOneHostname(value: unknown, allowWildcard: boolean): string | undefined {
  const report = new CheckReport();
  const name = readHostname(report, "hostname", value, { required: true, allowWildcard });
  if (name === undefined) {
    const [failure, ...more] = report.failures;
    assert.equal(more.length, 0);
    assert.equal(failure?.property, "hostname");
    assert.ok(
      failure?.reason.startsWith(`hostname ${render(value)} is not a valid hostname: it `) ||
        failure?.reason.startsWith(`hostname ${render(value)} is a wildcard`) ||
        failure?.reason.startsWith("hostname is required") ||
        failure?.reason.startsWith("hostname must be a string"),
      failure?.reason,
    );
    return undefined;
  }
  assert.equal(report.failures.length, 0);
  if (name !== UNKNOWN) assertCanonical(name);
  return name;
}

export const KIND_PROPERTIES: readonly RuleProperty[] = [
  {
    name: "hostname: every name the grammar allows, as users type it, is accepted and normalized to A-labels",
    kind: "hostname",
    runs: 300,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(typedHostname, (typed) => {
          const name = readOneHostname(typed, true);
          assert.ok(name !== undefined, `refused ${typed}`);
          const wildcard = typed.startsWith("*.");
          const expected = domainToASCII((wildcard ? typed.slice(2) : typed).replace(/\.$/, ""));
          assert.equal(name, wildcard ? `*.${expected}` : expected);
        }),
        numRuns,
      ),
  },
  {
    name: "hostname: any value is either refused naming the rule, or accepted as a canonical name",
    kind: "hostname",
    runs: 500,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(fc.oneof(hostileHostname, anyValue), fc.boolean(), (value, allowWildcard) => {
          const name = readOneHostname(value, allowWildcard);
          if (!allowWildcard && name !== undefined)
            assert.ok(!name.startsWith("*."), "a wildcard where none is allowed");
        }),
        numRuns,
      ),
  },
  {
    name: "number: a timeout is accepted exactly when it is a finite whole number in range, and shown as typed",
    kind: "number",
    runs: 400,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(typedNumber, fc.integer({ min: 1, max: 200_000 }), (value, max) => {
          const report = new CheckReport();
          const read = readTimeoutSeconds(report, "timeoutSeconds", value, max);
          const valid = typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max;
          if (value === null) return assert.equal(read, undefined);
          assert.equal(read === value, valid, `${render(value)} read as ${String(read)}`);
          if (!valid) {
            const reason = report.failures[0]?.reason ?? "";
            assert.ok(reason.startsWith(`timeoutSeconds ${render(value)} `), reason);
            assert.match(reason, new RegExp(`whole number of seconds between 1 and ${max}`));
          }
        }),
        numRuns,
      ),
  },
  {
    name: "id: accepted exactly when it is a positive 64-bit integer (a safe number, or digits without a leading zero)",
    kind: "id",
    runs: 400,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(typedId, (value) => {
          const report = new CheckReport();
          const id = readId(report, "siteId", value, true);
          const text = typeof value === "string" ? value.trim() : undefined;
          const valid =
            (typeof value === "number" && Number.isSafeInteger(value) && value > 0) ||
            (text !== undefined && /^[1-9]\d*$/.test(text) && BigInt(text) <= MAX_ID);
          assert.equal(id !== undefined, valid, `${render(value)} read as ${String(id)}`);
          if (valid) assert.equal(id, String(typeof value === "number" ? value : text));
          else if (value !== "") assert.ok(report.failures[0]?.reason.startsWith(`siteId ${render(value)} `));
        }),
        numRuns,
      ),
  },
  {
    name: "PEM: well-formed blocks are read back; any text outside them is refused, never quoted",
    kind: "PEM",
    runs: 300,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(
          fc.array(
            fc.tuple(
              fc.constantFrom("CERTIFICATE", "CERTIFICATE REQUEST", "PUBLIC KEY"),
              fc.uint8Array({ minLength: 1, maxLength: 90 }),
            ),
            { minLength: 1, maxLength: 3 },
          ),
          fc.constantFrom("\n", "\r\n", "\n\n", "  \n"),
          fc.option(fc.tuple(fc.nat(), fc.stringMatching(/^[^\s-][\s\S]{0,20}$/)), { nil: undefined }),
          (blocks, separator, junk) => {
            const pems = blocks.map(([label, bytes]) => pemOf(label, Buffer.from(bytes)).replace(/\n/g, separator));
            const clean = pems.join("");
            const read = splitPem(clean);
            assert.ok(typeof read !== "string", String(read));
            assert.deepEqual(
              read.map((b) => [b.label, [...b.der]]),
              blocks.map(([label, bytes]) => [label, [...bytes]]),
            );
            if (junk === undefined) return;
            const [at, text] = junk;
            const gaps = [0, ...pems.map((_, i) => pems.slice(0, i + 1).join("").length)];
            const where = gaps[at % gaps.length] ?? 0;
            const dirty = `${clean.slice(0, where)}${text}${clean.slice(where)}`;
            const reason = splitPem(dirty);
            assert.equal(typeof reason, "string", "extra text was accepted");
            if (text.trim().length >= 6) assert.ok(!String(reason).includes(text.trim()), "the stray text was quoted");
          },
        ),
        numRuns,
      ),
  },
  {
    name: "chain: any order but leaf first and each block followed by its issuer is a chain-order failure, never a key or name one",
    kind: "certificate chain",
    runs: 60,
    run: async (numRuns) => {
      const { chain } = await cryptoMaterial();
      const blocks = [chain.leaf, chain.intermediate, chain.root];
      return runProperty(
        fc.asyncProperty(fc.shuffledSubarray([0, 1, 2], { minLength: 1 }), async (order) => {
          const certificate = order.map((i) => blocks[i]).join("");
          const { failures } = checkInputs({ ...ESA, certType: "upload", certificate, privateKey: chain.privateKey });
          const inOrder = order.every((block, i) => block === i);
          const keyLost = !order.includes(0);
          if (inOrder) return assert.deepEqual(failures, []);
          assert.ok(failures.length > 0, `accepted the order ${order.join(",")}`);
          if (keyLost) return assert.match(failures[0]?.reason ?? "", /does not belong to/);
          for (const failure of failures) {
            assert.match(failure.reason, /^certificate is (a chain in the wrong order|a broken chain)/);
            assert.doesNotMatch(failure.reason, /does not belong|does not cover/);
          }
        }),
        numRuns,
      );
    },
  },
  {
    name: "CSR: accepted only with exactly one CN and DNS names in preferred syntax; every refusal names csr and the rule",
    kind: "CSR",
    runs: 60,
    run: async (numRuns) =>
      runProperty(
        fc.asyncProperty(csrSubject, csrNames, async ({ subject, cns }, names) => {
          const { pem } = await certificateRequest({ subject, names });
          const { failures } = await checkOrder({}, { csr: pem, ...CONTACT, productCode: "geotrust-dv-w-starter" });
          for (const failure of failures ?? []) {
            assert.equal(failure.property, "csr");
            assert.match(failure.reason, /^csr (\(|has |must |is )/);
          }
          if ((failures ?? []).length === 0) {
            assert.equal(cns.length, 1, "accepted without exactly one CN");
            assert.ok((cns[0] ?? "").length <= 64, "accepted a CN over 64 characters");
            assert.ok(
              names.every((n) => n.type === "dns"),
              "accepted a SAN that is not a DNS name",
            );
          }
          if (cns.length === 2) assert.ok((failures ?? []).some((f) => /2 CN attributes/.test(f.reason)));
        }),
        numRuns,
      ),
  },
  {
    name: "render: a value is shown as typed, at most 80 characters, never as null, [object Object] or a private key",
    kind: "message",
    runs: 500,
    run: async (numRuns) => {
      const keys = privateKeyTexts().filter((k) => k.text.includes("-----BEGIN"));
      return runSyncProperty(
        fc.property(fc.oneof(anyValue, fc.constantFrom(...keys.map((k) => k.text)), canonicalHostname), (value) => {
          const shown = render(value);
          assert.ok(shown.length <= 80);
          if (value !== null) assert.notEqual(shown, "null");
          assert.ok(!shown.includes("[object Object]"));
          for (const key of keys) assert.ok(!leaks(shown, key.text), "a key was rendered");
          if (typeof value === "number") assert.equal(shown, Object.is(value, -0) ? "-0" : String(value));
          if (typeof value === "string" && value !== UNKNOWN && shown.length < 80 && !/PRIVATE KEY/i.test(value))
            assert.equal(shown, JSON.stringify(value));
        }),
        numRuns,
      );
    },
  },
];
