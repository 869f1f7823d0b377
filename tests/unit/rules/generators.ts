/**
 * Generators of inputs, built from each input kind's grammar, for the property suites. fast-check (a devDependency:
 * maintained, shrinking, async properties, seeds that replay) generates both what the grammar allows and hostile
 * variations of it. Crypto material (keys, certificates, CSRs) is expensive to make, so a pool is made once and
 * generated values pick from it or sign with its keys.
 */
import "reflect-metadata"; // before @peculiar/x509
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import fc from "fast-check";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { certificateChain, certificateRequest, pemOf, selfSignedCertificate, type TestChain } from "../../helpers/x509";

// ---------------------------------------------------------------------------------------------------------------
// Hostnames (RFC 1035 §2.3.1 / RFC 1123 §2.1: label = let-dig [ *ldh let-dig ], 1-63 characters)

/** An LDH label that is not reserved (no `--` in its third and fourth characters). */
export const ldhLabel: fc.Arbitrary<string> = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/)
  .filter((label) => label.slice(2, 4) !== "--");

/** A top-level label: letters first, so it is never all-numeric (RFC 3696 §2). */
export const topLabel: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9]{1,5}$/);

/** A label of the longest lengths (61 to 63 characters). */
const longLabel: fc.Arbitrary<string> = fc.integer({ min: 61, max: 63 }).map((n) => "a".repeat(n));

/** A valid hostname in canonical form: lower case, A-labels only, two to five labels. */
export const canonicalHostname: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 9, arbitrary: ldhLabel }, { weight: 1, arbitrary: longLabel }), {
      minLength: 1,
      maxLength: 4,
    }),
    topLabel,
  )
  .map(([labels, top]) => [...labels, top].join("."))
  .filter((name) => name.length <= 250);

/** Letters outside ASCII for U-labels: Latin with diacritics, Cyrillic, Japanese, CJK. */
const UNICODE_LETTERS = ["ü", "é", "ß", "ж", "д", "例", "テ", "ス", "ö", "ñ"];

/** A U-label: at least one non-ASCII letter among ASCII letters and digits. */
export const uLabel: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...UNICODE_LETTERS, "a", "b", "k", "1"), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(""))
  .filter((label) => /[^ -~]/.test(label));

/** What users type for a valid name: canonical, upper-cased, with a final dot, with U-labels, or a wildcard. */
export const typedHostname: fc.Arbitrary<string> = fc.oneof(
  canonicalHostname,
  canonicalHostname.map((n) => n.toUpperCase()),
  canonicalHostname.map((n) => `${n}.`),
  fc.tuple(uLabel, canonicalHostname).map(([u, n]) => `${u}.${n}`),
  canonicalHostname.map((n) => `*.${n}`),
);

/** Characters a hostname must not hold, and shapes that break a rule. */
const HOSTILE_PIECES = ["_", " ", "*", "..", "-", "\u0000", "\u200d", "@", ":", "/", "%", "\t", "é", "."];

/** A name that breaks (or may break) a rule: a valid name with a hostile piece inserted, or a known bad shape. */
export const hostileHostname: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(canonicalHostname, fc.constantFrom(...HOSTILE_PIECES), fc.nat())
    .map(
      ([name, piece, at]) => `${name.slice(0, at % (name.length + 1))}${piece}${name.slice(at % (name.length + 1))}`,
    ),
  fc.constantFrom(
    "",
    " ",
    ".",
    "localhost",
    "203.0.113.7",
    "a.123",
    "::1",
    "[2001:db8::1]",
    "xn--zz.example",
    "xn--abc-.example",
    "ab--cd.example.com",
    "-a.example.com",
    "a-.example.com",
    `${"a".repeat(64)}.example.com`,
    `${"abcdefghi.".repeat(26)}com`,
    "*.com",
    "a.*.example.com",
    "f*.example.com",
    "*.*.example.com",
    "*",
    "shop..example.com",
    "例.123",
    "xn--bcher-kva.example.",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

// ---------------------------------------------------------------------------------------------------------------
// Numbers and ids

/** Numbers as users type them, good and bad: integers, fractions, the IEEE specials, and numeric strings. */
export const typedNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -10, max: 200_000 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1, 1e21, 2 ** 53, 0.5),
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.constantFrom("12", "1e3", " 60 ", "", "NaN", null, true, [], {}),
);

/** Largest 64-bit id, the bound of every documented `integer` id. */
export const MAX_ID = 9_223_372_036_854_775_807n;

/** Ids as users type them: digit strings of every length (some above 64 bits), numbers, and malformed text. */
export const typedId: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt({ min: 1n, max: MAX_ID }).map(String),
  fc.bigInt({ min: MAX_ID, max: MAX_ID * 4n }).map(String),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  fc.stringMatching(/^[0-9]{1,22}$/),
  fc.constantFrom("0", "-1", "+5", " 7 ", "1.0", "1e5", "0x1f", "007", 2 ** 53 + 2, -3, 0, Number.NaN, 1.5),
);

// ---------------------------------------------------------------------------------------------------------------
// Private keys in every form a user may paste

/** A private key as text, and what it is. */
export interface KeyText {
  readonly kind: string;
  readonly text: string;
}

function exportPem(key: KeyObject, type: "pkcs8" | "pkcs1" | "sec1"): string {
  return key.export({ format: "pem", type }).toString();
}

let keyTexts: KeyText[] | undefined;

