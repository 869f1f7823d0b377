/**
 * The five resources as the property suites see them: the provider's own `check` (what the engine calls at preview),
 * the input names, which inputs may hold a secret or personal value, and a generator of valid inputs built from each
 * input's grammar (ids, hostnames, PEM, CSRs, contact details, tags).
 */
import { claimRegistry } from "../../../provider/resources/ga/claims/registry";
import "reflect-metadata"; // before @peculiar/x509
import fc from "fast-check";
import * as casOrder from "../../../provider/resources/cas/dv-certificate-order/provider";
import { INPUT_NAMES as CAS_ORDER_INPUTS } from "../../../provider/resources/cas/dv-certificate-order/check";
import * as casValidation from "../../../provider/resources/cas/dv-certificate-validation/provider";
import { INPUT_NAMES as CAS_VALIDATION_INPUTS } from "../../../provider/resources/cas/dv-certificate-validation/check";
import { type PropertyBag } from "../../../provider/resources/common/dynamic";
import { isWithinZone } from "../../../provider/resources/common/hostname";
import * as esa from "../../../provider/resources/esa/custom-hostname/provider";
import { INPUT_NAMES as ESA_INPUTS } from "../../../provider/resources/esa/custom-hostname/check";
import * as gaOne from "../../../provider/resources/ga/listener-additional-certificate/provider";
import { INPUT_NAMES as GA_ONE_INPUTS } from "../../../provider/resources/ga/listener-additional-certificate/check";
import * as gaSet from "../../../provider/resources/ga/listener-additional-certificates/provider";
import { INPUT_NAMES as GA_SET_INPUTS } from "../../../provider/resources/ga/listener-additional-certificates/check";
import { certificateRequest } from "../../helpers/x509";
import { MAX_ID, canonicalHostname, typedHostname, type Material } from "./generators";

/** A property bag as the host passes it. */
export type Bag = Record<string, unknown>;

/** What `check` returns (the dynamic-provider shape). */
export interface Checked {
  readonly inputs?: unknown;
  readonly failures?: readonly { readonly property: string; readonly reason: string }[];
}

/** A place inside an input where a value can hide: `tags["k"]`, a key of `certificates`. */
export type Nest = (value: string) => Bag;

/** One resource, as the property suites drive it. */
export interface ResourceSpec {
  readonly name: string;
  readonly check: (olds: PropertyBag, news: PropertyBag) => Promise<Checked>;
  readonly inputs: readonly string[];
  /** Inputs that may hold a private key (documented secret). */
  readonly secret: readonly string[];
  /** Inputs holding personal data (never shown). */
  readonly personal: readonly string[];
  /** Valid inputs from each input's grammar; `build` turns the generated spec into a bag (CSRs are signed there). */
  readonly valid: (material: Material) => fc.Arbitrary<Bag>;
  readonly build: (spec: Bag) => Promise<Bag>;
  /** Places inside inputs (nested) where a value can be put on top of a valid bag. */
  readonly nests: readonly Nest[];
}

const id = fc.oneof(
  fc.bigInt({ min: 1n, max: MAX_ID }).map(String),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);
const region = fc.constantFrom("cn-hangzhou", "ap-southeast-1");
const certIdentifier = fc.tuple(fc.bigInt({ min: 1n, max: MAX_ID }), region).map(([n, r]) => `${n}-${r}`);
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** Drop `undefined` entries (the host never sends them). */
function defined(bag: Bag): Bag {
  return Object.fromEntries(Object.entries(bag).filter(([, v]) => v !== undefined));
}

