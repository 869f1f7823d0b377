/**
 * CAS, the SSL Certificates Service (API version 2020-04-07): DV orders from a CSR against resource-plan quota,
 * DNS/FILE domain validation, issuance of real X.509 certificates by an emulator root CA, and the certificate
 * listings GA and ESA reference.
 */
import type { ServiceDefinition } from "../../core/contract";
import { certificateActions } from "./handlers/certificates";
import { casControls, dumpCasObjects } from "./controls";
import { tickOrders } from "./lifecycle";
import { listingActions } from "./handlers/listing";
import { orderActions } from "./handlers/orders";
import { applyCasSeed, defaultCasSeed } from "./seed";
import { tagActions } from "./handlers/tags";
import { emptyCasState, type CasState } from "./state";
import { certificateUsable } from "./views";
import type { CaCertificateRecord } from "../../core/serving-types";

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

export type { CasState } from "./state";

/**
 * True when CAS holds an issued or uploaded certificate with this id that is not revoked. Takes the numeric id as a
 * decimal string; the `<id>-cn-hangzhou` CertIdentifier form GA passes is accepted too.
 */
export function casCertificateExists(state: CasState, certId: string): boolean {
  const match = /^(\d+)(?:-cn-hangzhou)?$/.exec(certId.trim());
  if (match?.[1] === undefined) return false;
  return certificateUsable(state, BigInt(match[1]).toString());
}

/** The CAS service definition. */
export const casService: ServiceDefinition<CasState> = {
  product: "cas",
  emptyState: emptyCasState,
  tick: tickOrders,
  actions: { ...orderActions, ...listingActions, ...certificateActions, ...tagActions },
  applySeed: applyCasSeed,
  defaultSeed: defaultCasSeed,
  controls: casControls,
  dumpObjects: dumpCasObjects,
  certificateExists: casCertificateExists,
  caCertificates: casCaCertificates,
};
