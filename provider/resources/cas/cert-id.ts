/**
 * Shared by both CAS resources (the order and its validation waiter), like `ga/ids.ts` for GA.
 *
 * The CertId of an issued order. DescribeCertificateState returns `CertId` in the newest official models (Python SDK
 * 3.9.4: "returned when the certificate is issued") but not in older API versions' models (npm SDK 3.0.0), so when
 * it is absent the certificate is found in ListUserCertificateOrder (`OrderType=CERT`) by the issued leaf's SHA-1
 * fingerprint or serial number, both of which that list reports.
 */
import { X509Certificate } from "node:crypto";
import { type AlibabaClient } from "../../transport/client";
import { type CertificateState, ListUserCertificateOrder } from "../../transport/operations/cas";

/** Certificates per ListUserCertificateOrder page, and how many pages are searched at most. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** Hex without separators or leading zeros, lower case, so both sides' spellings compare equal. */
function normalizeHex(value: string): string {
  return value
    .replace(/[^0-9a-fA-F]/g, "")
    .replace(/^0+(?=.)/, "")
    .toLowerCase();
}

/** Fingerprint and serial of the first certificate (the leaf) in a PEM chain; undefined when it does not parse. */
export function leafIdentity(chain: string): { fingerprint: string; serial: string } | undefined {
  const leaf = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(chain)?.[0];
  if (leaf === undefined) return undefined;
  try {
    const cert = new X509Certificate(leaf);
    return { fingerprint: normalizeHex(cert.fingerprint), serial: normalizeHex(cert.serialNumber) };
  } catch {
    return undefined;
  }
}

/**
 * The order's CertId: the reply's own, else the CERT list entry whose fingerprint or serial matches the issued
 * certificate. Undefined before issuance, or when no listed certificate matches.
 */
export async function certIdOf(
  client: Pick<AlibabaClient, "call">,
  state: CertificateState,
): Promise<string | undefined> {
  if (state.certId !== undefined) return state.certId;
  if (state.type !== "certificate" || state.certificate === undefined) return undefined;
  const leaf = leafIdentity(state.certificate);
  if (leaf === undefined) return undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const list = await client.call(ListUserCertificateOrder, {
      OrderType: "CERT",
      CurrentPage: page,
      ShowSize: PAGE_SIZE,
    });
    const match = list.orders.find(
      (c) =>
        (c.fingerprint !== undefined && normalizeHex(c.fingerprint) === leaf.fingerprint) ||
        (c.serialNo !== undefined && normalizeHex(c.serialNo) === leaf.serial),
    );
    if (match?.certificateId !== undefined) return match.certificateId;
    if (list.orders.length < PAGE_SIZE || page * PAGE_SIZE >= list.totalCount) return undefined;
  }
  return undefined;
}
