/**
 * The bad-input figures of issue 12, measured again: a corpus of invalid inputs across the four resources, each run
 * through the resource's real `check` (what `pulumi preview` calls), counting how many are stopped, how many of those
 * name the input in the message, and how many leak a secret or personal value (as a failure's `property`, which the
 * engine prints with the value, or in the reason). Run:
 *
 *   scripts/with-env npx ts-node --transpile-only bench/hardening-counts.ts
 *
 * Faults, crashes, duplicates and orphans are measured by the provider and engine tiers (see the report printed at
 * the end for the test files).
 */
import "reflect-metadata"; // before @peculiar/x509
import { createCsr, generateKeyPair } from "../examples/dv-certificate-order/csr";
import { checkOrder, INPUT_NAMES as CAS_INPUTS } from "../provider/resources/cas/dv-certificate-order/check";
import { checkInputs, INPUT_NAMES as ESA_INPUTS } from "../provider/resources/esa/custom-hostname/check";
import {
  checkBinding,
  INPUT_NAMES as GA_ONE_INPUTS,
} from "../provider/resources/ga/listener-additional-certificate/check";
import {
  checkBindingSet,
  INPUT_NAMES as GA_SET_INPUTS,
} from "../provider/resources/ga/listener-additional-certificates/check";
import { failedProperty } from "../tests/helpers/check-failures";
import { BAD_CASES, BASE } from "../tests/helpers/esa-bad-inputs";
import { selfSignedCertificate } from "../tests/helpers/x509";

type Bag = Record<string, unknown>;
type Failures = readonly { property: string; reason: string }[];
interface Case {
  readonly resource: string;
  readonly name: string;
  readonly run: () => Promise<Failures>;
  /** Values that must never appear in what the engine prints. */
  readonly secrets: readonly string[];
}

const SENSITIVE = new Set(["privateKey", "certificate", "username", "phone", "email"]);
const DAY = 86_400_000;

/** A misspelling of `name`: the last two letters swapped. */
function misspell(name: string): string {
  return `${name.slice(0, -2)}${name.slice(-1)}${name.slice(-2, -1)}`;
}