const esaValid = (m: Material): fc.Arbitrary<Bag> => {
  const common = {
    siteId: id,
    recordId: id,
    waitTimeoutSeconds: optional(fc.integer({ min: 1, max: 86_400 })),
    adoptExisting: optional(fc.boolean()),
  };
  const upload = fc.constantFrom(
    { hostname: "shop.customer.com", certificate: m.shop.certificate, privateKey: m.shop.privateKey },
    {
      hostname: "SHOP.Customer.com.",
      certificate: `${m.chain.leaf}${m.chain.intermediate}`,
      privateKey: m.chain.privateKey,
    },
    {
      hostname: "www.shop.customer.com",
      certificate: `${m.chain.leaf}\n${m.chain.intermediate}\n${m.chain.root}`,
      privateKey: m.chain.privateKey,
    },
    { hostname: "*.customer.com", certificate: m.wildcard.certificate, privateKey: m.wildcard.privateKey },
  );
  return fc
    .oneof(
      fc.record({
        ...common,
        hostname: typedHostname,
        certType: fc.constant("free"),
        waitFor: fc.constantFrom("none", "active", "certificateIssued"),
        applyCertificateTrigger: optional(fc.oneof(fc.string({ maxLength: 10 }), fc.integer())),
      }),
      fc.record({
        ...common,
        hostname: typedHostname,
        sslFlag: fc.constant("off"),
        waitFor: fc.constantFrom("none", "active"),
      }),
      fc.record({ ...common, hostname: typedHostname, certType: fc.constant("cas"), certIdentifier }),
      fc.record({
        ...common,
        hostname: typedHostname,
        sslFlag: fc.constant("on"),
        certType: fc.constant("cas"),
        casId: id,
        casRegion: region,
      }),
      fc.tuple(fc.record(common), upload).map(([c, u]) => ({ ...c, ...u, certType: "upload" })),
    )
    .map(defined);
};

const personName = fc.stringMatching(/^[A-Z][a-z]{1,12}( [A-Z][a-z]{1,12}){0,2}$/).map((n) => `Persona ${n}`);
const phone = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{8,15}$/), fc.constantFrom("", " ", "-"))
  .map(([plus, digits, sep]) => `${plus ? "+" : ""}${digits.slice(0, 3)}${sep}${digits.slice(3)}`);
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), canonicalHostname)
  .map(([local, domain]) => `persona.${local}@${domain}`)
  .filter((e) => e.length <= 128);
const tagKey = fc
  .stringMatching(/^[a-z][a-z0-9_.:-]{0,30}$/)
  .filter((k) => !k.startsWith("aliyun") && !k.startsWith("acs:") && !k.startsWith("pulumi-alicloud-certs"));
const WILDCARD_PRODUCTS = ["symantec-dv-1-starter", "geotrust-dv-w-starter", "globalsign-dv-w-advanced"];
const SINGLE_PRODUCTS = [
  "digicert-free-1-free",
  "symantec-free-1-free",
  "geotrust-dv-1-starter",
  "globalsign-dv-1-personal",
];

const casValid = (): fc.Arbitrary<Bag> =>
  fc
    .record({
      cn: canonicalHostname.filter((n) => n.length <= 60),
      wildcard: fc.boolean(),
      www: fc.boolean(),
      username: personName,
      phone,
      email,
      file: fc.boolean(),
      product: fc.nat(),
      tags: optional(fc.dictionary(tagKey, fc.string({ maxLength: 40 }), { maxKeys: 5 })),
      waitForIssuance: optional(fc.boolean()),
      issuanceTimeoutSeconds: optional(fc.integer({ min: 1, max: 172_800 })),
      revokeOnDelete: optional(fc.boolean()),
      renewBeforeDays: optional(fc.integer({ min: 0, max: 365 })),
      zone: optional(canonicalHostname.filter((z) => z.length <= 216)),
    })
    .map((s) => {
      const cn = s.wildcard ? `*.${s.cn}` : s.cn;
      const dns = !s.wildcard && !s.file;
      const products = s.wildcard ? WILDCARD_PRODUCTS : [...SINGLE_PRODUCTS, undefined];
      const outside = s.zone !== undefined && !isWithinZone(s.zone, s.cn) && !isWithinZone(s.cn, s.zone);
      const zone = s.zone !== undefined && dns && outside ? { zone: s.zone } : undefined;
      return defined({
        csrSpec: { cn, sans: s.www && !s.wildcard ? [cn, `www.${s.cn}`] : [] },
        username: s.username,
        phone: s.phone,
        email: s.email,
        validateType: s.file && !s.wildcard ? "FILE" : "DNS",
        productCode: products[s.product % products.length],
        tags: s.tags,
        waitForIssuance: s.waitForIssuance,
        issuanceTimeoutSeconds: s.issuanceTimeoutSeconds,
        revokeOnDelete: s.revokeOnDelete,
        renewBeforeDays: s.renewBeforeDays,
        validationDelegation: zone,
      });
    });

