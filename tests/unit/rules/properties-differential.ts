/**
 * Differential properties: for every documented rule the emulator also enforces, no value passes preview that the
 * emulator refuses. Each property generates values, runs the provider's check, and hands what check accepted (in the
 * normalized form the provider sends) to the emulator's own validator of that parameter. Where the emulator enforces
 * a rule no document states (marked "chosen" in docs/emulator.md), the property names the divergence instead of
 * requiring agreement; docs/rules.md says what the real service is believed to do.
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { parseCsr } from "../../../emulator/services/cas/model/csr";
import {
  checkEmail,
  checkPhone,
  checkUsername,
  isValidDomain as casDomain,
  parseId,
  parseTags,
} from "../../../emulator/services/cas/params";
import { verifyUpload } from "../../../emulator/services/esa/model/certificates";
import { parseHostname as esaHostname } from "../../../emulator/services/esa/model/hostname";
import { canonicalId } from "../../../emulator/services/esa/params";
import { casIdOf, isValidDomain as gaDomain } from "../../../emulator/services/ga/params";
import { CheckReport, readHostname, readId } from "../../../provider/resources/common/check";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { type DvCertificateOrderInputs } from "../../../provider/resources/cas/dv-certificate-order/types";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { readCertificateId } from "../../../provider/resources/ga/validate";
import { certificateRequest, selfSignedCertificate } from "../../helpers/x509";
import {
  canonicalHostname,
  cryptoMaterial,
  csrNames,
  csrSubject,
  hostileHostname,
  typedHostname,
  typedId,
} from "./generators";
import { runProperty, runSyncProperty, type RuleProperty } from "./property";

/** The largest ESA id the emulator takes: below 2^53, its chosen bound (ESA documents `integer`, i.e. 64 bits). */
const EMULATOR_ESA_MAX_ID = BigInt(Number.MAX_SAFE_INTEGER);

/** Run an emulator validator: true when it accepts. */
function accepts(validate: () => unknown): boolean {
  try {
    validate();
    return true;
  } catch {
    return false;
  }
}

/** Flatten tags as the CAS mapping sends them (`Tags.N.Key` / `Tags.N.Value`, 1-based). */
function flatTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags).flatMap(([key, value], i) => [
      [`Tags.${i + 1}.Key`, key],
      [`Tags.${i + 1}.Value`, value],
    ]),
  );
}

const ESA = { siteId: "7096621098379520", recordId: "4042843419650112" };

