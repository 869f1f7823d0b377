/**
 * `npm run soak`: the three-year time-travel soak of bench/soak.ts with its default schedule, printing the README's
 * figures (Markdown) to stdout and progress to stderr; also written to bench/results/soak.md. Options: `--days N`,
 * `--every N`, `--domains a.com,b.com`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runSoak, soakSummary } from "./soak";

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const days = Number(option("days", "1095"));
  const everyDays = Number(option("every", "3"));
  const domains = option("domains", "alpha.example.com,beta.example.com,gamma.example.com").split(",");
  const result = await runSoak({
    domains,
    days,
    everyDays,
    // The quota outage falls on the first renewal after the 100-day step; the validation outage on the first after
    // the 47-day step, when DCV reuse is 10 days and every renewal must validate again.
    quotaOutageAfter: "2027-06-01T00:00:00Z",
    quotaOutageDays: 7,
    validationOutageAfter: "2029-04-01T00:00:00Z",
    validationOutageDays: 8,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const table = [
    `Soak: ${domains.length} domains (each on ESA upload, ESA cas and GA), ${days} simulated days from today, a plain`,
    `\`pulumi up\` every ${everyDays} days, a quota outage and a validation outage; \`npm run soak\`.`,
    "",
    "| Figure | Value |",
    "|---|---|",
    ...soakSummary(result),
    "",
  ].join("\n");
  process.stdout.write(table);
  const out = path.join(__dirname, "results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "soak.md"), table);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
