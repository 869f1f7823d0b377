/**
 * `npm run demo`: the flagship program (root Pulumi.yaml) end to end, with no account and no setup.
 *
 * Starts the embedded emulator, points the program at it, runs `pulumi preview` and `pulumi up`, plays the customers'
 * part by publishing the DNS records the stack exports, runs `up` again so the waits complete, prints the outputs,
 * then destroys the stack and stops the emulator, leaving nothing behind. `--keep` keeps the stack and the emulator
 * up for exploring until Ctrl-C (then cleans up the same way).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "../emulator";

const ROOT = path.resolve(__dirname, "..");
const STACK = "demo";
const EMULATOR_STATE = path.join(ROOT, ".state", "demo-emulator.json");

function say(message: string): void {
  process.stdout.write(`\n\x1b[1m[demo] ${message}\x1b[0m\n`);
}

/** Run the pulumi CLI with the user's terminal attached, so its output looks exactly as when run by hand. */
function pulumi(args: string[], env: NodeJS.ProcessEnv, capture = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--stack", STACK, "--non-interactive"], {
      cwd: ROOT,
      env,
      stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pulumi ${args.join(" ")} exited ${code}`)),
    );
  });
}

interface DnsRecord {
  readonly purpose: string;
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

function isDnsRecord(value: unknown): value is DnsRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r["name"] === "string" && typeof r["type"] === "string" && typeof r["value"] === "string";
}

/**
 * Count what the stack could have left in the emulator: hostnames, listener bindings, and orders that are still live
 * (a revoked order stays listed, as in CAS, with its quota released).
 */
function leftovers(objects: unknown): string {
  const section = (product: string, key: string): unknown[] => {
    const value = (((objects as Record<string, unknown>)[product] ?? {}) as Record<string, unknown>)[key];
    return Array.isArray(value) ? value : [];
  };
  const bindings = (JSON.stringify(section("ga", "bindings")).match(/"domain"/g) ?? []).length;
  const hostnames = section("esa", "hostnames").length;
  const orders = section("cas", "orders").filter(
    (o) => (o as { quotaReleased?: unknown }).quotaReleased !== true,
  ).length;
  return hostnames + orders + bindings === 0
    ? "nothing"
    : `${hostnames} hostnames, ${orders} live orders, ${bindings} bindings`;
}

async function main(): Promise<void> {
  const keep = process.argv.includes("--keep");
  const resumed = fs.existsSync(EMULATOR_STATE);
  say(
    resumed
      ? "restarting the emulator from a previous, unfinished demo"
      : "starting the embedded Alibaba Cloud emulator",
  );
  const emulator = await startEmulator({ stateFile: EMULATOR_STATE, quiet: true });
  console.log(`  ${emulator.url}  (ESA site example-saas.com, GA accelerator with an HTTPS listener, CAS DV quota)`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ALICLOUD_CERTS_ENDPOINT: emulator.url,
    ALICLOUD_ACCESS_KEY: emulator.accessKeyId,
    ALICLOUD_SECRET_KEY: emulator.accessKeySecret,
    // The emulator answers in seconds; poll it faster than the real service needs.
    ALICLOUD_CERTS_MIN_POLL_MS: process.env["ALICLOUD_CERTS_MIN_POLL_MS"] ?? "500",
    ALICLOUD_CERTS_MAX_POLL_MS: process.env["ALICLOUD_CERTS_MAX_POLL_MS"] ?? "2000",
  };
  const cleanUp = async (): Promise<void> => {
    say("pulumi destroy");
    await pulumi(["destroy", "--yes", "--skip-preview"], env);
    await pulumi(["stack", "rm", "--yes"], env);
    const left = leftovers(await emulator.control.objects());
    await emulator.close();
    fs.rmSync(EMULATOR_STATE, { force: true });
    say(`done: stack removed, emulator stopped; left in the emulator: ${left}`);
  };

  try {
    const stacks = await pulumi(["stack", "ls", "--json"], env, true).catch(() => "[]");
    if (stacks.includes(`"name": "${STACK}"`)) {
      say("an earlier demo stack exists: destroying it first");
      await pulumi(["destroy", "--yes", "--skip-preview"], env);
    } else {
      await new Promise<void>((resolve, reject) =>
        spawn("pulumi", ["stack", "init", STACK, "--non-interactive"], { cwd: ROOT, env, stdio: "inherit" }).on(
          "close",
          (c) => (c === 0 ? resolve() : reject(new Error("pulumi stack init failed"))),
        ),
      );
    }

    say("step 1: order the certificate and register the customer hostnames (serve=false)");
    await pulumi(["config", "set", "serve", "false"], env);
    await pulumi(["preview"], env);
    await pulumi(["up", "--yes", "--skip-preview"], env);

    say("step 2: the customers publish their DNS records (played by the emulator's control API)");
    const records: unknown = JSON.parse(await pulumi(["stack", "output", "dnsRecords", "--json"], env, true));
    for (const record of Array.isArray(records) ? records.filter(isDnsRecord) : []) {
      await emulator.control.publishRecord({ kind: "dns", name: record.name, type: record.type, value: record.value });
      console.log(`  published ${record.type} ${record.name} = ${record.value}   (${record.purpose})`);
    }

    say("step 3: wait for verification and issuance, then serve the certificate on ESA and GA (serve=true)");
    await pulumi(["config", "set", "serve", "true"], env);
    await pulumi(["up", "--yes", "--skip-preview"], env);

    say("stack outputs");
    await pulumi(["stack", "output"], env);

    if (keep) {
      say("--keep: the stack and the emulator stay up. In another terminal:");
      console.log(
        `  export ALICLOUD_CERTS_ENDPOINT=${emulator.url} ALICLOUD_ACCESS_KEY=${emulator.accessKeyId} ALICLOUD_SECRET_KEY=...`,
      );
      console.log("  scripts/with-env pulumi stack output --stack demo --show-secrets");
      console.log(`  curl -s ${emulator.url}/__emulator/objects | head -c 2000`);
      console.log("Press Ctrl-C to destroy the stack and stop the emulator.");
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    }
    await cleanUp();
  } catch (error: unknown) {
    say(`failed: ${error instanceof Error ? error.message : String(error)}`);
    say(`the emulator state is kept in ${path.relative(ROOT, EMULATOR_STATE)}; run the demo again to clean up`);
    await emulator.close();
    process.exitCode = 1;
  }
}

void main();
