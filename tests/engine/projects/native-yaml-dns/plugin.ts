/**
 * STAND-IN: the platform's DNS record resource, for YAML programs run against the emulator.
 *
 * A YAML program cannot declare a dynamic resource, so the stand-in the TypeScript flagship uses
 * (demo/program/dns-record.ts) becomes a provider plugin of its own here, package `emulator-dns`, resource
 * `emulator-dns:index:Record`, served with `@pulumi/pulumi/provider`'s `main()` (it needs no provider
 * configuration, which is all `main()` falls short on: pulumi/pulumi#10915). It behaves as demo/program/dns-record.ts
 * does: the record is written to the emulator's public DNS through its control API (`POST`/`DELETE
 * /__emulator/records`) at `ALICLOUD_CERTS_ENDPOINT` (read per operation, so no address is stored in the state);
 * any change updates in place (new record first, then the old one removed); a delete of a record already gone
 * succeeds. In examples/yaml the same block is your DNS provider's record resource.
 */
import { main, type Provider } from "@pulumi/pulumi/provider";

/** One DNS record as the emulator's public DNS stores it. */
interface RecordProps {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

const KEYS = ["name", "type", "value"] as const;

function isRecord(value: unknown): value is RecordProps {
  if (typeof value !== "object" || value === null) return false;
  return KEYS.every((key) => typeof (value as Record<string, unknown>)[key] === "string");
}

function record(value: unknown): RecordProps {
  if (!isRecord(value)) throw new Error(`emulator-dns:index:Record: name, type and value must be strings`);
  return { name: value.name, type: value.type, value: value.value };
}

/** Publish (`POST`) or remove (`DELETE`) one record; a `DELETE` that matches nothing succeeds. */
async function writeRecord(method: "POST" | "DELETE", props: RecordProps): Promise<void> {
  const endpoint = process.env["ALICLOUD_CERTS_ENDPOINT"];
  if (endpoint === undefined) throw new Error("emulator-dns (stand-in): ALICLOUD_CERTS_ENDPOINT is not set");
  const response = await fetch(`${endpoint}/__emulator/records`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind: "dns", ...props }),
  });
  if (!response.ok) throw new Error(`emulator-dns ${method} ${props.type} ${props.name}: ${await response.text()}`);
}

const stringProperty = (description: string): object => ({ type: "string", description });
const recordProperties = {
  name: stringProperty("Full record name."),
  type: stringProperty("Record type, e.g. TXT."),
  value: stringProperty("Record value."),
};

/** The package schema: pulumi-language-yaml type-checks a program's resources against it. */
const SCHEMA = JSON.stringify({
  name: "emulator-dns",
  version: "0.0.1",
  resources: {
    "emulator-dns:index:Record": {
      description: "STAND-IN for a DNS provider's record resource: a record in the emulator's public DNS.",
      inputProperties: recordProperties,
      requiredInputs: [...KEYS],
      properties: recordProperties,
      required: [...KEYS],
    },
  },
});

const provider: Provider = {
  version: "0.0.1",
  schema: SCHEMA,
  async check(_urn, _olds, news: unknown) {
    return { inputs: news };
  },
  async diff(_id, _urn, olds: unknown, news: unknown) {
    const before = record(olds);
    const after = record(news);
    return { changes: KEYS.some((key) => before[key] !== after[key]) };
  },
  async create(_urn, inputs: unknown) {
    const props = record(inputs);
    await writeRecord("POST", props);
    return { id: `${props.type}:${props.name}`, outs: props };
  },
  async update(_id, _urn, olds: unknown, news: unknown) {
    // The new value first, then the old one removed: the name may hold both for a moment, never neither.
    const after = record(news);
    await writeRecord("POST", after);
    await writeRecord("DELETE", record(olds));
    return { outs: after };
  },
  async delete(_id, _urn, props: unknown) {
    await writeRecord("DELETE", record(props));
  },
};

main(provider, process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`emulator-dns: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
