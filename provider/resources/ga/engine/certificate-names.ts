/**
 * The names of the CAS certificates the GA engine is about to bind, read once per certificate per provider host
 * process (one `pulumi` command): GetUserCertificateDetail with `CertFilter=true` (no PEM material, the documented
 * way to read only the details). A certificate's names never change (a CAS certificate is immutable), so one read
 * answers every intent of the run that binds it, whichever resource submitted it.
 */
import { CERT_IDENTIFIER } from "../../common/check";
import { presentedNames } from "../../common/coverage";
import { messageOf } from "../../common/dynamic";
import { progress } from "../../common/host";
import { GetUserCertificateDetail } from "../../../transport/operations/cas";
import { untilDeadline } from "./contention";
import { type GaApi } from "./live";

/** What the read of one certificate gave: its names, or why they are not known (the binding then goes unchecked). */
export type CertificateNames =
  { readonly kind: "names"; readonly names: readonly string[] } | { readonly kind: "unread"; readonly reason: string };

/** Process-wide reads by certificate id (module state, like the scheduler's); `clear()` starts over (tests). */
export const certificateNameReads = new Map<string, Promise<CertificateNames>>();

async function readNames(api: GaApi, certificateId: string, budgetMs: number): Promise<CertificateNames> {
  const numericId = CERT_IDENTIFIER.exec(certificateId)?.[1];
  if (numericId === undefined) return { kind: "unread", reason: `"${certificateId}" is not <certId>-<region>` };
  try {
    const detail = await api.call(
      GetUserCertificateDetail,
      { CertId: numericId, CertFilter: true },
      untilDeadline(budgetMs, `GetUserCertificateDetail ${numericId}`),
    );
    // The CAS endpoint serves one site (China or international): a certificate of the other site may share the
    // number. Only an answer for this very identifier says anything about it.
    if (detail.certIdentifier !== undefined && detail.certIdentifier !== certificateId)
      return { kind: "unread", reason: `CAS answered for ${detail.certIdentifier}` };
    const names = presentedNames(detail.sans, detail.commonName);
    return names.length > 0 ? { kind: "names", names } : { kind: "unread", reason: "CAS lists no names for it" };
  } catch (error: unknown) {
    return { kind: "unread", reason: messageOf(error) };
  }
}

/**
 * The names of `certificateId`: read at most once per process (concurrent askers share the read). A failed read is
 * not a refusal: GA has the last word on a certificate it cannot use, so the binding goes ahead unchecked, said once.
 */
export function certificateNames(api: GaApi, certificateId: string, budgetMs: number): Promise<CertificateNames> {
  let read = certificateNameReads.get(certificateId);
  if (read === undefined) {
    read = readNames(api, certificateId, budgetMs).then((result) => {
      if (result.kind === "unread")
        progress(
          `GA: cannot check which domains CAS certificate ${certificateId} covers (${result.reason}); binding it unchecked`,
        );
      return result;
    });
    certificateNameReads.set(certificateId, read);
  }
  return read;
}
