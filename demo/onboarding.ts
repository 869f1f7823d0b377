/**
 * The customers' part at onboarding, played once by the demo runner before the first `pulumi up`: each customer
 * publishes, in their own zone, the records that let the platform do everything else by itself.
 *
 * - The CAS delegation CNAME, `_dnsauth.<domain>` → `<label>.<dcvZone>`: every later validation (every renewal) is
 *   answered by the platform's TXT at that name. The target is derived from the domain alone, so it is known before
 *   any order exists.
 * - For ESA, the CNAME of the hostname itself to the platform's ESA record (`shop.customer-one.com` →
 *   `origin.example-saas.com`). ESA documents two proofs of ownership: the TXT `VerifyHost` = `VerifyCode` (only
 *   known once the hostname is created, so it would need a second run) or a CNAME to the site. The CNAME is the
 *   record a customer publishes anyway to send traffic to the platform, so it is the one-time record: the hostname
 *   is verified the moment it is created, and ESA's free certificate validates over HTTP once it is active.
 */
import { type EmulatorControl } from "../emulator";
import { delegationCname } from "../provider/resources/cas/dv-certificate-order/delegation";

/** One record a customer publishes once. */
export interface OnboardingRecord {
  readonly purpose: string;
  readonly name: string;
  readonly type: "CNAME";
  readonly value: string;
}

/** What the demo stack serves, as its config says. */
export interface DemoCustomers {
  /** The domain the CAS certificate is for, served on ESA (uploaded) and GA. */
  readonly domain: string;
  /** Hostnames on ESA's free certificate. */
  readonly freeHostnames: readonly string[];
  /** The platform's delegation zone. */
  readonly dcvZone: string;
  /** The ESA record the hostnames are bound to. */
  readonly recordId: string;
}

/** The name of the ESA record `recordId`, from the emulator's objects (as ListRecords would give it). */
async function esaRecordName(control: EmulatorControl, recordId: string): Promise<string> {
  const esa = (await control.objects())["esa"] as { records?: { recordId: unknown; recordName: string }[] } | undefined;
  const record = esa?.records?.find((r) => String(r.recordId) === recordId);
  if (record === undefined) throw new Error(`onboarding: the emulator has no ESA record ${recordId}`);
  return record.recordName;
}

/** The records every customer publishes once. */
export async function onboardingRecords(
  control: EmulatorControl,
  customers: DemoCustomers,
): Promise<OnboardingRecord[]> {
  const origin = await esaRecordName(control, customers.recordId);
  const cname = delegationCname(customers.domain, customers.dcvZone);
  return [
    { purpose: `CAS validation of ${customers.domain}, delegated to the platform`, ...cname, type: "CNAME" },
    ...[customers.domain, ...customers.freeHostnames].map((hostname) => ({
      purpose: `traffic to ESA and ownership of ${hostname}`,
      name: hostname,
      type: "CNAME" as const,
      value: origin,
    })),
  ];
}

/** Publish the records in the emulator's public DNS (the customers' zones). */
export async function publish(control: EmulatorControl, records: readonly OnboardingRecord[]): Promise<void> {
  for (const { name, type, value } of records) await control.publishRecord({ kind: "dns", name, type, value });
}

/** Offboarding: the customers remove their records again. */
export async function unpublish(control: EmulatorControl, records: readonly OnboardingRecord[]): Promise<void> {
  for (const { name, type, value } of records) await control.unpublishRecord({ kind: "dns", name, type, value });
}
