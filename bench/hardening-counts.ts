/**
 * The hardening figures the README quotes, measured again:
 *
 * - a corpus of invalid inputs across the five resources (issue 12's, plus one case per class of the input-rules
 *   issue: more in a PEM value than it should hold, CSR structure, silent oddities, messages), each run through the
 *   resource's real `check` (what `pulumi preview` calls), counting how many are stopped, how many of those name the
 *   input, how many leak a secret or personal value (as a failure's `property`, which the engine prints with the
 *   value, in the reason, or in the inputs check returns, which the engine stores), and how many messages render a
 *   value wrongly (`null` for a value that is not null, `<nil>`, or a nested property the engine cannot look up);
 * - the property suites of `tests/unit/rules/` (the same properties the unit tier runs): properties, generated runs,
 *   and failures. Run:
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
import { certificateRequest, selfSignedCertificate } from "../tests/helpers/x509";
import { checkValidation } from "../provider/resources/cas/dv-certificate-validation/check";
import { ALL_PROPERTIES } from "../tests/unit/rules/properties";

type Bag = Record<string, unknown>;
type Failures = readonly { property: string; reason: string }[];
/** What check answered: its failures and the inputs it returned (which the engine stores). */
interface Answer {
  readonly failures: Failures;
  readonly inputs: unknown;
}
interface Case {
  readonly resource: string;
  readonly name: string;
  readonly run: () => Promise<Answer>;
  /** Private keys: they must never appear in what the engine prints or stores. */
  readonly secrets: readonly string[];
  /** Personal values: never printed (they are inputs CAS needs, so check returns them and the engine stores them). */
  readonly personal?: readonly string[];
  /** Inputs that may hold a secret in what check returns (ESA's privateKey). */
  readonly secretInputs?: readonly string[];
}

