/**
 * The facts the report is built from, read from the stored outputs of this package's resources, by type token only
 * (the state is a public API; resource internals are not imported). Nothing secret or personal is copied: a fact is
 * an id, a state, a date, a DNS name or a fingerprint. Personal values (the order's username, phone and email) are
 * collected only so that any text the report prints can be scrubbed of them.
 */
import {
  CUSTOM_HOSTNAME_TYPE,
  DV_CERTIFICATE_ORDER_TYPE,
  DV_CERTIFICATE_VALIDATION_TYPE,
  LISTENER_ADDITIONAL_CERTIFICATE_TYPE,
  LISTENER_ADDITIONAL_CERTIFICATES_TYPE,
  TOKEN_MODULE,
} from "../../resources/common/type-tokens";
import { leafFacts } from "./certificate-pem";
import { isSecretValue, type StackState, type StoredBag, type StoredResource } from "./stack-state";

/** `pulumi-nodejs:dynamic/alicloud-certs:<Type>`: the stored type token of one of this package's resources. */
export function typeToken(type: string): string {
  return `pulumi-nodejs:dynamic/${TOKEN_MODULE}:${type}`;
}

/** A plain (not secret) non-empty string of a bag. */
function text(bag: StoredBag, key: string): string | undefined {
  const value = bag[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A number of a bag. */
function number(bag: StoredBag, key: string): number | undefined {
  const value = bag[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** An ISO 8601 instant of a bag, normalized; undefined when absent or not a date. */
function instant(bag: StoredBag, key: string): string | undefined {
  const value = text(bag, key);
  if (value === undefined || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(value).toISOString();
}

/** A certificate the stack holds: issued for one of its orders (recorded by the order or its waiter). */
export interface HeldCertificate {
  readonly certId: string | undefined;
  readonly fingerprint: string | undefined;
  readonly names: readonly string[];
  readonly notBefore: string | undefined;
  readonly notAfter: string;
  readonly orderId: string;
  /** The URN of the order resource (its lineage: old and new orders of one resource share it). */
  readonly lineage: string;
}

/** One `cas.DvCertificateOrder` of the state, merged with what its waiter recorded. */
export interface OrderFacts {
  readonly urn: string;
  readonly name: string;
  readonly orderId: string;
  /** The order's state, or `certificate` once its waiter recorded the issuance the order has not recorded yet. */
  readonly state: string;
  readonly commonName: string | undefined;
  readonly productCode: string;
  readonly pendingDeletion: boolean;
  readonly supersededBy: string | undefined;
  /** As recorded by the order (its next `up` records it once the issuance is known). */
  readonly renewalDue: string | undefined;
  /** The `renewBeforeDays` input: undefined (one third of the lifetime), 0 (off) or days. */
  readonly renewBeforeDays: number | undefined;
  /** An adopted order (`orderId` input) is never renewed. */
  readonly adopted: boolean;
  /** The issued certificate, when known. */
  readonly certificate: HeldCertificate | undefined;
  /** Why the last run failed on this order or its waiter (partial failure reasons), if it did. */
  readonly failure: string | undefined;
}

/** An ESA hostname with a free (ESA-issued) certificate: a certificate of its own, renewed by a plain `up`. */
export interface FreeCertificateFacts {
  readonly urn: string;
  readonly name: string;
  readonly hostnameId: string | undefined;
  readonly hostname: string;
  readonly certStatus: string | undefined;
  readonly notAfter: string | undefined;
  readonly pendingDeletion: boolean;
}

/** What a consumer serves, as far as the state tells. */
export interface ServedCertificate {
  /** The CAS certificate id (ESA `casId`, GA `<certId>-<region>`). */
  readonly certId?: string | undefined;
  /** SHA-256 fingerprint of an uploaded leaf (ESA `upload`, when its PEM is stored in plain text). */
  readonly fingerprint?: string | undefined;
  /** The served certificate's notAfter, when recorded (ESA `certNotAfter`). */
  readonly notAfter?: string | undefined;
}

/** Where a live read finds a consumer. */
export type ConsumerLocation =
  | { readonly product: "esa"; readonly hostnameId: string }
  | { readonly product: "ga"; readonly acceleratorId: string; readonly listenerId: string };

/** One domain served with a certificate: an ESA hostname (`cas` or `upload`) or one GA binding. */
export interface ConsumerFacts {
  readonly urn: string;
  readonly name: string;
  /** `esa.CustomHostname (cas)`, `esa.CustomHostname (upload)`, `ga.ListenerAdditionalCertificate(s)`. */
  readonly kind: string;
  readonly domain: string;
  readonly served: ServedCertificate;
  readonly location: ConsumerLocation | undefined;
}

/** Everything the assessment reads. */
export interface StackFacts {
  readonly stack: string | undefined;
  readonly project: string | undefined;
  readonly orders: readonly OrderFacts[];
  readonly free: readonly FreeCertificateFacts[];
  readonly consumers: readonly ConsumerFacts[];
  /** Operations a run started and has not finished. */
  readonly pendingOperations: number;
  readonly checkpointTime: Date | undefined;
  /** Personal values found in the state (contact details): scrubbed from every printed text. */
  readonly personal: readonly string[];
}

/** The API's default `ProductCode` (CreateCertificateWithCsrRequest), the issuer when the input is unset. */
const DEFAULT_PRODUCT_CODE = "digicert-free-1-free";

/** `<certId>-<region>` → certId. */
export function certIdOfIdentifier(identifier: string | undefined): string | undefined {
  return identifier === undefined ? undefined : /^(\d+)-[a-z0-9-]+$/.exec(identifier)?.[1];
}

function heldCertificate(bag: StoredBag, orderId: string, lineage: string): HeldCertificate | undefined {
  const pem = text(bag, "certificate");
  const leaf = pem === undefined ? undefined : leafFacts(pem);
  const notAfter = instant(bag, "notAfter") ?? leaf?.notAfter;
  if (notAfter === undefined) return undefined;
  const commonName = text(bag, "commonName")?.toLowerCase();
  return {
    certId: text(bag, "certId") ?? certIdOfIdentifier(text(bag, "certIdentifier")),
    fingerprint: leaf?.fingerprint,
    names: leaf?.names ?? (commonName === undefined ? [] : [commonName]),
    notBefore: instant(bag, "notBefore") ?? leaf?.notBefore,
    notAfter,
    orderId,
    lineage,
  };
}

function orderFacts(order: StoredResource, waiters: readonly StoredResource[]): OrderFacts | undefined {
  const orderId = order.id ?? text(order.outputs, "orderId");
  if (orderId === undefined) return undefined;
  const out = order.outputs;
  const recordedState = text(out, "state") ?? "unknown";
  // The waiter of this order: the live one first (a replaced waiter of the same order id records the same facts).
  const waiter = [...waiters]
    .filter((w) => text(w.outputs, "orderId") === orderId)
    .sort((a, b) => Number(a.pendingDeletion) - Number(b.pendingDeletion))[0];
  const byOrder = recordedState === "certificate" ? heldCertificate(out, orderId, order.urn) : undefined;
  // Only an order still waiting for issuance takes the waiter's record: a revoked or cancelled order (`unknow`,
  // `payed`) is not made valid again by what its waiter saw earlier.
  const waiting = recordedState === "domain_verify" || recordedState === "process";
  const byWaiter =
    byOrder === undefined && waiting && waiter !== undefined && text(waiter.outputs, "state") === "certificate"
      ? heldCertificate(waiter.outputs, orderId, order.urn)
      : undefined;
  const certificate = byOrder ?? byWaiter;
  const failure = [...order.initErrors, ...(waiter?.initErrors ?? [])].join("; ");
  const renewBeforeDays = number(order.inputs, "renewBeforeDays") ?? number(out, "renewBeforeDays");
  return {
    urn: order.urn,
    name: order.name,
    orderId,
    state: certificate !== undefined ? "certificate" : recordedState,
    commonName: text(out, "commonName")?.toLowerCase() ?? certificate?.names[0],
    productCode: text(out, "productCode") ?? text(order.inputs, "productCode") ?? DEFAULT_PRODUCT_CODE,
    pendingDeletion: order.pendingDeletion,
    supersededBy: text(out, "supersededBy"),
    renewalDue: instant(out, "renewalDue"),
    renewBeforeDays,
    adopted: text(order.inputs, "orderId") !== undefined,
    certificate,
    failure: failure === "" ? undefined : failure,
  };
}

/** What an ESA hostname serves (cas: its CasId; upload: the plain PEM's fingerprint, and ESA's CertNotAfter). */
function esaServed(resource: StoredResource, certType: string): ServedCertificate {
  const out = resource.outputs;
  if (certType === "cas") return { certId: text(out, "casId") ?? text(resource.inputs, "casId") };
  // The uploaded certificate is a secret output (ESA returns it with its key); the input echo is plain text unless
  // the program passed a secret, and it is what the last successful update sent.
  const pem = text(resource.inputs, "certificate") ?? text(out, "certificate");
  return {
    fingerprint: pem === undefined ? undefined : leafFacts(pem)?.fingerprint,
    notAfter: instant(out, "certNotAfter"),
  };
}

function consumersOf(resource: StoredResource): ConsumerFacts[] {
  if (resource.pendingDeletion) return [];
  const out = resource.outputs;
  if (resource.type === typeToken(CUSTOM_HOSTNAME_TYPE)) {
    const certType = text(out, "certType") ?? text(resource.inputs, "certType");
    const hostname = text(out, "hostname") ?? text(resource.inputs, "hostname");
    if (hostname === undefined || (certType !== "cas" && certType !== "upload") || text(out, "sslFlag") === "off")
      return [];
    const hostnameId = resource.id ?? text(out, "hostnameId");
    return [
      {
        urn: resource.urn,
        name: resource.name,
        kind: `esa.CustomHostname (${certType})`,
        domain: hostname.toLowerCase(),
        served: esaServed(resource, certType),
        location: hostnameId === undefined ? undefined : { product: "esa", hostnameId },
      },
    ];
  }
  const acceleratorId = text(out, "acceleratorId");
  const listenerId = text(out, "listenerId");
  const location: ConsumerLocation | undefined =
    acceleratorId === undefined || listenerId === undefined ? undefined : { product: "ga", acceleratorId, listenerId };
  if (resource.type === typeToken(LISTENER_ADDITIONAL_CERTIFICATE_TYPE)) {
    const domain = text(out, "domain");
    if (domain === undefined) return [];
    const certificateId = text(out, "certificateId");
    return [
      {
        urn: resource.urn,
        name: resource.name,
        kind: "ga.ListenerAdditionalCertificate",
        domain: domain.toLowerCase(),
        served: { certId: certIdOfIdentifier(certificateId) },
        location,
      },
    ];
  }
  if (resource.type === typeToken(LISTENER_ADDITIONAL_CERTIFICATES_TYPE)) {
    const map = out["certificates"];
    if (typeof map !== "object" || map === null || isSecretValue(map)) return [];
    return Object.entries(map as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([domain, certificateId]) => ({
        urn: resource.urn,
        name: `${resource.name}[${domain}]`,
        kind: "ga.ListenerAdditionalCertificates",
        domain: domain.toLowerCase(),
        served: { certId: certIdOfIdentifier(certificateId) },
        location,
      }));
  }
  return [];
}

/** The facts of every certificate and consumer of this package in the state. */
export function stackFacts(state: StackState): StackFacts {
  const ofType = (type: string): StoredResource[] => state.resources.filter((r) => r.type === typeToken(type));
  const waiters = ofType(DV_CERTIFICATE_VALIDATION_TYPE);
  const orderResources = ofType(DV_CERTIFICATE_ORDER_TYPE);
  const personal = orderResources.flatMap((r) =>
    ["username", "phone", "email"].flatMap((key) => [text(r.inputs, key), text(r.outputs, key)]),
  );
  const free = ofType(CUSTOM_HOSTNAME_TYPE)
    .filter((r) => text(r.outputs, "certType") === "free" && text(r.outputs, "sslFlag") !== "off")
    .map((r) => ({
      urn: r.urn,
      name: r.name,
      hostnameId: r.id ?? text(r.outputs, "hostnameId"),
      hostname: (text(r.outputs, "hostname") ?? r.name).toLowerCase(),
      certStatus: text(r.outputs, "certStatus"),
      notAfter: instant(r.outputs, "certNotAfter"),
      pendingDeletion: r.pendingDeletion,
    }));
  return {
    stack: state.stack,
    project: state.project,
    orders: orderResources.map((r) => orderFacts(r, waiters)).filter((o): o is OrderFacts => o !== undefined),
    free,
    consumers: state.resources.flatMap(consumersOf),
    pendingOperations: state.pendingOperations.length,
    checkpointTime: state.checkpointTime,
    personal: [...new Set(personal.filter((v): v is string => v !== undefined && v.length >= 3))],
  };
}