/** Every form of private key the screen must find (made once: RSA key generation is slow). */
export function privateKeyTexts(): KeyText[] {
  if (keyTexts !== undefined) return keyTexts;
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const ed = generateKeyPairSync("ed25519").privateKey;
  const der = ec.export({ format: "der", type: "pkcs8" });
  const body = (text: string): string =>
    Buffer.from(text)
      .toString("base64")
      .replace(/(.{64})/g, "$1\n");
  keyTexts = [
    { kind: "PKCS#8 EC", text: exportPem(ec, "pkcs8") },
    { kind: "SEC1 EC", text: exportPem(ec, "sec1") },
    { kind: "PKCS#1 RSA", text: exportPem(rsa, "pkcs1") },
    { kind: "PKCS#8 Ed25519", text: exportPem(ed, "pkcs8") },
    {
      kind: "encrypted PKCS#8",
      text: ec
        .export({ format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: "correct horse battery staple" })
        .toString(),
    },
    {
      kind: "OpenSSH",
      text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${body(`openssh-key-v1\0${"x".repeat(120)}`)}\n-----END OPENSSH PRIVATE KEY-----\n`,
    },
    {
      kind: "PGP",
      text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body("pgp secret key packet ".repeat(6))}\n-----END PGP PRIVATE KEY BLOCK-----\n`,
    },
    { kind: "base64 DER", text: der.toString("base64") },
    { kind: "wrapped base64 DER", text: der.toString("base64").replace(/(.{64})/g, "$1\n") },
    { kind: "base64url DER", text: der.toString("base64url") },
    {
      kind: "key under a CERTIFICATE label",
      text: pemOf("CERTIFICATE", der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer),
    },
    { kind: "JWK", text: JSON.stringify(ec.export({ format: "jwk" })) },
    {
      kind: "PuTTY",
      text: `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${body("putty private material here!")}\n`,
    },
    {
      kind: "BEGIN line only",
      text: `-----BEGIN RSA PRIVATE KEY-----\n${body("truncated rsa key material".repeat(3))}`,
    },
  ];
  return keyTexts;
}

/** One private key text, possibly wrapped in other text (before, after, inside a certificate value). */
export function keyTextArb(): fc.Arbitrary<{ kind: string; text: string; key: string }> {
  return fc
    .tuple(
      fc.constantFrom(...privateKeyTexts()),
      fc.constantFrom("", "note: ", "\n"),
      fc.constantFrom("", "\n", " end"),
    )
    .map(([key, before, after]) => ({ kind: key.kind, key: key.text, text: `${before}${key.text}${after}` }));
}

// ---------------------------------------------------------------------------------------------------------------
// Any value: what a program may pass for any input

/** Any value a Pulumi program can send, including the preview-time unknown and the IEEE specials. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: false }),
  typedNumber,
  typedId,
  hostileHostname,
  typedHostname,
  fc.constantFrom(UNKNOWN, "", " ", "null", "undefined", null, [], {}, { zone: 1 }, ["a"], "on", "upload", "DNS"),
);

// ---------------------------------------------------------------------------------------------------------------
// Crypto material: certificates, chains and CSRs

/** Pre-made certificates and chains for `shop.customer.com` (the ESA bags' hostname). */
export interface Material {
  readonly shop: { certificate: string; privateKey: string };
  readonly other: { certificate: string; privateKey: string };
  readonly chain: TestChain;
  readonly wildcard: { certificate: string; privateKey: string };
  readonly csr: string;
}

let material: Promise<Material> | undefined;

/** The shared crypto material, made once per process. */
export function cryptoMaterial(): Promise<Material> {
  material ??= (async () => ({
    shop: await selfSignedCertificate({ cn: "shop.customer.com", dnsNames: ["shop.customer.com"] }),
    other: await selfSignedCertificate({ cn: "other.example.org", dnsNames: ["other.example.org"] }),
    chain: await certificateChain({ dnsNames: ["shop.customer.com", "www.shop.customer.com"] }),
    wildcard: await selfSignedCertificate({ cn: "*.customer.com", dnsNames: ["*.customer.com"] }),
    csr: (await certificateRequest({ subject: "CN=shop.example.com" })).pem,
  }))();
  return material;
}

/** A CSR subject: zero to two CNs (each a valid or hostile name), maybe other attributes. */
export const csrSubject: fc.Arbitrary<{ subject: string; cns: string[] }> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: canonicalHostname },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "*.example.com",
            "a_b.example.com",
            "localhost",
            `${"a".repeat(70)}.com`,
            "10.0.0.1",
            "Shop.Example.COM",
          ),
        },
      ),
      { minLength: 0, maxLength: 2 },
    ),
    fc.boolean(),
  )
  .map(([cns, org]) => ({
    cns,
    subject: [...cns.map((cn) => `CN=${cn}`), ...(org || cns.length === 0 ? ["O=Example Ltd"] : [])].join(", "),
  }));

/** subjectAltNames for a CSR: DNS names (valid or hostile) and sometimes an IP address. */
export const csrNames: fc.Arbitrary<{ type: "dns" | "ip"; value: string }[]> = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: canonicalHostname.map((value) => ({ type: "dns" as const, value })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("*.example.com", "a_b.example.com", "xn--zz.example", "bad name.com", "example.com.")
        .map((value) => ({ type: "dns" as const, value })),
    },
    { weight: 1, arbitrary: fc.constant({ type: "ip" as const, value: "10.0.0.1" }) },
  ),
  { maxLength: 3 },
);
