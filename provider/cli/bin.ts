#!/usr/bin/env node
/**
 * `alicloud-certs`: the operator's commands of pulumi-alicloud-certs. One today, `status` (what expires when, and an
 * exit status for alarms); see `alicloud-certs status --help` and docs/operations.md.
 */
import { EXIT } from "./status/options";
import { runStatus } from "./status/run";

const USAGE = `Usage: alicloud-certs <command> [options]

Commands:
  status   what expires when, whether each consumer serves the newest certificate, and an exit status for alarms
           (alicloud-certs status --help)`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command !== "status") {
    process.stderr.write(`alicloud-certs: unknown command ${JSON.stringify(command)}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const result = await runStatus(rest);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`alicloud-certs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failure;
  },
);
