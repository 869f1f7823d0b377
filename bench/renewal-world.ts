/**
 * The world of the renewal scenario: a fresh emulator holding the old and the new certificate, and N consumers of
 * the old one, mixed across the three kinds the package serves a CAS certificate on: ESA hostnames with the PEM
 * uploaded (`certType: upload`), ESA hostnames referencing it in CAS (`certType: cas`) and GA listener bindings
 * (`ga.ListenerAdditionalCertificate`). Consumers are created through the same provider objects the measured phase
 * uses, so their stored state is exactly what a `pulumi up` would have recorded.
 */
import { startEmulator, type RunningEmulator } from "../emulator";
import { type PropertyBag } from "../provider/resources/common/dynamic";
import { configureHost } from "../provider/resources/common/host";
import { AlibabaClient } from "../provider/transport/client";
import { GetUserCertificateDetail } from "../provider/transport/operations/cas";
import { configFromRecord } from "../provider/transport/settings";
import { freshHost, type ProviderHost } from "./provider-host";

export const SITE_ID = "7096621098379520"; // example-saas.com (enterprise plan, 50 hostnames) in the default seed
export const RECORD_ID = "4042843419650112"; // origin.example-saas.com, proxied
export const ACCELERATOR_ID = "ga-bp1emulatordefault0001";
export const LISTENER_ID = "lsr-bp1emulatorhttps00001";
/** Seeded certificates: the one every consumer serves at the start, and its renewal. */
export const OLD_CERT_ID = "21000001";
export const NEW_CERT_ID = "21000002";
/** Both certificates are for this wildcard, so one covers every consumer's hostname. */
const WILDCARD = "*.bench-customers.com";

/** The kinds of consumer, assigned round-robin: consumer i (0-based) is `KINDS[i % 3]`. */
export const KINDS = ["esa-upload", "esa-cas", "ga-binding"] as const;
export type ConsumerKind = (typeof KINDS)[number];

/** A certificate as a consumer takes it. */
export interface CertificateMaterial {
  readonly certId: string;
  /** `<certId>-cn-hangzhou`, for ESA `cas` and GA. */
  readonly identifier: string;
  readonly pem: string;
  readonly key: string;
}

/** One consumer and the state its resource recorded. */
export interface Consumer {
  readonly kind: ConsumerKind;
  readonly hostname: string;
  readonly id: string;
  /** The stored outputs (olds for the next operation). */
  outs: PropertyBag;
}

/** A running renewal world. */
export interface RenewalWorld {
  readonly emu: RunningEmulator;
  readonly oldCert: CertificateMaterial;
  readonly newCert: CertificateMaterial;
  readonly consumers: Consumer[];
}

/** The inputs of consumer `kind` for `hostname`, serving `cert` (what the program would pass). */
export function consumerInputs(kind: ConsumerKind, hostname: string, cert: CertificateMaterial): PropertyBag {
  if (kind === "ga-binding")
    return { acceleratorId: ACCELERATOR_ID, listenerId: LISTENER_ID, domain: hostname, certificateId: cert.identifier };
  const common = { siteId: SITE_ID, recordId: RECORD_ID, hostname, waitFor: "none" };
  return kind === "esa-upload"
    ? { ...common, certType: "upload", certificate: cert.pem, privateKey: cert.key }
    : { ...common, certType: "cas", certIdentifier: cert.identifier };
}

/** `check`, failing loudly: a bench input the provider rejects is a bench bug. */
export async function checked(host: ProviderHost, kind: ConsumerKind, raw: PropertyBag): Promise<PropertyBag> {
  const result = kind === "ga-binding" ? await host.ga.check({}, raw) : await host.esa.check({}, raw);
  if ((result.failures ?? []).length > 0)
    throw new Error(`bench: ${kind} inputs rejected: ${JSON.stringify(result.failures)}`);
  return result.inputs as PropertyBag;
}

async function material(client: AlibabaClient, certId: string): Promise<CertificateMaterial> {
  const detail = await client.call(GetUserCertificateDetail, { CertId: certId });
  if (detail.cert === undefined || detail.key === undefined) throw new Error(`bench: certificate ${certId} has no PEM`);
  return { certId, identifier: `${certId}-cn-hangzhou`, pem: detail.cert, key: detail.key };
}

/** A client bound to this emulator only (nothing from the caller's environment may steer it). */
export function clientOf(emu: RunningEmulator): AlibabaClient {
  return new AlibabaClient({
    config: configFromRecord({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret }),
    env: { ALICLOUD_CERTS_ENDPOINT: emu.url },
  });
}

/**
 * Point the host process's client at the emulator the way a real host is configured: the endpoint from the
 * environment and the keys through `configure` (which also drops the client built for an earlier emulator).
 */
export function bindHost(emu: RunningEmulator): void {
  process.env["ALICLOUD_CERTS_ENDPOINT"] = emu.url;
  configureHost(configFromRecord({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret }));
}

/** Undo {@link bindHost}: never leave the host client bound to a closed emulator. */
export function unbindHost(): void {
  delete process.env["ALICLOUD_CERTS_ENDPOINT"];
  configureHost(configFromRecord({}));
}

/**
 * Start a fresh emulator with the two certificates and N consumers of the old one, all serving, created by a host
 * of their own (the `pulumi up` before the renewal). Binds the host client (module state) to the emulator; the caller
 * unbinds it.
 */
export async function startRenewalWorld(n: number, gaWriteMs: number): Promise<RenewalWorld> {
  // The default seed (its ESA site and GA listener) plus the two certificates.
  const emu = await startEmulator({ quiet: true, timings: { gaWriteMs } });
  await emu.control.seed({
    cas: {
      certificates: [
        { certId: OLD_CERT_ID, commonName: WILDCARD },
        { certId: NEW_CERT_ID, commonName: WILDCARD },
      ],
    },
  });
  // The baseline creates every ESA hostname a second time; ESA's 100 creates per hour would stop it at N = 50
  // (in the replacing baseline's favour to lift it: the limit only makes replacing slower).
  await emu.control.setRateLimit({ product: "esa", action: "CreateCustomHostname", disabled: true });
  const client = clientOf(emu);
  bindHost(emu);
  const [oldCert, newCert] = [await material(client, OLD_CERT_ID), await material(client, NEW_CERT_ID)];
  const host = await freshHost();
  const consumers = await Promise.all(
    Array.from({ length: n }, async (_, i): Promise<Consumer> => {
      const kind = KINDS[i % KINDS.length] ?? "esa-upload";
      const hostname = `c${i + 1}.bench-customers.com`;
      const inputs = await checked(host, kind, consumerInputs(kind, hostname, oldCert));
      const created = kind === "ga-binding" ? await host.ga.create(inputs) : await host.esa.create(inputs);
      return { kind, hostname, id: created.id, outs: created.outs as PropertyBag };
    }),
  );
  return { emu, oldCert, newCert, consumers };
}
