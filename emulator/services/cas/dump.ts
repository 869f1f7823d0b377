/** `GET /__emulator/objects` summary of CAS. */
import type { CasState } from "./state";

/** Everything CAS holds, for `GET /__emulator/objects`: ids as strings, no private keys, no PEM bodies. */
export function dumpCasObjects(state: CasState): unknown {
  return {
    packages: Object.values(state.packages).map((p) => ({ ...p })),
    orders: Object.values(state.orders).map((o) => ({
      orderId: o.orderId,
      instanceId: o.instanceId,
      productCode: o.productCode,
      domain: o.domain,
      sans: [...o.sans],
      validateType: o.validateType,
      state: o.state,
      certId: o.certId,
      createdAt: o.createdAt,
      quotaReleased: o.quotaReleased,
      reusedValidationAt: o.reusedValidationAt ?? null,
    })),
    validations: Object.values(state.validations ?? {}).map((v) => ({ ...v })),
    certificates: Object.values(state.certificates).map((c) => ({
      certId: c.certId,
      orderId: c.orderId,
      source: c.source,
      commonName: c.commonName,
      sans: [...c.sans],
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      issuer: c.issuer,
      fingerprint: c.fingerprint,
      revoked: c.revoked,
    })),
    ca:
      state.ca === null
        ? null
        : { commonName: state.ca.commonName, notBefore: state.ca.notBefore, notAfter: state.ca.notAfter },
  };
}