async function corpus(): Promise<Case[]> {
  const names = ["shop.customer.com"];
  const shop = await selfSignedCertificate({ cn: "shop.customer.com", dnsNames: names });
  const other = await selfSignedCertificate({ cn: "other.example.org", dnsNames: ["other.example.org"] });
  const expired = await selfSignedCertificate({
    cn: "shop.customer.com",
    dnsNames: names,
    notBefore: new Date(Date.now() - 30 * DAY),
    notAfter: new Date(Date.now() - DAY),
  });
  const future = await selfSignedCertificate({
    cn: "shop.customer.com",
    dnsNames: names,
    notBefore: new Date(Date.now() + DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
  });
  const csr = await createCsr(generateKeyPair(), "shop.example.com");
  const contact = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com" };
  const esa = (name: string, bag: Bag, secrets: string[] = []): Case => ({
    resource: "esa.CustomHostname",
    name,
    run: async () => checkInputs(bag, { previous: undefined, now: new Date() }).failures,
    secrets,
  });
  const cas = (name: string, bag: Bag, secrets: string[] = []): Case => ({
    resource: "cas.DvCertificateOrder",
    name,
    run: async () => (await checkOrder({}, bag)).failures ?? [],
    secrets,
  });
  const gaGood = {
    acceleratorId: "ga-bp1odcab8tmno0hdq1234",
    listenerId: "lsr-bp1bpn0kn908w4nbw1234",
    domain: "shop.example.com",
    certificateId: "6092123-cn-hangzhou",
  };
  const ga = (name: string, bag: Bag): Case => ({
    resource: "ga.ListenerAdditionalCertificate",
    name,
    run: async () => (await checkBinding({}, bag)).failures ?? [],
    secrets: [],
  });
  const gaSetGood = { acceleratorId: gaGood.acceleratorId, listenerId: gaGood.listenerId };
  const gaSet = (name: string, bag: Bag): Case => ({
    resource: "ga.ListenerAdditionalCertificates",
    name,
    run: async () => (await checkBindingSet({}, bag)).failures ?? [],
    secrets: [],
  });

  const certs = { shop, other };
  const cases: Case[] = [
    ...BAD_CASES.map((bad) => {
      const bag = Object.fromEntries(
        Object.entries({ ...BASE, ...bad.inputs(certs) }).filter(([, v]) => v !== undefined),
      );
      const key = bag["privateKey"];
      return esa(bad.name, bag, typeof key === "string" && key.includes("PRIVATE KEY") ? [key] : []);
    }),
    esa(
      "expired upload",
      { ...BASE, certType: "upload", certificate: expired.certificate, privateKey: expired.privateKey },
      [expired.privateKey],
    ),
    esa(
      "upload not valid yet",
      { ...BASE, certType: "upload", certificate: future.certificate, privateKey: future.privateKey },
      [future.privateKey],
    ),
    esa(
      "garbage key",
      {
        ...BASE,
        certType: "upload",
        certificate: shop.certificate,
        privateKey: "-----BEGIN PRIVATE KEY-----\nnot-a-key-at-all-0123456789\n-----END PRIVATE KEY-----",
      },
      ["not-a-key-at-all-0123456789"],
    ),
    ...ESA_INPUTS.map((name) => esa(`misspelled ${name}`, { ...BASE, certType: "free", [misspell(name)]: "x" })),
    cas("csr not PEM", { csr: "hello", ...contact, validateType: "DNS" }),
    cas("no validateType", { csr, ...contact }),
    cas("validateType EMAIL", { csr, ...contact, validateType: "EMAIL" }),
    cas("unknown productCode", { csr, ...contact, validateType: "DNS", productCode: "letsencrypt" }),
    cas("bad email", { csr, ...contact, email: "ada-at-example", validateType: "DNS" }, ["ada-at-example"]),
    cas("bad phone", { csr, ...contact, phone: "call me maybe", validateType: "DNS" }, [
      "call me maybe",
      "callmemaybe",
    ]),
    cas("empty username", { csr, ...contact, username: " ", validateType: "DNS" }),
    cas("username too long", { csr, ...contact, username: "A".repeat(65), validateType: "DNS" }, ["A".repeat(65)]),
    cas("missing contact", { csr, validateType: "DNS" }),
    cas("tags as a list", { csr, ...contact, validateType: "DNS", tags: ["a"] }),
    cas("too many tags", {
      csr,
      ...contact,
      validateType: "DNS",
      tags: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"])),
    }),
    cas("reserved tag key", { csr, ...contact, validateType: "DNS", tags: { "acs:x": "1" } }),
    cas("create-token tag key", {
      csr,
      ...contact,
      validateType: "DNS",
      tags: { "pulumi-alicloud-certs:create-token": "1" },
    }),
    cas("tag value too long", { csr, ...contact, validateType: "DNS", tags: { k: "v".repeat(129) } }),
    cas("orderId above 2^53 as a number", { orderId: 2 ** 60 }),
    cas("orderId not digits", { orderId: "abc" }),
    cas("timeout 0", { csr, ...contact, validateType: "DNS", issuanceTimeoutSeconds: 0 }),
    cas("waitForIssuance not boolean", { csr, ...contact, validateType: "DNS", waitForIssuance: "yes" }),
    ...CAS_INPUTS.map((name) =>
      cas(`misspelled ${name}`, { csr, ...contact, validateType: "DNS", [misspell(name)]: "x" }),
    ),
    ga("missing acceleratorId", { ...gaGood, acceleratorId: undefined }),
    ga("acceleratorId of another product", { ...gaGood, acceleratorId: "alb-123" }),
    ga("listenerId upper case", { ...gaGood, listenerId: "LSR-ABC" }),
    ga("domain with a space", { ...gaGood, domain: "shop example.com" }),
    ga("IP as domain", { ...gaGood, domain: "10.0.0.1" }),
    ga("single-label domain", { ...gaGood, domain: "localhost" }),
    ga("certificate id without region", { ...gaGood, certificateId: "6092123" }),
    ga("certificate id in us-east-1", { ...gaGood, certificateId: "6092123-us-east-1" }),
    ga("certificate id in ap-southeast-2", { ...gaGood, certificateId: "6092123-ap-southeast-2" }),
    ga("certificate id as a number", { ...gaGood, certificateId: 6092123 }),
    ga("fractional timeout", { ...gaGood, timeoutSeconds: 1.5 }),
    ga("timeout as a string", { ...gaGood, timeoutSeconds: "60" }),
    ...GA_ONE_INPUTS.map((name) => ga(`misspelled ${name}`, { ...gaGood, [misspell(name)]: "x" })),
    gaSet("certificates as a list", { ...gaSetGood, certificates: ["a"] }),
    gaSet("bad domain key", { ...gaSetGood, certificates: { "bad domain": "1-cn-hangzhou" } }),
    gaSet("bad certificate value", { ...gaSetGood, certificates: { "a.example.com": "nope" } }),
    gaSet("duplicate domains by case", {
      ...gaSetGood,
      certificates: { "A.example.com": "1-cn-hangzhou", "a.example.com": "2-cn-hangzhou" },
    }),
    gaSet("too many certificates", {
      ...gaSetGood,
      certificates: Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [`d${i}.example.com`, `${i + 1}-cn-hangzhou`]),
      ),
    }),
    gaSet("certificate id in us-east-1", { ...gaSetGood, certificates: { "a.example.com": "1-us-east-1" } }),
    ...GA_SET_INPUTS.map((name) => gaSet(`misspelled ${name}`, { ...gaSetGood, [misspell(name)]: "x" })),
  ];
  return cases;
}

async function main(): Promise<void> {
  const cases = await corpus();
  let stopped = 0;
  let named = 0;
  let leaks = 0;
  const missed: string[] = [];
  const byResource = new Map<string, { total: number; stopped: number }>();
  for (const c of cases) {
    const failures = await c.run();
    const row = byResource.get(c.resource) ?? { total: 0, stopped: 0 };
    row.total++;
    if (failures.length > 0) {
      stopped++;
      row.stopped++;
      if (failures.every((f) => failedProperty(f) !== "")) named++;
    } else missed.push(`${c.resource}: ${c.name}`);
    byResource.set(c.resource, row);
    const printed = failures.map((f) => `${f.property} ${f.reason}`).join("\n");
    const leaked =
      failures.some((f) => SENSITIVE.has(f.property)) ||
      c.secrets.some((s) =>
        s.split("\n").some((line) => line.length >= 8 && !line.startsWith("-----") && printed.includes(line)),
      );
    if (leaked) leaks++;
  }
  console.log(
    `bad inputs: ${cases.length}; stopped at check (preview): ${stopped}; every failure names its input: ${named}; leaks: ${leaks}`,
  );
  for (const [resource, row] of byResource) console.log(`  ${resource}: ${row.stopped}/${row.total}`);
  for (const m of missed) console.log(`  not stopped: ${m}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
