/**
 * What the serving timeline (core/serving.ts) needs from CAS, the CA of the emulated world: every certificate it holds,
 * to identify and judge what the ESA and GA consumers serve.
 */
import type { CaCertificateRecord } from "../../core/serving-types";
import type { CasState } from "./state";

/** Every certificate CAS holds, as the serving timeline identifies and judges them. */
export function casCaCertificates(state: CasState): CaCertificateRecord[] {
  return Object.values(state.certificates).map((c) => ({
    certId: c.certId,
    sha256: c.sha2,
    serialNo: c.serialNo,
    commonName: c.commonName,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    // A revocation recorded before revokedAt existed counts from the beginning of time: the safe reading.
    revokedAt: c.revoked ? (c.revokedAt ?? 0) : null,
  }));
}
