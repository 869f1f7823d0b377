/**
 * `--live`: the state's facts checked against the cloud, one read per object, through the package's own transport
 * (signing, retries within the deadline, lossless ids): CAS `DescribeCertificateState` per order (and
 * `GetUserCertificateDetail`, with `CertFilter` so no PEM or key travels, for a certificate the state does not
 * describe), ESA `GetCustomHostname` per hostname, GA `ListListenerCertificates` per listener. What the cloud says
 * replaces what the state recorded, and each difference is a `drift` alarm: what a `pulumi refresh` would find.
 * Replies carry key material (ESA returns an uploaded key); only ids, states, dates, names and fingerprints are kept.
 */
import { type AlibabaClient } from "../../transport/client";
import { isAlibabaCloudError } from "../../transport/errors";
import { DescribeCertificateState, GetUserCertificateDetail } from "../../transport/operations/cas";
import { GetCustomHostname } from "../../transport/operations/esa";
import { ListListenerCertificates } from "../../transport/operations/ga";
import { leafFacts } from "./certificate-pem";
import {
  certIdOfIdentifier,
  type ConsumerFacts,
  type FreeCertificateFacts,
  type HeldCertificate,
  type OrderFacts,
  type StackFacts,
} from "./facts";
import { type Alarm } from "./report";

/** The client seam: the transport's `call`, or a test's fake. */
export type LiveApi = Pick<AlibabaClient, "call">;

/** The facts as the cloud has them, the drift found, and notes. */
export interface LiveResult {
  readonly facts: StackFacts;
  readonly alarms: readonly Alarm[];
  readonly notes: readonly string[];
  /** How many API calls were made. */
  readonly reads: number;
}

