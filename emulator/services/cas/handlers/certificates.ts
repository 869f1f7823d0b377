import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { CasErrors } from "../errors";
import { certificateOf } from "../lookups";
import type { CasState } from "../state";
import { certChainEntries, chainPem, chinaDate } from "../views";
import { parseBoolean } from "../params";

function getDetail(call: ApiCall, state: CasState, ctx: ServiceContext): Record<string, unknown> {
  const cert = certificateOf(call, state);
  const filter = parseBoolean("CertFilter", call.params["CertFilter"], false);
  const now = ctx.clock.now();
  return {
    Id: Number(cert.certId),
    Name: cert.name,
    CertIdentifier: `${cert.certId}-cn-hangzhou`,
    Common: cert.commonName,
    Sans: cert.sans.join(","),
    NotBefore: cert.notBefore,
    NotAfter: cert.notAfter,
    StartDate: chinaDate(cert.notBefore),
    EndDate: chinaDate(cert.notAfter),
    Expired: now >= cert.notAfter,
    Issuer: cert.issuer,
    Algorithm: cert.algorithm,
    Fingerprint: cert.fingerprint,
    Sha2: cert.sha2,
    SerialNo: cert.serialNo,
    InstanceId: cert.instanceId,
    BuyInAliyun: cert.source === "issued",
    ...(cert.orderId === null ? {} : { OrderId: BigInt(cert.orderId) }),
    CertChain: certChainEntries(cert, state, now),
    // CertFilter=true leaves out the PEM material (documented); Key is "" for CSR orders (CAS never had the key).
    ...(filter ? {} : { Cert: chainPem(cert, state), Key: cert.key }),
  };
}

function deleteCertificate(call: ApiCall, state: CasState, ctx: ServiceContext): Record<string, unknown> {
  const cert = certificateOf(call, state);
  const expired = ctx.clock.now() >= cert.notAfter;
  if (!(expired || cert.revoked || cert.source === "uploaded")) {
    throw CasErrors.statusNotSupport("Only expired, revoked or uploaded certificates can be deleted.");
  }
  delete state.certificates[cert.certId];
  return {};
}

/** The certificate-centred actions. */
export const certificateActions: Readonly<Record<string, ActionDefinition<CasState>>> = {
  GetUserCertificateDetail: { handler: getDetail, required: ["CertId"], write: false },
  DeleteUserCertificate: { handler: deleteCertificate, required: ["CertId"], write: true },
};
