/**
 * The coverage gate of `certType: "cas"`: before a CreateCustomHostname or UpdateCustomHostname that binds a CAS
 * certificate (`CasId`), the certificate must cover the hostname (RFC 6125 §6.4, `common/coverage.ts`), or ESA would
 * serve a certificate browsers reject for it. An uploaded certificate is checked offline at preview (check.ts); a CAS
 * certificate needs the one read that gives its names: GetUserCertificateDetail with `CertFilter=true` (no PEM).
 *
 * A read that fails (no permission, a certificate of the other CAS site) refuses nothing: ESA has the last word on a
 * certificate it cannot use, so the write goes ahead unchecked, said on the resource's row.
 */
import { GetUserCertificateDetail } from "../../../transport/operations/cas";
import { quote } from "../../common/check";
import { coveringName, presentedNames } from "../../common/coverage";
import { messageOf } from "../../common/dynamic";
import { progress, type AlibabaApi } from "../../common/host";

/** Longest list of a certificate's names a message shows. */
const SHOWN_NAMES = 8;

/** Why a certificate with `names` may not serve `hostname`; undefined when one of them covers it. */
export function uncoveredHostname(hostname: string, certificate: string, names: readonly string[]): string | undefined {
  if (coveringName(names, hostname) !== undefined) return undefined;
  const shown =
    names.slice(0, SHOWN_NAMES).join(", ") + (names.length > SHOWN_NAMES ? `, … (${names.length} names)` : "");
  return (
    `certIdentifier: CAS certificate ${certificate} does not cover hostname ${quote(hostname)}: its names are ` +
    `${shown}. A name covers the hostname when it equals it (ignoring case) or is "*.<parent>" with the hostname one ` +
    `label under <parent> (RFC 6125 §6.4.3). Use a certificate that names the hostname`
  );
}

/**
 * Resolve when CAS certificate `casId` (`casRegion`) covers `hostname`, or when its names cannot be read; throw the
 * refusal otherwise. One GetUserCertificateDetail.
 */
export async function assertCasCovers(
  api: AlibabaApi,
  hostname: string,
  casId: string,
  casRegion: string | undefined,
): Promise<void> {
  const certificate = casRegion === undefined ? casId : `${casId}-${casRegion}`;
  let names: string[];
  try {
    const detail = await api.call(GetUserCertificateDetail, { CertId: casId, CertFilter: true });
    // The CAS endpoint serves one site: a certificate of the other site may share the number. Only an answer for
    // this very identifier says anything about it.
    if (casRegion !== undefined && detail.certIdentifier !== undefined && detail.certIdentifier !== certificate) {
      progress(`${hostname}: CAS answered for ${detail.certIdentifier}, not ${certificate}; binding it unchecked`);
      return;
    }
    names = presentedNames(detail.sans, detail.commonName);
  } catch (error: unknown) {
    progress(
      `${hostname}: cannot read which names CAS certificate ${certificate} covers (${messageOf(error)}); binding it unchecked`,
    );
    return;
  }
  if (names.length === 0) return;
  const reason = uncoveredHostname(hostname, certificate, names);
  if (reason !== undefined) throw new Error(`esa.CustomHostname ${hostname}: ${reason}`);
}
