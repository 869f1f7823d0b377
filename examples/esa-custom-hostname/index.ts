/**
 * A SaaS team serves its customers' own domains from one ESA site. Each customer hostname from config becomes an
 * `esa.CustomHostname`; the stack outputs the DNS records each customer must publish (ownership TXT, the CNAME to
 * our origin, and the DCV TXT of a free certificate).
 */
import * as pulumi from "@pulumi/pulumi";
import { esa } from "pulumi-alicloud-certs";

/** One customer domain as configured in `customers`. */
interface Customer {
  /** The customer's domain, e.g. `shop.customer-a.com`. */
  readonly hostname: string;
  /** `free` (default: ESA issues and renews a Let's Encrypt certificate), `upload` or `cas`. */
  readonly certType?: esa.CertType;
  /** For `cas`: the CAS CertIdentifier, e.g. `12345678-cn-hangzhou`. */
  readonly certIdentifier?: string;
}

/** An uploaded certificate and key (kept in secret config `uploadedCertificates`, keyed by hostname). */
interface Upload {
  readonly certificate: string;
  readonly privateKey: string;
}

const config = new pulumi.Config();
const siteId = config.require("siteId");
const recordId = config.require("recordId");
const customers = config.requireObject<Customer[]>("customers");
const waitFor = (config.get("waitFor") ?? "none") as esa.WaitFor;
const trigger = config.get("applyCertificateTrigger");
const uploads = config.getSecretObject<Record<string, Upload>>("uploadedCertificates");

function uploadOf(hostname: string): Pick<esa.CustomHostnameArgs, "certificate" | "privateKey"> {
  if (uploads === undefined)
    throw new Error(`customer ${hostname} uses certType "upload": set secret config uploadedCertificates`);
  const pick = (field: keyof Upload): pulumi.Output<string> =>
    uploads.apply((all) => {
      const upload = all[hostname];
      if (upload === undefined) throw new Error(`uploadedCertificates has no entry for ${hostname}`);
      return upload[field];
    });
  return { certificate: pick("certificate"), privateKey: pick("privateKey") };
}

const hostnames = customers.map(
  (customer) =>
    new esa.CustomHostname(customer.hostname, {
      siteId,
      recordId,
      hostname: customer.hostname,
      certType: customer.certType ?? "free",
      ...(customer.certType === "upload" ? uploadOf(customer.hostname) : {}),
      ...(customer.certIdentifier === undefined ? {} : { certIdentifier: customer.certIdentifier }),
      ...((customer.certType ?? "free") === "free" && trigger !== undefined
        ? { applyCertificateTrigger: trigger }
        : {}),
      waitFor,
      waitTimeoutSeconds: 900,
    }),
);

/** A DNS record a customer publishes in their zone. */
interface DnsRecord {
  readonly type: "TXT" | "CNAME";
  readonly name: string;
  readonly value: string;
  readonly purpose: string;
}

/** Per customer hostname: the records to send them. */
export const customerDnsRecords = pulumi
  .all(
    hostnames.map((h) =>
      pulumi
        .all([h.hostname, h.verifyHost, h.verifyCode, h.recordName, h.certTxtKey, h.certTxtValue])
        .apply(([hostname, verifyHost, verifyCode, recordName, txtKey, txtValue]) => {
          const records: DnsRecord[] = [
            { type: "TXT", name: verifyHost, value: verifyCode, purpose: "prove ownership to ESA" },
            { type: "CNAME", name: hostname, value: recordName, purpose: "send traffic to ESA" },
          ];
          if (txtKey !== undefined && txtValue !== undefined) {
            records.push({ type: "TXT", name: txtKey, value: txtValue, purpose: "validate the free certificate" });
          }
          return [hostname, records] as const;
        }),
    ),
  )
  .apply((entries) => Object.fromEntries(entries));

/** Per customer hostname: ESA status and certificate status. */
export const hostnameStatus = pulumi
  .all(hostnames.map((h) => pulumi.all([h.hostname, h.hostnameId, h.status, h.certStatus])))
  .apply((rows) =>
    Object.fromEntries(
      rows.map(([name, id, status, certStatus]) => [name, { id, status, certStatus: certStatus ?? "none" }]),
    ),
  );

// A read-only look-up of a hostname managed elsewhere (by HostnameId): read, never changed or deleted.
const lookupId = config.get("lookupHostnameId");
export const lookedUp = lookupId === undefined ? undefined : esa.CustomHostname.get("looked-up", lookupId).status;