/** What a failed read says (the transport scrubs secrets from its messages). */
function describe(error: unknown): string {
  if (isAlibabaCloudError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function isNotFound(error: unknown): boolean {
  return isAlibabaCloudError(error) && error.notFound;
}

/** Check `facts` against the cloud. */
export async function checkLive(facts: StackFacts, api: LiveApi): Promise<LiveResult> {
  const alarms: Alarm[] = [];
  const notes: string[] = [];
  let reads = 0;
  const details = new Map<string, Promise<{ notAfter?: string; names: string[] } | undefined>>();
  /** One GetUserCertificateDetail per certificate id, however many objects name it. */
  const detail = (certId: string): Promise<{ notAfter?: string; names: string[] } | undefined> => {
    const known = details.get(certId);
    if (known !== undefined) return known;
    reads++;
    const read = api.call(GetUserCertificateDetail, { CertId: certId, CertFilter: true }).then(
      (d) => ({
        ...(d.notAfter === undefined ? {} : { notAfter: new Date(d.notAfter).toISOString() }),
        names: [d.commonName, ...(d.sans ?? "").split(",")]
          .map((n) => n?.trim().toLowerCase())
          .filter((n): n is string => n !== undefined && n !== ""),
      }),
      (error: unknown) => {
        if (!isNotFound(error))
          alarms.push({
            kind: "live-read-failed",
            subject: certId,
            message: `GetUserCertificateDetail ${certId}: ${describe(error)}`,
          });
        return undefined;
      },
    );
    details.set(certId, read);
    return read;
  };

  const orders: OrderFacts[] = [];
  for (const order of facts.orders) {
    const subject = `certificate "${order.name}" order ${order.orderId}`;
    reads++;
    let live;
    try {
      live = await api.call(DescribeCertificateState, { OrderId: order.orderId });
    } catch (error: unknown) {
      if (isNotFound(error)) {
        alarms.push({ kind: "drift", subject: order.name, message: `${subject}: CAS no longer knows this order` });
        orders.push({ ...order, state: "unknow", certificate: undefined });
      } else {
        alarms.push({ kind: "live-read-failed", subject: order.name, message: `${subject}: ${describe(error)}` });
        orders.push(order);
      }
      continue;
    }
    const recorded = order.certificate;
    if (live.type !== "certificate") {
      if (recorded !== undefined)
        alarms.push({
          kind: "drift",
          subject: order.name,
          message: `${subject}: the state records it issued (certificate ${recorded.certId ?? "?"}), CAS says ${live.type}`,
        });
      orders.push({ ...order, state: live.type, certificate: undefined });
      continue;
    }
    const certId = live.certId ?? recorded?.certId;
    if (recorded !== undefined && (certId === undefined || certId === recorded.certId)) {
      orders.push(order);
      continue;
    }
    if (recorded !== undefined)
      alarms.push({
        kind: "drift",
        subject: order.name,
        message: `${subject}: the state records certificate ${recorded.certId ?? "?"}, CAS says ${certId ?? "?"}`,
      });
    else notes.push(`${subject} is issued (certificate ${certId ?? "?"}); the next pulumi up records it`);
    const found = certId === undefined ? undefined : await detail(certId);
    const certificate: HeldCertificate | undefined =
      found?.notAfter === undefined
        ? undefined
        : {
            certId,
            fingerprint: undefined,
            names: found.names,
            notBefore: undefined,
            notAfter: found.notAfter,
            orderId: order.orderId,
            lineage: order.urn,
          };
    orders.push({ ...order, state: "certificate", certificate });
  }

  const free: FreeCertificateFacts[] = [];
  for (const hostname of facts.free) {
    if (hostname.hostnameId === undefined) {
      free.push(hostname);
      continue;
    }
    reads++;
    try {
      const live = await api.call(GetCustomHostname, { HostnameId: hostname.hostnameId });
      const notAfter = live.certNotAfter === undefined ? undefined : new Date(live.certNotAfter).toISOString();
      if (notAfter !== hostname.notAfter)
        notes.push(
          `ESA hostname "${hostname.name}": free certificate notAfter ${notAfter ?? "none"} (recorded ${hostname.notAfter ?? "none"})`,
        );
      free.push({ ...hostname, certStatus: live.certStatus, notAfter });
    } catch (error: unknown) {
      alarms.push({
        kind: isNotFound(error) ? "drift" : "live-read-failed",
        subject: hostname.name,
        message: `ESA hostname "${hostname.name}" (${hostname.hostname}): ${isNotFound(error) ? "ESA no longer has it" : describe(error)}`,
      });
      free.push(hostname);
    }
  }

  const listings = new Map<string, Promise<Map<string, string> | Error>>();
  const listing = (acceleratorId: string, listenerId: string): Promise<Map<string, string> | Error> => {
    const key = `${acceleratorId}:${listenerId}`;
    const known = listings.get(key);
    if (known !== undefined) return known;
    const read = (async () => {
      const bound = new Map<string, string>();
      let nextToken: string | undefined;
      try {
        do {
          reads++;
          const page = await api.call(ListListenerCertificates, {
            AcceleratorId: acceleratorId,
            ListenerId: listenerId,
            Role: "additional",
            MaxResults: 50,
            ...(nextToken === undefined ? {} : { NextToken: nextToken }),
          });
          for (const c of page.certificates)
            if (c.domain !== undefined) bound.set(c.domain.toLowerCase(), c.certificateId);
          nextToken = page.nextToken === "" ? undefined : page.nextToken;
        } while (nextToken !== undefined);
        return bound;
      } catch (error: unknown) {
        return error instanceof Error ? error : new Error(String(error));
      }
    })();
    listings.set(key, read);
    return read;
  };

  const consumers: ConsumerFacts[] = [];
  for (const consumer of facts.consumers) {
    const subject = `${consumer.kind} "${consumer.name}" (${consumer.domain})`;
    const location = consumer.location;
    if (location === undefined) {
      consumers.push(consumer);
      continue;
    }
    if (location.product === "esa") {
      reads++;
      try {
        const live = await api.call(GetCustomHostname, { HostnameId: location.hostnameId });
        const leaf = live.certificate === undefined ? undefined : leafFacts(live.certificate);
        const served = {
          certId: live.certType === "cas" ? live.casId : undefined,
          fingerprint: leaf?.fingerprint,
          notAfter: leaf?.notAfter,
        };
        const was = consumer.served;
        const changed =
          (was.certId !== undefined && was.certId !== served.certId) ||
          (was.fingerprint !== undefined && was.fingerprint !== served.fingerprint);
        if (changed)
          alarms.push({
            kind: "drift",
            subject: consumer.name,
            message: `${subject}: the state records ${was.certId ?? was.fingerprint ?? "?"}, ESA serves ${served.certId ?? served.fingerprint ?? live.certType ?? "nothing"}`,
          });
        consumers.push({ ...consumer, served });
      } catch (error: unknown) {
        alarms.push({
          kind: isNotFound(error) ? "drift" : "live-read-failed",
          subject: consumer.name,
          message: `${subject}: ${isNotFound(error) ? "ESA no longer has this hostname" : describe(error)}`,
        });
        // A hostname that is gone serves nothing.
        consumers.push(isNotFound(error) ? { ...consumer, served: {} } : consumer);
      }
      continue;
    }
    const bound = await listing(location.acceleratorId, location.listenerId);
    if (bound instanceof Error) {
      alarms.push({
        kind: isNotFound(bound) ? "drift" : "live-read-failed",
        subject: consumer.name,
        message: `${subject}: ${isNotFound(bound) ? "GA no longer has this listener" : describe(bound)}`,
      });
      consumers.push(consumer);
      continue;
    }
    const liveId = bound.get(consumer.domain);
    const certId = certIdOfIdentifier(liveId);
    if (liveId === undefined)
      alarms.push({
        kind: "drift",
        subject: consumer.name,
        message: `${subject}: GA has no certificate bound to this domain`,
      });
    else if (certId !== consumer.served.certId)
      alarms.push({
        kind: "drift",
        subject: consumer.name,
        message: `${subject}: the state records ${consumer.served.certId ?? "?"}, GA serves ${liveId}`,
      });
    consumers.push({ ...consumer, served: { certId } });
  }

  // A consumer serving a certificate the stack does not hold: its notAfter tells whether it is older.
  const heldIds = new Set(orders.map((o) => o.certificate?.certId).filter((id) => id !== undefined));
  const judged: ConsumerFacts[] = [];
  for (const consumer of consumers) {
    const certId = consumer.served.certId;
    if (certId === undefined || heldIds.has(certId) || consumer.served.notAfter !== undefined) {
      judged.push(consumer);
      continue;
    }
    const found = await detail(certId);
    judged.push(
      found?.notAfter === undefined
        ? consumer
        : { ...consumer, served: { ...consumer.served, notAfter: found.notAfter } },
    );
  }
  return { facts: { ...facts, orders, free, consumers: judged }, alarms, notes, reads };
}
