/**
 * The SSL block shared by CreateCustomHostname and UpdateCustomHostname (SslFlag, CertType, Certificate, PrivateKey,
 * CasId, CasRegion). It is validated completely before anything changes, so a rejected call leaves state untouched.
 */
import type { ServiceContext } from "../../../core/contract";
import { checkStep } from "./conditions";
import { casCertificateNotFound, missingConditional } from "../errors";
import { verifyUpload } from "./certificates";
import { EXPIRING_WINDOW_MS, clearCertificate, startFreeApplication } from "../lifecycle";
import { optional, optionalEnum, optionalIdParam } from "../params";
import type { CertStatus, CertType, EsaCustomHostname, EsaState } from "../state";

type Params = Readonly<Record<string, string>>;

/** CasRegion values the doc allows: the China site's and the international site's CAS region. */
export const CAS_REGIONS = ["cn-hangzhou", "ap-southeast-1"] as const;

/** Applies a validated SSL change to a hostname. */
export type SslChange = (h: EsaCustomHostname) => void;

/** What an installed (uploaded or CAS) certificate sets on the hostname besides its type. */
type InstalledCertificate = Partial<
  Pick<
    EsaCustomHostname,
    "certificate" | "privateKey" | "certId" | "certNotAfter" | "certStatus" | "casId" | "casRegion"
  >
>;

/** The change that turns SSL on with this certificate, in place of whatever certificate the hostname had. */
function installing(certType: CertType, certificate: InstalledCertificate, now: number): SslChange {
  return (h) => {
    clearCertificate(h);
    h.sslFlag = "on";
    h.certType = certType;
    Object.assign(h, certificate);
    h.updateTime = now;
  };
}

/** The certificate status an installed certificate with this NotAfter has at `now`. */
export function statusForNotAfter(notAfter: number, now: number): CertStatus {
  if (now >= notAfter) return "Expired";
  return now >= notAfter - EXPIRING_WINDOW_MS ? "Expiring" : "OK";
}

/** Rejects malformed SSL enums and ids up front, so they fail as parameter errors before any look-up. */
export function checkSslSyntax(params: Params): void {
  optionalEnum(params, "SslFlag", ["on", "off"]);
  optionalEnum(params, "CertType", ["free", "upload", "cas"]);
  optionalIdParam(params, "CasId");
  optionalEnum(params, "CasRegion", CAS_REGIONS);
}

/**
 * Validates the SSL parameters against `current` (undefined on create) and returns the change to apply, or
 * `undefined` when an update carries no SSL parameter at all. Omitted fields on update keep their current value
 * (e.g. SslFlag=on alone keeps the certificate; a new Certificate needs its PrivateKey too). A failing back-end step
 * (model/conditions.ts) answers its documented code with `stepStatus`, the HTTP status the calling action documents.
 */
export function planSsl(
  params: Params,
  hostname: string,
  current: EsaCustomHostname | undefined,
  ctx: ServiceContext,
  state: EsaState,
  stepStatus = 400,
): SslChange | undefined {
  const sslFlagParam = optionalEnum(params, "SslFlag", ["on", "off"]);
  const certTypeParam = optionalEnum<CertType>(params, "CertType", ["free", "upload", "cas"]);
  const certificate = optional(params, "Certificate");
  const privateKey = optional(params, "PrivateKey");
  const casIdParam = optionalIdParam(params, "CasId");
  const casRegionParam = optionalEnum(params, "CasRegion", CAS_REGIONS);
  const touched = [sslFlagParam, certTypeParam, certificate, privateKey, casIdParam, casRegionParam].some(
    (v) => v !== undefined,
  );
  if (current && !touched) return undefined;

  const sslFlag = sslFlagParam ?? current?.sslFlag ?? "off";
  const now = ctx.clock.now();
  if (sslFlag === "off") {
    return (h) => {
      clearCertificate(h);
      h.sslFlag = "off";
      h.updateTime = now;
    };
  }
  const wasOn = current?.sslFlag === "on";
  const certType = certTypeParam ?? (wasOn ? (current?.certType ?? undefined) : undefined);
  if (certType === undefined) throw missingConditional("CertType", "SslFlag is on");
  const same = wasOn && current?.certType === certType;

  switch (certType) {
    case "free":
      if (!same) checkStep(state, "applyCert", ctx, stepStatus);
      return (h) => {
        if (!same) {
          clearCertificate(h);
          h.certType = "free";
          startFreeApplication(h, now);
        }
        h.sslFlag = "on";
        h.updateTime = now;
      };
    case "upload": {
      if (same && certificate === undefined && privateKey === undefined) {
        return (h) => {
          h.updateTime = now;
        };
      }
      if (certificate === undefined) throw missingConditional("Certificate", "CertType is upload");
      if (privateKey === undefined) throw missingConditional("PrivateKey", "CertType is upload");
      const upload = verifyUpload(certificate, privateKey, hostname);
      checkStep(state, "setCert", ctx, stepStatus);
      return installing(
        "upload",
        {
          certificate,
          privateKey,
          certId: upload.certId,
          certNotAfter: upload.notAfter,
          certStatus: statusForNotAfter(upload.notAfter, now),
        },
        now,
      );
    }
    case "cas": {
      const casId = casIdParam ?? (same ? (current?.casId ?? undefined) : undefined);
      const casRegion = casRegionParam ?? (same ? (current?.casRegion ?? undefined) : undefined);
      if (casId === undefined) throw missingConditional("CasId", "CertType is cas");
      if (casRegion === undefined) throw missingConditional("CasRegion", "CertType is cas");
      // ESA pulls the certificate from CAS by id, so an id CAS does not hold cannot be deployed.
      checkStep(state, "queryCas", ctx);
      if (!ctx.lookup.casCertificateExists(casId)) throw casCertificateNotFound(casId);
      checkStep(state, "setCert", ctx, stepStatus);
      return installing("cas", { casId, casRegion, certStatus: "OK" }, now);
    }
  }
}
