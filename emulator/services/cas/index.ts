/**
 * CAS, the SSL Certificates Service (API version 2020-04-07): DV orders from a CSR against resource-plan quota,
 * DNS/FILE domain validation, issuance of real X.509 certificates by an emulator root CA, and the certificate
 * listings GA and ESA reference.
 */
import type { ServiceDefinition } from "../../core/contract";
import { casControls } from "./controls";
import { dumpCasObjects } from "./dump";
import { certificateActions } from "./handlers/certificates";
import { listingActions } from "./handlers/listing";
import { orderActions } from "./handlers/orders";
import { tagActions } from "./handlers/tags";
import { tickOrders } from "./lifecycle";
import { casCertificateExists } from "./lookups";
import { applyCasSeed, defaultCasSeed } from "./seed";
import { casCaCertificates } from "./serving";
import { emptyCasState, type CasState } from "./state";

export type { CasState } from "./state";
export { casCertificateExists } from "./lookups";
export { casCaCertificates } from "./serving";

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
