/**
 * STAND-IN: the platform's DNS record resource.
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
 * │ In a real program this file is your DNS provider's record resource, e.g. `alicloud.dns.AlidnsRecord`,          │
 * │ `cloudflare.Record`, `aws.route53.Record`: one TXT record in the zone you named in `validationDelegation`.     │
 * │ Nothing else in the program changes.                                                                           │
 * └──────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 *
 * The demo has no DNS provider, only the emulator's public DNS, so this tiny dynamic resource writes the record there
 * through the emulator's control API (`POST`/`DELETE /__emulator/records`), at the endpoint the package itself uses
 * (`ALICLOUD_CERTS_ENDPOINT`, read when each operation runs, so no address is stored in the state). It behaves like a
 * provider's record resource: any change updates it in place (the new record is written, then the old one removed),
 * delete removes it, and a record already gone counts as removed. Never a replacement: on a renewal the order's
 * outputs are unknown at preview, and a record that only changes its value should not read "replace" there.
 */
import * as pulumi from "@pulumi/pulumi";

/** One DNS record as the emulator's public DNS stores it. */
export interface DnsRecordArgs {
  /** Full record name, e.g. `dcv-<32 hex digits>.dcv.example-saas.com`. Updated in place. */
  readonly name: pulumi.Input<string>;
  /** Record type, e.g. `TXT`. Updated in place. */
  readonly type: pulumi.Input<string>;
  /** Record value. Updated in place. */
  readonly value: pulumi.Input<string>;
}

interface RecordProps {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

/**
 * Publish (`POST`) or remove (`DELETE`) one record in the emulator's public DNS. A `DELETE` that matches nothing
 * succeeds, so delete is idempotent.
 */
async function writeRecord(method: "POST" | "DELETE", record: RecordProps): Promise<void> {
  const endpoint = process.env["ALICLOUD_CERTS_ENDPOINT"];
  if (endpoint === undefined) throw new Error("DnsRecord (demo stand-in): ALICLOUD_CERTS_ENDPOINT is not set");
  const response = await fetch(`${endpoint}/__emulator/records`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind: "dns", name: record.name, type: record.type, value: record.value }),
  });
  if (!response.ok) throw new Error(`DnsRecord ${method} ${record.type} ${record.name}: ${await response.text()}`);
}

/**
 * The provider. Pulumi serializes it into the state with what it captures: `writeRecord`, and through it only the
 * global `fetch` and `process`.
 */
const emulatorDnsProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: RecordProps) {
    await writeRecord("POST", inputs);
    return { id: `${inputs.type}:${inputs.name}`, outs: inputs };
  },

  async diff(_id: string, olds: RecordProps, news: RecordProps) {
    return { changes: (["name", "type", "value"] as const).some((key) => olds[key] !== news[key]) };
  },

  async update(_id: string, olds: RecordProps, news: RecordProps) {
    // The new value first, then the old one removed: the name may hold both for a moment, never neither.
    await writeRecord("POST", news);
    await writeRecord("DELETE", olds);
    return { outs: news };
  },

  async delete(_id: string, props: RecordProps) {
    await writeRecord("DELETE", props);
  },
};

/** STAND-IN for your DNS provider's record resource (see the header): a record in the emulator's public DNS. */
export class DnsRecord extends pulumi.dynamic.Resource {
  /** Full record name. */
  declare readonly name: pulumi.Output<string>;
  /** Record type. */
  declare readonly type: pulumi.Output<string>;
  /** Record value. */
  declare readonly value: pulumi.Output<string>;

  constructor(name: string, args: DnsRecordArgs, opts?: pulumi.CustomResourceOptions) {
    super(emulatorDnsProvider, name, { ...args }, opts, "demo", "EmulatorDnsRecord");
  }
}
