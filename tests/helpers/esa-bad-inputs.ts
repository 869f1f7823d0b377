/** The bad inputs esa.CustomHostname must reject at check (shared by the unit and provider tiers). */
import { type TestCertificate } from "./test-certs";

export const BASE = { siteId: "7096621098379520", hostname: "shop.customer.com", recordId: "4042843419650112" };

/** One rejected input: the inputs (on top of BASE), the failing property and what the reason must say. */
export interface BadCase {
  readonly name: string;
  readonly inputs: (c: Certs) => Record<string, unknown>;
  readonly property: string;
  readonly reason: RegExp;
}

export interface Certs {
  readonly shop: TestCertificate;
  readonly other: TestCertificate;
}

export const BAD_CASES: readonly BadCase[] = [
  { name: "siteId missing", inputs: () => ({ siteId: undefined }), property: "siteId", reason: /siteId is required/ },
  {
    name: "siteId above 2^53 as a number",
    inputs: () => ({ siteId: 2 ** 53 + 8 }),
    property: "siteId",
    reason: /not a safe positive integer.*as strings/,
  },
  {
    name: "siteId not digits",
    inputs: () => ({ siteId: "site-1" }),
    property: "siteId",
    reason: /"site-1" must be a positive integer id/,
  },
  { name: "hostname missing", inputs: () => ({ hostname: "" }), property: "hostname", reason: /hostname is required/ },
  {
    name: "hostname with a bad label",
    inputs: () => ({ hostname: "shop_1.customer.com" }),
    property: "hostname",
    reason: /"shop_1.customer.com" is not a valid hostname/,
  },
  {
    name: "hostname is an IP address",
    inputs: () => ({ hostname: "203.0.113.7" }),
    property: "hostname",
    reason: /not a valid hostname/,
  },
  {
    name: "hostname with one label",
    inputs: () => ({ hostname: "localhost" }),
    property: "hostname",
    reason: /not a valid hostname/,
  },
  {
    name: "recordId missing",
    inputs: () => ({ recordId: undefined }),
    property: "recordId",
    reason: /recordId is required/,
  },
  {
    name: "recordId negative number",
    inputs: () => ({ recordId: -4 }),
    property: "recordId",
    reason: /not a safe positive integer/,
  },
  {
    name: "sslFlag not on/off",
    inputs: () => ({ sslFlag: "yes" }),
    property: "sslFlag",
    reason: /"yes" must be one of "on", "off"/,
  },
  {
    name: "certType missing with SSL on",
    inputs: () => ({ sslFlag: "on" }),
    property: "certType",
    reason: /certType is required when sslFlag is "on"/,
  },
  {
    name: "certType not documented",
    inputs: () => ({ certType: "letsencrypt" }),
    property: "certType",
    reason: /must be one of "free", "upload", "cas"/,
  },
  {
    name: "certType with SSL off",
    inputs: () => ({ sslFlag: "off", certType: "free" }),
    property: "certType",
    reason: /needs sslFlag "on"/,
  },
  {
    name: "upload without certificate",
    inputs: (c) => ({ certType: "upload", privateKey: c.shop.privateKey }),
    property: "certificate",
    reason: /required when certType is "upload"/,
  },
  {
    name: "upload without privateKey",
    inputs: (c) => ({ certType: "upload", certificate: c.shop.certificate }),
    property: "privateKey",
    reason: /required when certType is "upload"/,
  },
  {
    name: "certificate not PEM",
    inputs: (c) => ({ certType: "upload", certificate: "MIIB...", privateKey: c.shop.privateKey }),
    property: "certificate",
    reason: /not a PEM certificate/,
  },
  {
    name: "privateKey not PEM",
    inputs: (c) => ({ certType: "upload", certificate: c.shop.certificate, privateKey: "not-a-key-secret-123" }),
    property: "privateKey",
    reason: /\(secret, 20 characters\) is not a PEM private key/,
  },
  {
    name: "key of another certificate",
    inputs: (c) => ({ certType: "upload", certificate: c.shop.certificate, privateKey: c.other.privateKey }),
    property: "privateKey",
    reason: /does not belong to the certificate/,
  },
  {
    name: "certificate for another name",
    inputs: (c) => ({ certType: "upload", certificate: c.other.certificate, privateKey: c.other.privateKey }),
    property: "certificate",
    reason: /does not cover hostname "shop.customer.com"/,
  },
  {
    name: "certificate with certType free",
    inputs: (c) => ({ certType: "free", certificate: c.shop.certificate }),
    property: "certificate",
    reason: /used only when certType is "upload"/,
  },
  {
    name: "cas without casId",
    inputs: () => ({ certType: "cas", casRegion: "cn-hangzhou" }),
    property: "casId",
    reason: /casId \(or certIdentifier\) is required/,
  },
  {
    name: "cas without casRegion",
    inputs: () => ({ certType: "cas", casId: "123" }),
    property: "casRegion",
    reason: /casRegion \(or certIdentifier\) is required/,
  },
  {
    name: "casRegion not documented",
    inputs: () => ({ certType: "cas", casId: "123", casRegion: "eu-central-1" }),
    property: "casRegion",
    reason: /must be one of "cn-hangzhou", "ap-southeast-1"/,
  },
  {
    name: "certIdentifier malformed",
    inputs: () => ({ certType: "cas", certIdentifier: "cert-123" }),
    property: "certIdentifier",
    reason: /must be a CAS CertIdentifier/,
  },
  {
    name: "certIdentifier in another region",
    inputs: () => ({ certType: "cas", certIdentifier: "123-eu-central-1" }),
    property: "certIdentifier",
    reason: /names region "eu-central-1"/,
  },
  {
    name: "certIdentifier disagrees with casId",
    inputs: () => ({ certType: "cas", certIdentifier: "123-cn-hangzhou", casId: "456" }),
    property: "casId",
    reason: /disagrees with certIdentifier/,
  },
  {
    name: "casId with certType upload-less SSL off",
    inputs: () => ({ casId: "123" }),
    property: "casId",
    reason: /used only when certType is "cas" \(here sslFlag is "off"\)/,
  },
  {
    name: "waitFor not documented",
    inputs: () => ({ waitFor: "ready" }),
    property: "waitFor",
    reason: /must be one of "none", "active", "certificateIssued"/,
  },
  {
    name: "certificateIssued with SSL off",
    inputs: () => ({ waitFor: "certificateIssued" }),
    property: "waitFor",
    reason: /needs sslFlag "on"/,
  },
  {
    name: "waitTimeoutSeconds out of range",
    inputs: () => ({ waitTimeoutSeconds: 0 }),
    property: "waitTimeoutSeconds",
    reason: /between 1 and 86400/,
  },
  {
    name: "trigger without a free certificate",
    inputs: () => ({ certType: "cas", certIdentifier: "123-cn-hangzhou", applyCertificateTrigger: "1" }),
    property: "applyCertificateTrigger",
    reason: /needs certType "free"/,
  },
  {
    name: "adoptExisting not a boolean",
    inputs: () => ({ adoptExisting: "yes" }),
    property: "adoptExisting",
    reason: /must be true or false/,
  },
  {
    name: "private key pasted after the certificate",
    inputs: (c) => ({
      certType: "upload",
      certificate: `${c.shop.certificate}${c.shop.privateKey}`,
      privateKey: c.shop.privateKey,
    }),
    property: "certificate",
    reason: /^certificate holds a PEM "PRIVATE KEY" block; a private key belongs only in privateKey/,
  },
  {
    name: "private key as the hostname",
    inputs: (c) => ({ hostname: c.other.privateKey }),
    property: "hostname",
    reason: /^hostname holds a PEM "PRIVATE KEY" block/,
  },
  {
    name: "text after the certificate",
    inputs: (c) => ({
      certType: "upload",
      certificate: `${c.shop.certificate}\nsubject=CN = shop.customer.com`,
      privateKey: c.shop.privateKey,
    }),
    property: "certificate",
    reason: /has text after block 1 .* outside any PEM block; it must be PEM certificates only/,
  },
  {
    name: "two keys in privateKey",
    inputs: (c) => ({
      certType: "upload",
      certificate: c.shop.certificate,
      privateKey: `${c.shop.privateKey}${c.other.privateKey}`,
    }),
    property: "privateKey",
    reason: /\(secret, \d+ characters\) must be one unencrypted PEM private key .*it holds 2 blocks/,
  },
  {
    name: "chain in the wrong order",
    inputs: (c) => ({
      certType: "upload",
      certificate: `${c.other.certificate}${c.shop.certificate}`,
      privateKey: c.shop.privateKey,
    }),
    property: "certificate",
    reason: /^certificate is a chain in the wrong order: privateKey belongs to block 2 of 2/,
  },
  {
    name: "hostname with an xn-- label that is not punycode",
    inputs: () => ({ hostname: "xn--zz.customer.com" }),
    property: "hostname",
    reason: /"xn--zz", which starts with "xn--" but is not a valid punycode A-label \(RFC 5891/,
  },
  {
    name: "hostname with a reserved label",
    inputs: () => ({ hostname: "ab--cd.customer.com" }),
    property: "hostname",
    reason: /reserved for IDNA \(RFC 5890/,
  },
  {
    name: "siteId above 64 bits",
    inputs: () => ({ siteId: "99999999999999999999" }),
    property: "siteId",
    reason: /"99999999999999999999" is larger than the largest id: an id must be at most 2\^63 - 1/,
  },
  {
    name: "waitTimeoutSeconds NaN",
    inputs: () => ({ waitTimeoutSeconds: Number.NaN }),
    property: "waitTimeoutSeconds",
    reason: /^waitTimeoutSeconds NaN is not a number/,
  },
];
