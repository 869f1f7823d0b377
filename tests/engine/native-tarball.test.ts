/**
 * Engine tier (issue 26, "Done when"): a fresh project that installs the packed tarball finds the native plugin with
 * no download, after one line of its own (docs/native-provider.md, "Finding the plugin"):
 * - the `plugins.providers` entry in Pulumi.yaml,
 *   `plugins: { providers: [{ name: alicloud-certs, path: ./node_modules/pulumi-alicloud-certs/bin }] }`;
 * - or, with no such entry, `node_modules/.bin` on `PATH` (npm links the package's bin there).
 * Plugin acquisition is off (`PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION`, as everywhere in this tier) and the
 * plugin cache holds no alicloud-certs plugin, so only the installed package can serve the resources. The program is
 * plain JavaScript without a generated SDK (`pulumi.ProviderResource`, `pulumi.CustomResource` with schema tokens).
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { installPackedTarball } from "../helpers/tarball";

/** The one line the project adds (docs/native-provider.md). */
const PLUGIN_LINE =
  "plugins: { providers: [{ name: alicloud-certs, path: ./node_modules/pulumi-alicloud-certs/bin }] }";

const PROGRAM = `"use strict";
const pulumi = require("@pulumi/pulumi");

class Hostname extends pulumi.CustomResource {
  constructor(name, args, opts) {
    super("alicloud-certs:esa:CustomHostname", name, args, opts);
  }
}

const shop = new Hostname("shop", {
  siteId: "7096621098379520",
  recordId: "4042843419650112",
  hostname: new pulumi.Config().require("hostname"),
  // An output the program reads is declared, as a generated SDK does (an undefined input is not sent).
  verifyHost: undefined,
});
exports.hostnameId = shop.id;
exports.verifyHost = shop.verifyHost;
`;

/** The alicloud-certs plugins in the engine tier's plugin cache (PULUMI_HOME/plugins). */
function cachedPlugins(): string[] {
  const cache = path.join(REPO_ROOT, ".pulumi-home", "plugins");
  return fs.existsSync(cache) ? fs.readdirSync(cache).filter((name) => name.includes("alicloud-certs")) : [];
}

/** Pulumi.yaml of the fresh project, with the one line or without it. */
function projectFile(withPluginLine: boolean): string {
  return `name: native-tarball\nruntime: nodejs\nmain: index.js\n${withPluginLine ? `${PLUGIN_LINE}\n` : ""}`;
}

describe("engine tier: the packed tarball's native plugin, found with one line and no download", function () {
  this.timeout(900_000);
  let work: string;
  let project: string;
  let emu: RunningEmulator;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "native-tarball-"));
    project = path.join(work, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "native-tarball", private: true }));
    fs.writeFileSync(path.join(project, "index.js"), PROGRAM);
    installPackedTarball(work, project);
    emu = await startEmulator({ quiet: true });
  });

  after(async () => {
    await emu?.close();
    if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
  });

  it("ships the plugin executable where the one line and npm's bin link point", () => {
    for (const file of [
      "node_modules/pulumi-alicloud-certs/bin/pulumi-resource-alicloud-certs",
      "node_modules/.bin/pulumi-resource-alicloud-certs",
    ]) {
      const stat = fs.statSync(path.join(project, file));
      assert.ok((stat.mode & 0o111) !== 0, `${file} is executable`);
    }
  });

  it("no alicloud-certs plugin is installed in the plugin cache: nothing but the package can serve it", () => {
    assert.deepEqual(cachedPlugins(), []);
  });

  it("without the line and without PATH, the engine finds no plugin (the line is what does it)", async () => {
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), projectFile(false));
    const stack = await PulumiStack.create(project, {}, "none");
    try {
      await stack.setConfig("hostname", "none.tarball-native.com");
      const preview = await stack.run(["preview"], { allowFailure: true });
      assert.notEqual(preview.code, 0, "the preview fails");
      // The engine's message (sdk/go/common/workspace/plugins.go, MissingError).
      assert.match(
        `${preview.stdout}\n${preview.stderr}`,
        /no resource plugin 'pulumi-resource-alicloud-certs' found in the workspace/,
        "naming the missing plugin",
      );
    } finally {
      await stack.remove();
    }
  });

  for (const way of ["the plugins.providers line", "node_modules/.bin on PATH"] as const) {
    it(`runs up, a no-change preview and destroy with ${way}`, async () => {
      const onPath = way === "node_modules/.bin on PATH";
      fs.writeFileSync(path.join(project, "Pulumi.yaml"), projectFile(!onPath));
      const hostname = onPath ? "path.tarball-native.com" : "line.tarball-native.com";
      const env: Record<string, string> = {};
      if (onPath) env["PATH"] = `${path.join(project, "node_modules", ".bin")}:${process.env["PATH"] ?? ""}`;
      const stack = await PulumiStack.create(project, env, onPath ? "path" : "line");
      try {
        for (const product of ["esa", "cas", "ga"])
          await stack.run(["config", "set", "--path", `alicloud-certs:endpoints[0].${product}`, emu.url]);
        await stack.setConfig("alicloud-certs:accessKey", emu.accessKeyId);
        await stack.setConfig("alicloud-certs:secretKey", emu.accessKeySecret, true);
        await stack.setConfig("hostname", hostname);
        await stack.up();
        const outputs = await stack.outputs();
        assert.equal(outputs["verifyHost"], `_esa_custom_hostname.${hostname}`);
        const hostnames = JSON.stringify(await emu.control.objects());
        assert.match(hostnames, new RegExp(hostname.replace(/\./g, "\\.")), "the emulator holds the hostname");
        await stack.preview(["--expect-no-changes"]);
        assert.deepEqual(cachedPlugins(), [], "nothing was installed into the plugin cache");
        await stack.destroy();
        assert.doesNotMatch(JSON.stringify(await emu.control.objects()), new RegExp(hostname.replace(/\./g, "\\.")));
      } finally {
        await stack.remove();
      }
    });
  }
});
