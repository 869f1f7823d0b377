/**
 * `npm run demo`: the flagship program (root Pulumi.yaml) end to end, with no account and no setup.
 *
 * 1. Starts the embedded emulator and points the program at it.
 * 2. Onboarding: the customers publish their one-time CNAMEs (played through the emulator's control API).
 * 3. `pulumi preview`, then ONE `pulumi up`: order, the platform's validation record, wait, serve on ESA and GA.
 * 4. The next plain `pulumi up` (the daily run) records the issuance on the order; a quiet one calls nothing. Then
 *    the emulator's clock jumps into the renewal window, a plain `pulumi preview` shows the replacement and why, and
 *    a plain `pulumi up` renews everything in place with zero downtime; prints what was renewed, the order of the
 *    calls and the emulator's serving analysis (zero gaps, zero invalid).
 * 5. Destroys the stack, the customers remove their CNAMEs, and checks the emulator holds nothing any more.
 *
 * `--keep` keeps the stack and the emulator up for exploring after step 4, until Ctrl-C (then cleans up the same way).
 * Exits non-zero if any step fails or the renewal is not complete, in place and without a serving violation.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SC081_SCHEDULE, startEmulator } from "../emulator";
import { onboardingRecords, publish, unpublish, type DemoCustomers } from "./onboarding";
import { pulumi, ROOT, STACK, stackOutputs } from "./pulumi-cli";
import {
  allRenewedInPlace,
  callOrderLine,
  demoOutputs,
  leftovers,
  renewedLines,
  revokedAfterConsumers,
  servingLines,
} from "./report";

const EMULATOR_STATE = path.join(ROOT, ".state", "demo-emulator.json");
const DAY_MS = 86_400_000;

/** The demo's customers; written to the stack config, so the program and the onboarding agree. */
const CUSTOMERS: DemoCustomers = {
  domain: "shop.customer-one.com",
  freeHostnames: ["docs.customer-two.com"],
  dcvZone: "dcv.example-saas.com",
  recordId: "4042843419650112", // origin.example-saas.com in the emulator's default seed
};

function say(message: string): void {
  process.stdout.write(`\n\x1b[1m[demo] ${message}\x1b[0m\n`);
}

