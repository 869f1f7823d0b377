/**
 * Builders of `pulumi stack export` text for the status command's unit tests: the shapes the engine stores for this
 * package's resources (seen in tests/engine/status.test.ts's real exports), with secrets as the engine's ciphertext.
 */
import { type StatusDeps } from "../../../provider/cli/status/run";

/** The stored type token of a resource type. */
export const token = (type: string): string => `pulumi-nodejs:dynamic/alicloud-certs:${type}`;

/** A resource's URN in stack `prod` of project `shop`. */
export const urnOf = (type: string, name: string): string => `urn:pulumi:prod::shop::${token(type)}::${name}`;

/** A value as `pulumi stack export` stores a secret. */
export const ciphertext = (marker: string): Record<string, string> => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  ciphertext: `v1:${Buffer.from(marker).toString("base64")}`,
});

/** The contact details every fixture order carries (personal values: never printed). */
export const PERSONAL = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com" };

type Bag = Record<string, unknown>;

/** A stored resource. */
export interface Resource {
  urn: string;
  type: string;
  id: string;
  inputs: Bag;
  outputs: Bag;
  delete?: boolean;
  initErrors?: string[];
}

const DAY = 86_400_000;

/** A `cas.DvCertificateOrder`; issued when `certId` is given (with `notAfter`, `notBefore`, `renewalDue`). */
export function order(o: {
  name?: string;
  orderId: string;
  state?: string;
  domain?: string;
  certId?: string;
  notBefore?: string;
  notAfter?: string;
  renewalDue?: string | undefined;
  certificate?: string;
  pendingDeletion?: boolean;
  initErrors?: string[];
  inputs?: Bag;
}): Resource {
  const domain = o.domain ?? "shop.example.com";
  const issued =
    o.certId === undefined
      ? {}
      : {
          certId: o.certId,
          certIdentifier: `${o.certId}-cn-hangzhou`,
          notBefore: o.notBefore,
          notAfter: o.notAfter,
          renewalDue: o.renewalDue,
          ...(o.certificate === undefined ? {} : { certificate: o.certificate }),
        };
  const inputs = {
    csr: "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----",
    ...PERSONAL,
    validateType: "DNS",
    ...o.inputs,
  };
  return {
    urn: urnOf("CasDvCertificateOrder", o.name ?? "certificate"),
    type: token("CasDvCertificateOrder"),
    id: o.orderId,
    inputs,
    outputs: {
      ...inputs,
      orderId: o.orderId,
      state: o.state ?? (o.certId === undefined ? "domain_verify" : "certificate"),
      commonName: domain,
      ...issued,
    },
    ...(o.pendingDeletion === true ? { delete: true } : {}),
    ...(o.initErrors === undefined ? {} : { initErrors: o.initErrors }),
  };
}

/** A `cas.DvCertificateValidation` of `orderId`; issued when `certId` is given. */
export function validation(o: {
  name?: string;
  orderId: string;
  certId?: string;
  notAfter?: string;
  certificate?: string;
  pendingDeletion?: boolean;
  initErrors?: string[];
}): Resource {
  return {
    urn: urnOf("CasDvCertificateValidation", o.name ?? "validation"),
    type: token("CasDvCertificateValidation"),
    id: o.orderId,
    inputs: { orderId: o.orderId, timeoutSeconds: 600 },
    outputs: {
      orderId: o.orderId,
      timeoutSeconds: 600,
      state: o.certId === undefined ? "domain_verify" : "certificate",
      ...(o.certId === undefined
        ? {}
        : {
            certId: o.certId,
            certIdentifier: `${o.certId}-cn-hangzhou`,
            notAfter: o.notAfter,
            commonName: "shop.example.com",
          }),
      ...(o.certificate === undefined ? {} : { certificate: o.certificate }),
    },
    ...(o.pendingDeletion === true ? { delete: true } : {}),
    ...(o.initErrors === undefined ? {} : { initErrors: o.initErrors }),
  };
}

/** An `esa.CustomHostname`. `upload` stores its certificate as plain input (unless `secretPem`) and secret output. */
export function hostname(o: {
  name: string;
  hostname: string;
  hostnameId?: string;
  certType: "cas" | "upload" | "free";
  casId?: string;
  certificate?: string;
  secretPem?: boolean;
  certNotAfter?: string;
  certStatus?: string;
}): Resource {
  const inputs: Bag = {
    siteId: "7096621098379520",
    hostname: o.hostname,
    recordId: "4042843419650112",
    sslFlag: "on",
    certType: o.certType,
  };
  if (o.certType === "cas")
    Object.assign(inputs, { casId: o.casId, casRegion: "cn-hangzhou", certIdentifier: `${o.casId ?? ""}-cn-hangzhou` });
  if (o.certType === "upload")
    Object.assign(inputs, {
      certificate: o.secretPem === true ? ciphertext(o.certificate ?? "") : o.certificate,
      privateKey: ciphertext("PRIVATE KEY"),
    });
  const outputs: Bag = {
    ...inputs,
    hostnameId: o.hostnameId ?? "7200000000000001",
    status: "active",
    certStatus: o.certStatus ?? "OK",
  };
  if (o.certType === "upload") outputs["certificate"] = ciphertext(o.certificate ?? "");
  if (o.certNotAfter !== undefined) outputs["certNotAfter"] = o.certNotAfter;
  return {
    urn: urnOf("EsaCustomHostname", o.name),
    type: token("EsaCustomHostname"),
    id: String(outputs["hostnameId"]),
    inputs,
    outputs,
  };
}

/** A `ga.ListenerAdditionalCertificate`. */
export function binding(o: { name: string; domain: string; certId: string }): Resource {
  const bag = {
    acceleratorId: "ga-bp1emulatordefault0001",
    listenerId: "lsr-bp1emulatorhttps00001",
    domain: o.domain,
    certificateId: `${o.certId}-cn-hangzhou`,
  };
  return {
    urn: urnOf("GaListenerAdditionalCertificate", o.name),
    type: token("GaListenerAdditionalCertificate"),
    id: `${bag.acceleratorId}:${bag.listenerId}:${o.domain}`,
    inputs: bag,
    outputs: { ...bag, state: "active" },
  };
}

/** The export text of `resources`, written at `time`, with pending operations on the named resources. */
export function exportText(resources: readonly Resource[], options: { time?: Date; pending?: string[] } = {}): string {
  const stack = { urn: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod", type: "pulumi:pulumi:Stack" };
  return JSON.stringify({
    version: 3,
    deployment: {
      manifest: { time: (options.time ?? new Date("2027-01-01T00:00:00Z")).toISOString(), version: "v3.259.0" },
      resources: [stack, ...resources],
      ...(options.pending === undefined
        ? {}
        : { pending_operations: options.pending.map((urn) => ({ resource: { urn }, type: "creating" })) }),
    },
  });
}

/** Fakes for `runStatus`: the export text, the provider's clock at `now`, the wall clock at `wall`. */
export function deps(
  text: string,
  now: string,
  wall = "2027-01-01T00:00:00Z",
): StatusDeps & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return {
    readExport: async () => text,
    clock: async () => new Date(now),
    wallClock: () => new Date(wall),
    liveApi: () => {
      throw new Error("no live API in this test");
    },
    writeFile: (file, body) => written.set(file, body),
    written,
  };
}

/** `iso(base, days)`: an instant `days` after `base`. */
export function plusDays(base: string, days: number): string {
  return new Date(Date.parse(base) + days * DAY).toISOString();
}
