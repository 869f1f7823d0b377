/**
 * Self-signed certificates for the esa.CustomHostname tests of every tier (built by the shared x509 helper).
 */
import { selfSignedCertificate as certificateFor, type TestCertificate } from "./x509";

export type { TestCertificate };

/** A self-signed ECDSA P-256 certificate for `names` (SANs; the first is the CN), valid for `days` from yesterday. */
export function selfSignedCertificate(names: readonly string[], days = 365): Promise<TestCertificate> {
  return certificateFor({
    cn: names[0] ?? "test",
    dnsNames: names,
    notAfter: new Date(Date.now() + days * 86_400_000),
  });
}
