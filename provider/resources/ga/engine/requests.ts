/**
 * Mapping from planned writes to GA request parameters, and the ClientToken each write carries. Pure functions.
 */
import { createHash, randomUUID } from "node:crypto";
import {
  type AssociateAdditionalCertificatesRequest,
  type DissociateAdditionalCertificatesRequest,
  type UpdateAdditionalCertificateRequest,
} from "../../../transport/operations/ga";
import { type BindingIntent, type WriteKind } from "./types";

/** The wire action of each write kind. Note the delete action is `Dissociate…From…`, not `…With…`. */
export const WRITE_ACTIONS: Readonly<Record<WriteKind, string>> = {
  associate: "AssociateAdditionalCertificatesWithListener",
  update: "UpdateAdditionalCertificateWithListener",
  dissociate: "DissociateAdditionalCertificatesFromListener",
};

/**
 * The ClientToken of one write: `pac-` + 40 hex digits of SHA-256 over (action, accelerator, listener, the batch's
 * sorted `domain=certificate` pairs, nonce). ASCII and 44 characters, within the documented 64.
 *
 * The transport resends the very same request (token included) after a timeout or reset, so GA applies the write at
 * most once. The `nonce` (one per planned write) is there because GA remembers tokens: with content alone, a later
 * legitimate repeat of the same write (associate a domain, dissociate it, associate it again) would be answered as a
 * replay and silently not applied.
 */
export function clientToken(kind: WriteKind, intents: readonly BindingIntent[], nonce: string): string {
  const first = intents[0];
  const content = intents.map((i) => `${i.domain}=${i.certificateId ?? ""}`).sort();
  const material = JSON.stringify([
    WRITE_ACTIONS[kind],
    first?.acceleratorId ?? "",
    first?.listenerId ?? "",
    content,
    nonce,
  ]);
  return `pac-${createHash("sha256").update(material).digest("hex").slice(0, 40)}`;
}

/** A fresh nonce for {@link clientToken}. */
export function newNonce(): string {
  return randomUUID();
}

/** A batch of intents on one listener, written by one call (at most 10: the API's limit per call). */
type Batch = readonly BindingIntent[];

/** AssociateAdditionalCertificatesWithListener parameters for a batch (≤ 10) of intents with a certificate. */
export function associateRequest(intents: Batch, token: string): AssociateAdditionalCertificatesRequest {
  const certificates = intents.map((i) => ({ Domain: i.domain, Id: requireCertificate(i) }));
  return { ...listenerWrite(requireFirst(intents), token), Certificates: certificates };
}

/** UpdateAdditionalCertificateWithListener parameters for one intent. */
export function updateRequest(intent: BindingIntent, token: string): UpdateAdditionalCertificateRequest {
  return { ...listenerWrite(intent, token), Domain: intent.domain, CertificateId: requireCertificate(intent) };
}

/** DissociateAdditionalCertificatesFromListener parameters for a batch (≤ 10) of domains. */
export function dissociateRequest(intents: Batch, token: string): DissociateAdditionalCertificatesRequest {
  return { ...listenerWrite(requireFirst(intents), token), Domains: intents.map((i) => i.domain) };
}

/** The parameters every GA write carries: the accelerator and listener of its bindings, and its ClientToken. */
function listenerWrite(
  intent: BindingIntent,
  token: string,
): { AcceleratorId: string; ListenerId: string; ClientToken: string } {
  return { AcceleratorId: intent.acceleratorId, ListenerId: intent.listenerId, ClientToken: token };
}

function requireFirst(intents: readonly BindingIntent[]): BindingIntent {
  const first = intents[0];
  if (first === undefined) throw new Error("internal: a GA write needs at least one binding");
  return first;
}

function requireCertificate(intent: BindingIntent): string {
  if (intent.certificateId === undefined) throw new Error(`internal: no certificate planned for ${intent.domain}`);
  return intent.certificateId;
}