/** Every string inside a bag (map keys and nested values too) that holds a PEM private key: a secret wherever it is. */
function keysIn(value: unknown): string[] {
  if (typeof value === "string") return value.includes("PRIVATE KEY") ? [value] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [...keysIn(key), ...keysIn(item)]);
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
    run: async () => checkInputs(bag, { previous: undefined, now: new Date() }),
    secrets: [...secrets, ...keysIn(bag)],
    secretInputs: ["privateKey"],
  });
  const cas = (name: string, bag: Bag, personal: string[] = []): Case => ({
    resource: "cas.DvCertificateOrder",
    name,
    run: async () => answer(await checkOrder({}, bag)),
    secrets: keysIn(bag),
    personal,
  });
  const validation = (name: string, bag: Bag): Case => ({
    resource: "cas.DvCertificateValidation",
    name,
    run: async () => answer(await checkValidation({}, bag)),
    secrets: keysIn(bag),
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
    run: async () => answer(await checkBinding({}, bag)),
    secrets: keysIn(bag),
  });
  const gaSetGood = { acceleratorId: gaGood.acceleratorId, listenerId: gaGood.listenerId };
  const gaSet = (name: string, bag: Bag, secrets: string[] = []): Case => ({
    resource: "ga.ListenerAdditionalCertificates",
    name,
    run: async () => answer(await checkBindingSet({}, bag)),
    secrets: [...secrets, ...keysIn(bag)],
  });

  const certs = { shop, other };
  const cases: Case[] = [
    ...BAD_CASES.map((bad) => {
      const bag = Object.fromEntries(
        Object.entries({ ...BASE, ...bad.inputs(certs) }).filter(([, v]) => v !== undefined),
      );
      return esa(bad.name, bag);
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
    ...(await ruleClasses({ cas, validation, ga, gaSet, csr, contact, gaGood, gaSetGood, key: shop.privateKey })),
  ];
  return cases;
}

/** The check result as the bench reads it. */
function answer(result: { inputs?: unknown; failures?: Failures }): Answer {
  return { failures: result.failures ?? [], inputs: result.inputs };
}

/** One case per class of the input-rules issue, on the resources the ESA corpus above does not already cover. */
async function ruleClasses(make: {
  cas: (name: string, bag: Bag) => Case;
  validation: (name: string, bag: Bag) => Case;
  ga: (name: string, bag: Bag) => Case;
  gaSet: (name: string, bag: Bag) => Case;
  csr: string;
  contact: Bag;
  gaGood: Bag;
  gaSetGood: Bag;
  key: string;
}): Promise<Case[]> {
  const { cas, validation, ga, gaSet, csr, key } = make;
  const order = { csr, ...make.contact, validateType: "DNS" };
  const twoCn = (await certificateRequest({ subject: "CN=a.example.com, CN=b.example.com" })).pem;
  const longCn = (await certificateRequest({ subject: `CN=${"a".repeat(60)}.example.com` })).pem;
  const ipSan = (await certificateRequest({ subject: "CN=ip.example.com", names: [{ type: "ip", value: "10.0.0.1" }] }))
    .pem;
  return [
    cas("private key after the CSR", { ...order, csr: `${csr}${key}` }),
    cas("text after the CSR", { ...order, csr: `${csr}\nsubject=CN = shop.example.com` }),
    cas("a second CSR", { ...order, csr: `${csr}${csr}` }),
    cas("two CN attributes", { ...order, csr: twoCn }),
    cas("CN over 64 characters", { ...order, csr: longCn }),
    cas("IP address SAN", { ...order, csr: ipSan }),
    cas("delegation zone inside the domain", { ...order, validationDelegation: { zone: "dcv.shop.example.com" } }),
    cas("unknown delegation field", { ...order, validationDelegation: { zone: "dcv.example.net", zones: "x" } }),
    cas("private key in a tag value", { ...order, tags: { note: key } }),
    cas("issuance timeout NaN", { ...order, issuanceTimeoutSeconds: Number.NaN }),
    cas("phone as a number", { ...order, phone: 8613900001234 }),
    validation("orderId above 64 bits", { orderId: "99999999999999999999" }),
    validation("orderId with a leading zero", { orderId: "0123" }),
    validation("timeout Infinity", { orderId: "98987582437920969", timeoutSeconds: Number.POSITIVE_INFINITY }),
    validation("private key as the orderId", { orderId: key }),
    ga("timeout NaN", { ...make.gaGood, timeoutSeconds: Number.NaN }),
    ga("timeout 1e21", { ...make.gaGood, timeoutSeconds: 1e21 }),
    ga("timeout -0", { ...make.gaGood, timeoutSeconds: -0 }),
    ga("private key as the domain", { ...make.gaGood, domain: key }),
    ga("xn-- domain that is not punycode", { ...make.gaGood, domain: "xn--zz.example.com" }),
    ga("partial wildcard domain", { ...make.gaGood, domain: "f*.example.com" }),
    gaSet("empty domain key", { ...make.gaSetGood, certificates: { "": "1-cn-hangzhou" } }),
    gaSet("private key as a certificates value", { ...make.gaSetGood, certificates: { "a.example.com": key } }),
    gaSet("certificate id above 64 bits", {
      ...make.gaSetGood,
      certificates: { "a.example.com": "99999999999999999999-cn-hangzhou" },
    }),
  ];
}

/** Whether a secret's material (its lines, without the PEM armour) appears in `text`. */
function shows(text: string, secret: string): boolean {
  return secret.split("\n").some((line) => line.length >= 8 && !line.startsWith("-----") && text.includes(line));
}

/**
 * A message that shows a value wrongly: `null` (no corpus case passes null, so it can only be a NaN or Infinity that
 * JSON.stringify turned into null), Go's `<nil>`, or a nested property path the engine cannot look up (it prints
 * `value {<nil>}` for those).
 */
function misrendered(failure: { property: string; reason: string }): boolean {
  return /[[.]/.test(failure.property) || failure.reason.includes("<nil>") || /\bnull\b/.test(failure.reason);
}

/** Run the property suites as the unit tier does and count them. */
async function propertyCounts(): Promise<void> {
  let runs = 0;
  const failed: string[] = [];
  const byKind = new Map<string, { properties: number; runs: number }>();
  for (const property of ALL_PROPERTIES) {
    const outcome = await property.run(property.runs);
    runs += outcome.runs;
    if (outcome.failed) failed.push(`${property.name}\n${outcome.report}`);
    const row = byKind.get(property.kind) ?? { properties: 0, runs: 0 };
    byKind.set(property.kind, { properties: row.properties + 1, runs: row.runs + outcome.runs });
  }
  console.log(
    `property suites: ${ALL_PROPERTIES.length} properties, ${runs} generated runs, ${failed.length} failed (fast-check; tests/unit/rules/)`,
  );
  for (const [kind, row] of byKind) console.log(`  ${kind}: ${row.properties} properties, ${row.runs} runs`);
  for (const f of failed) console.log(`  FAILED: ${f}`);
  if (failed.length > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  const cases = await corpus();
  let stopped = 0;
  let named = 0;
  let leaks = 0;
  let wrongRenderings = 0;
  const missed: string[] = [];
  const byResource = new Map<string, { total: number; stopped: number }>();
  for (const c of cases) {
    const { failures, inputs } = await c.run();
    const row = byResource.get(c.resource) ?? { total: 0, stopped: 0 };
    row.total++;
    if (failures.length > 0) {
      stopped++;
      row.stopped++;
      if (failures.every((f) => failedProperty(f) !== "")) named++;
    } else missed.push(`${c.resource}: ${c.name}`);
    byResource.set(c.resource, row);
    const printed = failures.map((f) => `${f.property} ${f.reason}`).join("\n");
    const stored = JSON.stringify(
      Object.entries(typeof inputs === "object" && inputs !== null ? inputs : {}).filter(
        ([key]) => !(c.secretInputs ?? []).includes(key),
      ),
    ).replace(/\\n/g, "\n");
    const leaked =
      failures.some((f) => SENSITIVE.has(f.property)) || c.secrets.some((s) => shows(printed, s) || shows(stored, s));
    if (leaked) {
      leaks++;
      console.log(`  leak: ${c.resource}: ${c.name}`);
    }
    if (failures.some(misrendered)) wrongRenderings++;
  }
  console.log(
    `bad inputs: ${cases.length}; stopped at check (preview): ${stopped}; every failure names its input: ${named}; leaks: ${leaks}; values shown wrongly: ${wrongRenderings}`,
  );
  for (const [resource, row] of byResource) console.log(`  ${resource}: ${row.stopped}/${row.total}`);
  for (const m of missed) console.log(`  not stopped: ${m}`);
  await propertyCounts();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