/** Sign the generated CSR spec into a PEM CSR. */
async function buildCas(spec: Bag): Promise<Bag> {
  const { csrSpec, ...rest } = spec;
  const { cn, sans } = csrSpec as { cn: string; sans: string[] };
  const { pem } = await certificateRequest({
    subject: `CN=${cn}`,
    names: sans.map((value) => ({ type: "dns" as const, value })),
  });
  return { csr: pem, ...rest };
}

const acceleratorId = fc.stringMatching(/^ga-[a-z0-9]{4,24}$/);
const listenerId = fc.stringMatching(/^lsr-[a-z0-9]{4,24}$/);

const identity = async (spec: Bag): Promise<Bag> => spec;

/** The five resources. */
export const RESOURCES: readonly ResourceSpec[] = [
  {
    name: "esa.CustomHostname",
    check: (olds, news) => esa.check(olds, news),
    inputs: ESA_INPUTS,
    secret: ["privateKey"],
    personal: [],
    valid: esaValid,
    build: identity,
    nests: [],
  },
  {
    name: "cas.DvCertificateOrder",
    check: (olds, news) => casOrder.check(olds, news),
    inputs: CAS_ORDER_INPUTS,
    secret: [],
    personal: ["username", "phone", "email"],
    valid: casValid,
    build: buildCas,
    nests: [
      (value) => ({ tags: { env: value } }),
      (value) => ({ tags: { [value]: "x" } }),
      (value) => ({ validationDelegation: { zone: value } }),
    ],
  },
  {
    name: "cas.DvCertificateValidation",
    check: (olds, news) => casValidation.check(olds, news),
    inputs: CAS_VALIDATION_INPUTS,
    secret: [],
    personal: [],
    valid: () =>
      fc.record({ orderId: id, timeoutSeconds: optional(fc.integer({ min: 1, max: 172_800 })) }).map(defined),
    build: identity,
    nests: [],
  },
  {
    name: "ga.ListenerAdditionalCertificate",
    // Each check is a deployment of its own: the claims of earlier runs (a process-wide registry) must not conflict.
    check: (olds, news) => (claimRegistry.reset(), gaOne.check(olds, news)),
    inputs: GA_ONE_INPUTS,
    secret: [],
    personal: [],
    valid: () =>
      fc
        .record({
          acceleratorId,
          listenerId,
          domain: typedHostname,
          certificateId: certIdentifier,
          timeoutSeconds: optional(fc.integer({ min: 1, max: 86_400 })),
        })
        .map(defined),
    build: identity,
    nests: [],
  },
  {
    name: "ga.ListenerAdditionalCertificates",
    check: (olds, news) => (claimRegistry.reset(), gaSet.check(olds, news)),
    inputs: GA_SET_INPUTS,
    secret: [],
    personal: [],
    valid: () =>
      fc
        .record({
          acceleratorId,
          listenerId,
          certificates: fc
            .uniqueArray(canonicalHostname, { maxLength: 6 })
            .chain((domains) =>
              fc
                .tuple(...domains.map(() => certIdentifier))
                .map((ids) => Object.fromEntries(domains.map((d, i) => [d, ids[i]]))),
            ),
          timeoutSeconds: optional(fc.integer({ min: 1, max: 86_400 })),
        })
        .map(defined),
    build: identity,
    nests: [
      (value) => ({ certificates: { "a.example.com": value } }),
      (value) => ({ certificates: { [value]: "1-cn-hangzhou" } }),
    ],
  },
];
