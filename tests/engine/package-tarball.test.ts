/**
 * The package as users get it: `npm pack`, install the tarball into a fresh Pulumi project outside the repository,
 * compile a TypeScript program against the shipped `.d.ts`, run it as plain JavaScript (no ts-node for the package),
 * start the emulator from the installed `alicloud-emulator` bin, and run `pulumi up` / `destroy` on all three products.
 * Records the `__provider` size of each resource type from the state file.
 */
import { strict as assert } from "node:assert";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EmulatorControl } from "../../emulator/client";
import { RELEASED_PROVIDER_ENTRIES } from "../helpers/provider-entries";
import { certificateRequest } from "../helpers/x509";
import { PulumiStack, REPO_ROOT, type StateResource } from "../helpers/engine";
import { installPackedTarball, runOk } from "../helpers/tarball";

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { cas, esa, ga } from "pulumi-alicloud-certs";

const config = new pulumi.Config();
const hostname = new esa.CustomHostname("shop", {
  siteId: "7096621098379520",
  recordId: "4042843419650112",
  hostname: "shop.tarball-customer.com",
  certType: "free",
});
const order = new cas.DvCertificateOrder("order", {
  csr: config.require("csr"),
  username: "Tarball Test",
  phone: "+8613800000000",
  email: "ops@tarball-customer.com",
  validateType: "DNS",
});
const binding = new ga.ListenerAdditionalCertificate("binding", {
  acceleratorId: "ga-bp1emulatordefault0001",
  listenerId: "lsr-bp1emulatorhttps00001",
  domain: "api.tarball-customer.com",
  certificateId: "20000001-cn-hangzhou",
});
export const verifyHost = hostname.verifyHost;
export const orderState = order.state;
export const bindingId = binding.id;
`;

/** Start the installed bin and read the URL and key it prints. */
function startBin(projectDir: string): Promise<{ child: ChildProcess; url: string; key: string; secret: string }> {
  const child = spawn(path.join(projectDir, "node_modules", ".bin", "alicloud-emulator"), ["--port", "0"], {
    cwd: projectDir,
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const key = /access key id:\s+(\S+)/.exec(out)?.[1];
      const secret = /access key secret:\s+(\S+)/.exec(out)?.[1];
      if (url !== undefined && key !== undefined && secret !== undefined) resolve({ child, url, key, secret });
    });
    child.on("exit", (code) => reject(new Error(`alicloud-emulator exited ${code}: ${out}`)));
  });
}

/**
 * Every resource of ours records the line of the program that constructed it (the `new`), not a line of the
 * package: Pulumi takes a fixed stack frame as the caller, so a class with one constructor too many records itself.
 */
function assertSourcePositionsInProgram(resources: readonly StateResource[], program: string): void {
  const lines = fs.readFileSync(program, "utf8").split("\n");
  const ours = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/alicloud-certs:"));
  for (const resource of ours) {
    const position = /^project:\/\/\/index\.js#(\d+),(\d+)$/.exec(resource.sourcePosition ?? "");
    assert.ok(position !== null, `${resource.type}: sourcePosition ${resource.sourcePosition} is in index.js`);
    const [line, column] = [Number(position[1]), Number(position[2])];
    const className =
      resource.type
        .split(":")
        .pop()
        ?.replace(/^(Esa|Cas|Ga)/, "") ?? "";
    assert.match(lines[line - 1]?.slice(column - 1) ?? "", new RegExp(`^new [\\w.]+\\.${className}\\(`), resource.type);
  }
  assert.equal(ours.length, 3);
}

describe("engine tier: the packed tarball in a fresh project (issue 7)", () => {
  let work: string;
  let emulator: { child: ChildProcess; url: string; key: string; secret: string };
  let stack: PulumiStack;
  let csr: string;

  before(async function () {
    this.timeout(600_000);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "alicloud-certs-tarball-"));
    const project = path.join(work, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, "Pulumi.yaml"),
      "name: tarball\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
    );
    fs.writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({ name: "tarball", private: true, main: "index.js" }),
    );
    fs.writeFileSync(path.join(project, "index.ts"), PROGRAM);
    installPackedTarball(work, project);
    // Compile against the shipped declarations with the repository's compiler, then run plain JavaScript.
    runOk(
      process.execPath,
      [
        path.join(REPO_ROOT, "node_modules/typescript/bin/tsc"),
        "--strict",
        "--esModuleInterop",
        "--skipLibCheck",
        "--module",
        "commonjs",
        "--target",
        "ES2022",
        "index.ts",
      ],
      project,
    );
    emulator = await startBin(project);
    const control = new EmulatorControl(emulator.url);
    // The certificate must cover the domain the program binds it to (the GA engine refuses one that does not).
    await control.seed({
      cas: {
        certificates: [
          { certId: 20000001, commonName: "seeded-certificate.example.net", sans: ["*.tarball-customer.com"] },
        ],
      },
    });
    csr = (await certificateRequest({ subject: "CN=order.tarball-customer.com" })).pem;
    stack = await PulumiStack.create(project, {
      ALICLOUD_CERTS_ENDPOINT: emulator.url,
      ALICLOUD_ACCESS_KEY: emulator.key,
      ALICLOUD_SECRET_KEY: emulator.secret,
      ALICLOUD_CERTS_MIN_POLL_MS: "200",
    });
    await stack.setConfig("tarball:csr", csr);
  });

  after(async () => {
    await stack?.remove();
    emulator?.child.kill("SIGINT");
    if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
  });

  it("ships compiled JS, declarations, the emulator subpath and the bin", () => {
    const pkg = path.join(work, "project", "node_modules", "pulumi-alicloud-certs");
    for (const file of [
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
      "dist/emulator/index.js",
      "dist/emulator/bin.js",
      "dist/provider/cli/bin.js",
      "README.md",
      "LICENSE",
    ]) {
      assert.ok(fs.existsSync(path.join(pkg, file)), `${file} is in the tarball`);
    }
    assert.equal(
      fs.readdirSync(path.join(pkg, "dist")).some((f) => f.startsWith("tests")),
      false,
      "no tests in the tarball",
    );
    const resolved = runOk(
      process.execPath,
      ["-p", 'require.resolve("pulumi-alicloud-certs/emulator")'],
      path.join(work, "project"),
    ).trim();
    assert.ok(resolved.endsWith(path.join("dist", "emulator", "index.js")));
  });

  it("ships the alicloud-certs bin, and it runs (issue 28)", () => {
    const project = path.join(work, "project");
    const bin = path.join(project, "node_modules", ".bin", "alicloud-certs");
    assert.ok(fs.existsSync(bin), "npm linked the alicloud-certs bin");
    assert.match(runOk(bin, ["--help"], project), /Usage: alicloud-certs <command>[\s\S]*status/);
    assert.match(
      runOk(bin, ["status", "--help"], project),
      /Usage: alicloud-certs status[\s\S]*Exit status: 0 no alarm/,
    );
  });

  it("keeps every released provider entry module (provider-entries.json): stored __provider values require them", () => {
    const pkg = path.join(work, "project", "node_modules", "pulumi-alicloud-certs");
    for (const [token, entry] of Object.entries(RELEASED_PROVIDER_ENTRIES)) {
      assert.ok(fs.existsSync(path.join(pkg, entry)), `${entry} (the provider of ${token}) is in the tarball`);
      const methods = runOk(
        process.execPath,
        ["-p", `Object.keys(require("pulumi-alicloud-certs/${entry}")).sort().join(",")`],
        path.join(work, "project"),
      ).trim();
      assert.equal(methods, "check,configure,create,delete,diff,read,update", `${entry} exports the provider object`);
    }
  });

  it("ships schema.json: the Pulumi package schema of the five resources, under their tokens", () => {
    const project = path.join(work, "project");
    const file = runOk(
      process.execPath,
      ["-p", 'require.resolve("pulumi-alicloud-certs/schema.json")'],
      project,
    ).trim();
    assert.equal(file, path.join(project, "node_modules", "pulumi-alicloud-certs", "schema.json"));
    const schema: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.ok(typeof schema === "object" && schema !== null && "resources" in schema && "name" in schema);
    assert.equal(schema.name, "alicloud-certs");
    const resources = schema.resources;
    assert.ok(typeof resources === "object" && resources !== null);
    assert.deepEqual(Object.keys(resources).sort(), [
      "alicloud-certs:cas:DvCertificateOrder",
      "alicloud-certs:cas:DvCertificateValidation",
      "alicloud-certs:esa:CustomHostname",
      "alicloud-certs:ga:ListenerAdditionalCertificate",
      "alicloud-certs:ga:ListenerAdditionalCertificates",
    ]);
  });

  it("runs up and destroy through the real engine, with small secret-free __provider values", async () => {
    await stack.up();
    const outputs = await stack.outputs();
    assert.equal(outputs["verifyHost"], "_esa_custom_hostname.shop.tarball-customer.com");
    assert.equal(outputs["orderState"], "domain_verify");
    assert.equal(outputs["bindingId"], "ga-bp1emulatordefault0001:lsr-bp1emulatorhttps00001:api.tarball-customer.com");

    const { resources } = await stack.exportedState();
    const sizes: Record<string, number> = {};
    for (const resource of resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/alicloud-certs:"))) {
      const text = resource.outputs?.["__provider"];
      assert.equal(typeof text, "string", `${resource.type} stores its provider`);
      sizes[resource.type.split(":").pop() ?? resource.type] = (text as string).length;
      assert.match(
        text as string,
        /require\("pulumi-alicloud-certs\/dist\//,
        "captured by reference to the installed package",
      );
      const requires = [...(text as string).matchAll(/require\("pulumi-alicloud-certs\/([^"]+)"\)/g)].map((m) => m[1]);
      assert.deepEqual(requires, [RELEASED_PROVIDER_ENTRIES[resource.type]], `${resource.type} requires its entry`);
    }
    console.log(`      __provider bytes per resource type (from the state file): ${JSON.stringify(sizes)}`);
    assertSourcePositionsInProgram(resources, path.join(work, "project", "index.js"));
    assert.deepEqual(Object.keys(sizes).sort(), [
      "CasDvCertificateOrder",
      "EsaCustomHostname",
      "GaListenerAdditionalCertificate",
    ]);
    for (const [type, size] of Object.entries(sizes)) assert.ok(size <= 1536, `${type}: ${size} bytes ≤ 1.5 KB`);
    assert.doesNotMatch(stack.rawStateText(), new RegExp(emulator.secret), "the access key secret is not in the state");

    await stack.destroy();
    const objects = JSON.stringify(await new EmulatorControl(emulator.url).objects());
    assert.doesNotMatch(
      objects,
      /shop\.tarball-customer\.com|api\.tarball-customer\.com/,
      "nothing left in the emulator",
    );
  });
});
