/**
 * The generated SDKs (sdk/, see docs/sdks.md) against their toolchains:
 * - the full staleness check: regenerate with Pulumi's generators and diff (the unit tier only compares hashes), and
 *   the generator program's Go tests;
 * - Go: sdk/go builds and vets against github.com/pulumi/pulumi/sdk/v3 at the engine's version;
 * - Node.js: sdk/nodejs compiles with tsc and registers one class per schema resource;
 * - Python: a wheel builds (scripts/build-python-sdk-wheel) and holds the package and its plugin metadata.
 * .NET has no test: no .NET SDK can be installed on these machines (docs/sdks.md says why).
 * A test whose toolchain is missing (no `go`, no `python3`) is skipped, saying which.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/engine";

const SDK = path.join(REPO_ROOT, "sdk");

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status,
    stdout: result.stdout ?? "",
    stderr: `${result.stderr ?? ""}${result.error?.message ?? ""}`,
  };
}

/** Runs the command; fails the test with its output unless it exits 0. */
function mustRun(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Run {
  const result = run(command, args, cwd, env);
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 0, `${command} ${args.join(" ")} (in ${cwd}) failed:\n${output}`);
  return result;
}

function onPath(command: string): boolean {
  return run("sh", ["-c", `command -v ${command}`], REPO_ROOT).status === 0;
}

/** The resource tokens schema.json declares, plus the package name, the type token of the SDK's Provider class. */
function schemaTokens(): string[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8"));
  assert.ok(typeof parsed === "object" && parsed !== null && "name" in parsed && "resources" in parsed);
  const { name, resources } = parsed;
  assert.ok(typeof name === "string" && typeof resources === "object" && resources !== null);
  return [...Object.keys(resources), name].sort();
}

describe("generated SDKs build with their toolchains", function () {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sdk-builds-"));
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe("Go", function () {
    before(function () {
      if (!onPath("go")) this.skip(); // no Go toolchain: neither regeneration nor the Go build can run
    });

    it("regenerating from schema.json reproduces sdk/ byte for byte (scripts/gen-sdks --check)", () => {
      const { stderr } = mustRun(path.join(REPO_ROOT, "scripts/gen-sdks"), ["--check"], REPO_ROOT);
      assert.match(stderr, /sdk\/ matches what the generators make from schema\.json/);
    });

    it("the generator program's own tests pass (scripts/gen-sdk: offline, defaults, pins)", () => {
      const env = { ...process.env, GOFLAGS: `${process.env["GOFLAGS"] ?? ""} -mod=readonly` };
      mustRun("go", ["test", "-trimpath", "./..."], path.join(REPO_ROOT, "scripts/gen-sdk"), env);
    });

    it("sdk/go requires the engine's Pulumi Go SDK and builds and vets against it", () => {
      const version = process.env["ALICLOUD_CERTS_PULUMI_VERSION"];
      assert.ok(version, "ALICLOUD_CERTS_PULUMI_VERSION is unset (run through scripts/with-env)");
      const goMod = fs.readFileSync(path.join(SDK, "go/go.mod"), "utf8");
      assert.match(goMod, new RegExp(`^\\s*github\\.com/pulumi/pulumi/sdk/v3 v${version.replace(/\./g, "\\.")}$`, "m"));
      // -mod=readonly: the committed go.mod and go.sum must be complete; a build may not fix them up.
      const env = { ...process.env, GOFLAGS: `${process.env["GOFLAGS"] ?? ""} -mod=readonly` };
      mustRun("go", ["build", "./..."], path.join(SDK, "go"), env);
      mustRun("go", ["vet", "./..."], path.join(SDK, "go"), env);
    });
  });

  describe("Node.js", () => {
    it("sdk/nodejs compiles with tsc and exports a class for every schema resource", () => {
      const out = path.join(tmp, "nodejs");
      // The project's TypeScript and @pulumi/pulumi stand in for the SDK's own dependencies: they satisfy its
      // package.json ranges and need no install.
      mustRun(
        process.execPath,
        [path.join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--outDir", out],
        path.join(SDK, "nodejs"),
      );
      // utilities.ts reads its own version from ./package.json beside the compiled files, as in a published package.
      fs.copyFileSync(path.join(SDK, "nodejs/package.json"), path.join(out, "package.json"));
      const probe = `
        const sdk = require(${JSON.stringify(out)});
        const tokens = [];
        const visit = (m) => { for (const v of Object.values(m)) {
          if (typeof v === "function" && typeof v.__pulumiType === "string") tokens.push(v.__pulumiType);
        } };
        visit(sdk);
        for (const mod of ["cas", "esa", "ga"]) visit(sdk[mod]);
        console.log(JSON.stringify([...new Set(tokens)].sort()));`;
      const env = { ...process.env, NODE_PATH: path.join(REPO_ROOT, "node_modules") };
      const { stdout } = mustRun(process.execPath, ["-e", probe], tmp, env);
      assert.deepEqual(JSON.parse(stdout), schemaTokens());
    });
  });

  describe("Python", function () {
    before(function () {
      if (!onPath("python3")) this.skip(); // no Python: the wheel cannot be built
    });

    it("scripts/build-python-sdk-wheel builds a wheel holding the package and its plugin metadata", () => {
      const script = path.join(REPO_ROOT, "scripts/build-python-sdk-wheel");
      const wheel = mustRun(script, [path.join(tmp, "wheel")], REPO_ROOT).stdout.trim();
      assert.match(path.basename(wheel), /^pulumi_alicloud_certs-0\.1\.0-py3-none-any\.whl$/);
      const listing = mustRun("python3", ["-m", "zipfile", "-l", wheel], tmp).stdout;
      for (const file of [
        "__init__.py",
        "pulumi-plugin.json",
        "esa/custom_hostname.py",
        "cas/dv_certificate_order.py",
      ]) {
        assert.ok(listing.includes(`pulumi_alicloud_certs/${file}`), `the wheel lacks ${file}:\n${listing}`);
      }
      const read = "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())";
      const member = "pulumi_alicloud_certs/pulumi-plugin.json";
      const plugin = mustRun("python3", ["-c", read, wheel, member], tmp).stdout;
      assert.deepEqual(JSON.parse(plugin), { resource: true, name: "alicloud-certs", version: "0.1.0" });
    });

    it("every module of sdk/python compiles", () => {
      const copy = path.join(tmp, "python-src");
      fs.cpSync(path.join(SDK, "python"), copy, { recursive: true });
      mustRun("python3", ["-m", "compileall", "-q", copy], tmp);
    });
  });
});