function show(lines: readonly string[]): void {
  for (const line of lines) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  const keep = process.argv.includes("--keep");
  const resumed = fs.existsSync(EMULATOR_STATE);
  say(
    resumed
      ? "restarting the emulator from a previous, unfinished demo"
      : "starting the embedded Alibaba Cloud emulator",
  );
  // The demo shows the renewal validated again through the delegated zone: a CA that reuses no domain validation.
  // The default (ballot SC-081) would pass a renewal inside its reuse period without looking at the new TXT.
  const caSchedule = SC081_SCHEDULE.map((step) => ({ ...step, dcvReuseDays: 0 }));
  const emulator = await startEmulator({ stateFile: EMULATOR_STATE, quiet: true, caSchedule });
  console.log(`  ${emulator.url}  (ESA site example-saas.com, GA accelerator with an HTTPS listener, CAS DV quota)`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ALICLOUD_CERTS_ENDPOINT: emulator.url,
    ALICLOUD_ACCESS_KEY: emulator.accessKeyId,
    ALICLOUD_SECRET_KEY: emulator.accessKeySecret,
    // The renewal window opens by the emulator's clock, which the demo moves forward by weeks.
    ALICLOUD_CERTS_CLOCK_URL: `${emulator.url}/__emulator/clock`,
    // The emulator answers in seconds; poll it faster than the real service needs.
    ALICLOUD_CERTS_MIN_POLL_MS: process.env["ALICLOUD_CERTS_MIN_POLL_MS"] ?? "500",
    ALICLOUD_CERTS_MAX_POLL_MS: process.env["ALICLOUD_CERTS_MAX_POLL_MS"] ?? "2000",
  };
  const onboarding = await onboardingRecords(emulator.control, CUSTOMERS);
  const cleanUp = async (): Promise<string> => {
    say("pulumi destroy; the customers remove their CNAMEs");
    await pulumi(["destroy", "--yes", "--skip-preview"], env);
    await pulumi(["stack", "rm", "--yes"], env);
    await unpublish(emulator.control, onboarding);
    const left = leftovers(await emulator.control.objects(), (await emulator.control.records()).length);
    await emulator.close();
    fs.rmSync(EMULATOR_STATE, { force: true });
    say(`done: stack removed, emulator stopped; left in the emulator: ${left}`);
    return left;
  };

  try {
    const stacks = await pulumi(["stack", "ls", "--json"], env, true).catch(() => "[]");
    if (stacks.includes(`"name": "${STACK}"`)) {
      say("an earlier demo stack exists: destroying it first");
      await pulumi(["destroy", "--yes", "--skip-preview"], env);
    } else {
      await pulumi(["stack", "init", STACK], env);
    }
    await pulumi(["config", "set", "domain", CUSTOMERS.domain], env);
    await pulumi(["config", "set", "--path", "freeHostnames[0]", CUSTOMERS.freeHostnames[0] ?? ""], env);
    await pulumi(["config", "set", "dcvZone", CUSTOMERS.dcvZone], env);
    await pulumi(["config", "set", "recordId", CUSTOMERS.recordId], env);

    say("onboarding: each customer publishes its one-time CNAMEs (played by the emulator's control API)");
    await publish(emulator.control, onboarding);
    for (const r of onboarding) console.log(`  ${r.type} ${r.name} → ${r.value}   (${r.purpose})`);

    say("one pulumi up: order, write the validation record, wait for issuance, serve on ESA and GA");
    await pulumi(["preview"], env);
    await pulumi(["up", "--yes", "--skip-preview"], env);
    const first = await stackOutputs(env);
    await pulumi(["stack", "output"], env);
    const cname = first["onboardingCname"] as { name?: string; value?: string } | undefined;
    const published = onboarding[0];
    if (cname?.name !== published?.name || cname?.value !== published?.value)
      throw new Error(`the order's delegationCname ${JSON.stringify(cname)} is not what the customer published`);

    const before = demoOutputs(first);
    say("the next pulumi up (a daily run, say): the order reads its state once and records the issuance");
    await pulumi(["up", "--yes", "--skip-preview"], env);
    const recorded = await stackOutputs(env);
    const due = Date.parse(String(recorded["renewalDue"] ?? ""));
    if (Number.isNaN(due)) throw new Error("the second run did not record the order's renewalDue");
    const quietSince = (await emulator.control.requests()).at(-1)?.seq ?? 0;
    say("another pulumi up on a quiet day: nothing to do, no API call");
    await pulumi(["up", "--yes", "--skip-preview"], env);
    const quietCalls = (await emulator.control.requests({ since: quietSince })).length;
    show([`API calls of the quiet run: ${quietCalls}`]);
    if (quietCalls !== 0) throw new Error(`a quiet pulumi up made ${quietCalls} API calls`);

    const notAfter = Date.parse(before.certificate.notAfter ?? "");
    // One day inside the window (one third of the certificate's lifetime before it ends: renewBeforeDays is unset).
    const jump = due + DAY_MS - (await emulator.control.now());
    const clock = await emulator.control.advanceTime(Math.max(jump, 0));
    say(
      `the emulator's clock jumps ${(jump / DAY_MS).toFixed(1)} days to ${clock.iso}: the certificate ends ` +
        `${new Date(notAfter).toISOString()}, and renewal is due from ${new Date(due).toISOString()}`,
    );

    say("pulumi preview: the renewal is proposed, with why");
    await pulumi(["preview"], env);

    say("pulumi up: renew everything, with zero downtime");
    const since = (await emulator.control.requests()).at(-1)?.seq ?? 0;
    await pulumi(["up", "--yes", "--skip-preview"], env);
    const after = demoOutputs(await stackOutputs(env));
    const renewed = renewedLines(before, after);
    say("renewed");
    show(renewed);
    const renewalCalls = await emulator.control.requests({ since });
    show([`calls, in order: ${callOrderLine(renewalCalls)}`]);
    const revokedLast = revokedAfterConsumers(renewalCalls);
    show([
      revokedLast
        ? "the old certificate was revoked after every consumer served the new one"
        : "the old certificate was NOT revoked after the consumer updates",
    ]);

    say("serving analysis (the emulator's per-consumer timelines, first run to now)");
    const analysis = await emulator.control.servingAnalysis();
    show(servingLines(analysis, await emulator.control.serving()));

    if (keep) {
      say("--keep: the stack and the emulator stay up. In another terminal:");
      console.log(
        `  export ALICLOUD_CERTS_ENDPOINT=${emulator.url} ALICLOUD_ACCESS_KEY=${emulator.accessKeyId} ALICLOUD_SECRET_KEY=...`,
      );
      console.log("  scripts/with-env pulumi stack output --stack demo --show-secrets");
      console.log(`  curl -s ${emulator.url}/__emulator/serving/analysis`);
      console.log("Press Ctrl-C to destroy the stack and stop the emulator.");
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    }
    const left = await cleanUp();
    const problems = [
      ...(allRenewedInPlace(renewed) ? [] : ["not everything was renewed in place"]),
      ...(revokedLast ? [] : ["the old certificate was not revoked last"]),
      ...(analysis.ok ? [] : [`${analysis.violations.length} serving violations`]),
      ...(left === "nothing" ? [] : [`left behind: ${left}`]),
    ];
    if (problems.length > 0) {
      say(`FAILED: ${problems.join("; ")}`);
      process.exitCode = 1;
    }
  } catch (error: unknown) {
    say(`failed: ${error instanceof Error ? error.message : String(error)}`);
    say(`the emulator state is kept in ${path.relative(ROOT, EMULATOR_STATE)}; run the demo again to clean up`);
    await emulator.close();
    process.exitCode = 1;
  }
}

void main();
