import * as pulumi from "@pulumi/pulumi";

/**
 * STAND-IN: a DNS record in the local emulator's public DNS (`/__emulator/records`), so this example runs with no
 * cloud account. A real program uses its DNS provider's record resource here instead (for example
 * `alicloud.dns.AlidnsRecord`, `cloudflare.Record` or `aws.route53.Record`) with the same name, type and value.
 */
interface RecordProps {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

const recordProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: RecordProps) {
    await send("POST", inputs);
    return { id: `${inputs.type}:${inputs.name}`, outs: inputs };
  },
  async diff(_id: string, olds: RecordProps, news: RecordProps) {
    const moved = olds.name !== news.name || olds.type !== news.type;
    return { changes: moved || olds.value !== news.value, replaces: moved ? ["name"] : [], deleteBeforeReplace: true };
  },
  // The new value is published before the old one is removed, so the name always has a record.
  async update(_id: string, olds: RecordProps, news: RecordProps) {
    await send("POST", news);
    await send("DELETE", olds);
    return { outs: news };
  },
  async delete(_id: string, props: RecordProps) {
    await send("DELETE", props);
  },
};

/** Publish or remove one record through the emulator's control API (its address is the provider's endpoint). */
async function send(method: "POST" | "DELETE", record: RecordProps): Promise<void> {
  const endpoint = process.env["ALICLOUD_CERTS_ENDPOINT"];
  if (endpoint === undefined) throw new Error("the stand-in DNS record needs ALICLOUD_CERTS_ENDPOINT (the emulator)");
  const body = JSON.stringify({ kind: "dns", name: record.name, type: record.type, value: record.value });
  const response = await fetch(`${endpoint}/__emulator/records`, {
    method,
    headers: { "content-type": "application/json" },
    body,
  });
  if (!response.ok)
    throw new Error(`${method} record ${record.name}: HTTP ${response.status} ${await response.text()}`);
}

/** A DNS record (stand-in, see above). */
export class DnsRecord extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly value: pulumi.Output<string>;

  constructor(
    name: string,
    args: { name: pulumi.Input<string>; type: pulumi.Input<string>; value: pulumi.Input<string> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(recordProvider, name, args, opts, "example", "DnsRecord");
  }
}
