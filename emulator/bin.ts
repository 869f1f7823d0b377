#!/usr/bin/env node
/**
 * `alicloud-emulator`: run the emulator in the foreground and print how to point the package (or any Alibaba SDK)
 * at it. Stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { parseCaSchedule, type CaScheduleEntry } from "./core/ca-schedule";
import { startEmulator, type EmulatorOptions } from "./index";

const USAGE = `Usage: alicloud-emulator [--port N] [--host ADDR] [--dns-port N] [--state-file PATH] [--speed X]
                         [--seed-file PATH] [--ca-schedule JSON] [--quiet]

  --port        TCP port (default: a free port)
  --host        interface to listen on (default 127.0.0.1; the control API is unauthenticated)
  --dns-port    UDP port of the DNS server answering from the published records (default: a free port)
  --state-file  persist the world to this JSON file and resume from it on the next start
  --speed       simulated-time multiplier (default 1; 0 freezes time)
  --seed-file   JSON seed replacing the default seed
  --ca-schedule the CA's issuance schedule as JSON, e.g. '[{"from":"2026-03-15","validityDays":200,"dcvReuseDays":200}]'
                (default: CA/B Forum ballot SC-081v3)
  --quiet       print only the connection details`;

/** `--ca-schedule`: JSON text of a schedule, validated here so a bad one is a usage error (status 2). */
function parseScheduleArgument(text: string): CaScheduleEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`--ca-schedule must be JSON, got ${text}`);
  }
  return parseCaSchedule(parsed, "--ca-schedule");
}

/** Parse argv into options; exits with usage on bad input. */
function parseOptions(argv: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "dns-port": { type: "string" },
      "state-file": { type: "string" },
      speed: { type: "string" },
      "seed-file": { type: "string" },
      "ca-schedule": { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help === true) {
    console.log(USAGE);
    process.exit(0);
  }
  const options: EmulatorOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be 0..65535, got ${values.port}`);
    options.port = port;
  }
  if (values.host !== undefined) options.host = values.host;
  if (values["dns-port"] !== undefined) {
    const port = Number(values["dns-port"]);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--dns-port must be 0..65535, got ${values["dns-port"]}`);
    options.dnsPort = port;
  }
  if (values["state-file"] !== undefined) options.stateFile = values["state-file"];
  if (values.speed !== undefined) {
    const speed = Number(values.speed);
    if (!Number.isFinite(speed) || speed < 0) throw new Error(`--speed must be a number >= 0, got ${values.speed}`);
    options.speed = speed;
  }
  if (values["seed-file"] !== undefined) options.seedFile = values["seed-file"];
  if (values["ca-schedule"] !== undefined) options.caSchedule = parseScheduleArgument(values["ca-schedule"]);
  if (values.quiet === true) options.quiet = true;
  return options;
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
  const lines = [
    `Alibaba Cloud API emulator (ESA 2024-09-10, CAS 2020-04-07, GA 2019-11-20) listening on ${emulator.url}`,
    `  endpoint:          ${emulator.endpoint}`,
    `  access key id:     ${emulator.accessKeyId}`,
    `  access key secret: ${emulator.accessKeySecret}`,
    `  control API:       ${emulator.url}/__emulator/health`,
    `  dns server:        ${emulator.dnsServer} (UDP; the published records, as a resolver answers them)`,
    "",
    "Point the package at it with:",
    `  export ALICLOUD_ACCESS_KEY=${emulator.accessKeyId}`,
    `  export ALICLOUD_SECRET_KEY=${emulator.accessKeySecret}`,
    `  export ALICLOUD_CERTS_ENDPOINT=${emulator.url}`,
  ];
  console.log(lines.join("\n"));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    if (options.quiet !== true) console.log(`\n${signal}: shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
