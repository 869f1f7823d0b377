import type { CasCertificate, CasOrder, CasState } from "./state";

const DAY_MS = 24 * 60 * 60 * 1000;
/** ISSUED turns WILLEXPIRED this long before NotAfter (the console's 30-day expiry warning). */
const WILL_EXPIRE_MS = 30 * DAY_MS;
/** `StartDate`/`EndDate` are calendar dates on the China site, i.e. in UTC+8. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` (UTC+8) of an epoch-ms instant. */
export function chinaDate(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Status of a certificate by validity alone: ISSUED, WILLEXPIRED or EXPIRED. */
export function validityStatus(cert: CasCertificate, now: number): "ISSUED" | "WILLEXPIRED" | "EXPIRED" {
  if (now >= cert.notAfter) return "EXPIRED";
  return cert.notAfter - now <= WILL_EXPIRE_MS ? "WILLEXPIRED" : "ISSUED";
}

/** The ListUserCertificateOrder `Status` of an order (CPACK). */
export function orderListStatus(order: CasOrder, state: CasState, now: number): string {
  switch (order.state) {
    case "payed":
      return "PAYED";
    case "domain_verify":
    case "process":
      return "CHECKING";
    case "verify_fail":
      return "CHECKED_FAIL";
    case "revoked":
      return "REVOKED";
    case "certificate": {
      const cert = order.certId === null ? undefined : state.certificates[order.certId];
      return cert === undefined ? "ISSUED" : validityStatus(cert, now);
    }
  }
}

/** The certificate chain CAS returns with an issued certificate: the leaf, then the emulator root. */
export function chainPem(cert: CasCertificate, state: CasState): string {
  const root = cert.source === "issued" && state.ca !== null ? state.ca.certPem : "";
  return cert.pem + root;
}

/** `CertChain[]` of GetUserCertificateDetail. */
export function certChainEntries(cert: CasCertificate, state: CasState, now: number): Record<string, unknown>[] {
  const remainDays = (notAfter: number): number => Math.max(0, Math.floor((notAfter - now) / DAY_MS));
  const entries: Record<string, unknown>[] = [
    {
      CommonName: cert.commonName,
      IssuerCommonName: cert.issuer,
      NotBefore: cert.notBefore,
      NotAfter: cert.notAfter,
      RemainDay: remainDays(cert.notAfter),
    },
  ];
  if (cert.source === "issued" && state.ca !== null) {
    entries.push({
      CommonName: state.ca.commonName,
      IssuerCommonName: state.ca.commonName,
      NotBefore: state.ca.notBefore,
      NotAfter: state.ca.notAfter,
      RemainDay: remainDays(state.ca.notAfter),
    });
  }
  return entries;
}