export const DIFFERENTIAL_PROPERTIES: readonly RuleProperty[] = [
  {
    name: "differential: every hostname check accepts, the emulator's ESA, CAS and GA validators accept",
    kind: "hostname",
    runs: 500,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(fc.oneof(typedHostname, hostileHostname), (value) => {
          const name = readHostname(new CheckReport(), "hostname", value, { required: true, allowWildcard: true });
          if (name === undefined || name === UNKNOWN) return;
          assert.ok(
            accepts(() => esaHostname(name)),
            `ESA refuses ${name}`,
          );
          assert.ok(gaDomain(name), `GA refuses ${name}`);
          assert.ok(casDomain(name), `CAS refuses ${name}`);
        }),
        numRuns,
      ),
  },
  {
    name: "differential: every id check accepts, CAS takes; ESA takes it below 2^53 (the emulator's chosen bound)",
    kind: "id",
    runs: 400,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(typedId, (value) => {
          const id = readId(new CheckReport(), "siteId", value, true);
          if (id === undefined || id === UNKNOWN) return;
          assert.ok(
            accepts(() => parseId("OrderId", id)),
            `CAS refuses ${id}`,
          );
          const inEmulatorRange = BigInt(id) <= EMULATOR_ESA_MAX_ID;
          assert.equal(canonicalId(id) !== undefined, inEmulatorRange, `ESA emulator on ${id}`);
        }),
        numRuns,
      ),
  },
  {
    name: "differential: every GA certificate id check accepts, the emulator's GA accepts",
    kind: "id",
    runs: 300,
    run: async (numRuns) =>
      runSyncProperty(
        fc.property(
          fc.oneof(
            fc
              .tuple(typedId, fc.constantFrom("cn-hangzhou", "ap-southeast-1", "us-east-1", "cn-hangzhou-x"))
              .map(([n, r]) => `${String(n)}-${r}`),
            fc.string({ maxLength: 30 }),
          ),
          (value) => {
            const id = readCertificateId(new CheckReport(), "certificateId", value);
            if (id === undefined || id === UNKNOWN) return;
            assert.ok(
              accepts(() => casIdOf(id, "Certificates.1.Id")),
              `GA refuses ${id}`,
            );
          },
        ),
        numRuns,
      ),
  },
  {
    name: "differential: every upload check accepts, the emulator's ESA accepts (parse, key, names)",
    kind: "certificate",
    runs: 80,
    run: async (numRuns) => {
      const material = await cryptoMaterial();
      const name = fc.oneof(
        canonicalHostname,
        canonicalHostname.map((n) => `*.${n}`),
        canonicalHostname.map((n) => `f*.${n}`),
      );
      return runProperty(
        fc.asyncProperty(
          fc.array(name, { minLength: 0, maxLength: 3 }),
          fc.nat(),
          fc.oneof(
            canonicalHostname,
            canonicalHostname.map((n) => `shop.${n}`),
          ),
          fc.constantFrom("own", "other", "chain"),
          async (names, pick, fallback, keyChoice) => {
            const cert = await selfSignedCertificate({ cn: names[0] ?? "no-san.example.com", dnsNames: names });
            const base = names.length === 0 ? fallback : (names[pick % names.length] ?? fallback);
            const hostname = base.startsWith("f*.")
              ? `fa${base.slice(2)}`
              : pick % 3 === 0
                ? base.replace(/^\*\./, "x.")
                : base;
            const privateKey = keyChoice === "own" ? cert.privateKey : material.other.privateKey;
            const certificate =
              keyChoice === "chain" ? `${material.chain.intermediate}${cert.certificate}` : cert.certificate;
            const { inputs, failures } = checkInputs({ ...ESA, hostname, certType: "upload", certificate, privateKey });
            if (failures.length > 0) return;
            assert.ok(
              accepts(() => verifyUpload(String(inputs.certificate), String(inputs.privateKey), inputs.hostname)),
              `ESA refuses the upload for ${inputs.hostname} (names ${names.join(", ")})`,
            );
          },
        ),
        numRuns,
      );
    },
  },
  {
    name: "differential: every order check accepts, the emulator's CAS accepts (CSR, contacts, tags)",
    kind: "CSR",
    runs: 80,
    run: async (numRuns) =>
      runProperty(
        fc.asyncProperty(
          csrSubject,
          csrNames,
          fc.record({
            username: fc.oneof(fc.string({ maxLength: 70 }), fc.constant("Ada Lovelace")),
            phone: fc.oneof(fc.stringMatching(/^[+0-9 -]{3,24}$/), fc.constant("+86 139-0000-1234")),
            email: fc.oneof(fc.string({ maxLength: 20 }), fc.emailAddress(), fc.constant("ada@example.com")),
            tags: fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
          }),
          async ({ subject }, names, contact) => {
            const { pem } = await certificateRequest({ subject, names });
            const news = { csr: pem, ...contact, validateType: "DNS", productCode: "geotrust-dv-w-starter" };
            const { inputs, failures } = await checkOrder({}, news);
            if ((failures ?? []).length > 0 || inputs === undefined) return;
            const order: DvCertificateOrderInputs = inputs;
            assert.ok(
              accepts(() => parseCsr(String(order.csr))),
              "CAS refuses the CSR",
            );
            assert.ok(
              accepts(() => checkUsername(String(order.username))),
              "CAS refuses the username",
            );
            assert.ok(
              accepts(() => checkPhone(String(order.phone))),
              "CAS refuses the phone",
            );
            assert.ok(
              accepts(() => checkEmail(String(order.email))),
              "CAS refuses the email",
            );
            const tags = typeof order.tags === "object" ? order.tags : {};
            assert.ok(
              accepts(() => parseTags(flatTags(tags))),
              "CAS refuses the tags",
            );
          },
        ),
        numRuns,
      ),
  },
];
