/**
 * Provider tier, issue 12 item 3: four stacks (four separate dynamic-provider host processes, so four GA queues that
 * know nothing of each other) rotate certificates on ONE emulator accelerator, round after round. GA answers
 * `StateError.*` while any write holds the accelerator; every rotation must still converge with no failure.
 *
 * Each round starts with the accelerator held busy (as another operator's write would), and is released only once
 * the request log shows every stack has been refused, so contention is certain however slowly a loaded machine
 * runs: the test synchronizes on the log, never on a timer. The first round holds it until every stack has been
 * refused more often than the transport's default attempt limit (8), which is where the engine used to give up.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type * as Package from "pulumi-alicloud-certs";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";
import { ProviderHost, serializeProvider, type HostResource, type Props } from "../helpers/provider-host";

const REPO_ROOT = path.resolve(__dirname, "../..");
// Loaded by path (see ga-listener-certificates.test.ts): the staged install is what Pulumi serializes by reference.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs")) as typeof Package;

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const SET_TYPE = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates";
/** How long each accepted write holds the accelerator's lock (simulated ms at speed 1). */
const LOCK_MS = 300;
const STACKS = 4;
const DOMAINS_PER_STACK = 2;
const ROUNDS = 3;
/** Certificates rotate through a pool of 5, so the listener never holds more than its quota of 10. */
const POOL = 5;

const cert = (n: number): string => `${31000000 + n}-cn-hangzhou`;
const domainOf = (stack: number, k: number): string => `s${stack}-d${k}.example.com`;

const SEED: EmulatorSeed = {
  cas: {
    certificates: Array.from({ length: POOL }, (_, i) => ({
      certId: String(31000001 + i),
      commonName: `pool${i}.test`,
      // Covers every stack's domains (s<stack>-d<k>.example.com): the GA engine binds only covering certificates.
      sans: ["*.example.com"],
    })),
  },
  ga: GA_DEFAULT_SEED,
};

/** The bindings stack `stack` wants in round `round`: every round gives every domain a different certificate. */
function wanted(stack: number, round: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: DOMAINS_PER_STACK }, (_, k) => [domainOf(stack, k), cert(((stack + k + round) % POOL) + 1)]),
  );
}

interface Stack {
  /** Which stack this is (picks its domains). */
  readonly index: number;
  readonly host: ProviderHost;
  readonly set: HostResource;
  id: string;
  props: Props;
}

function strip(props: Props): Props {
  const { __provider: _p, ...rest } = props;
  return rest;
}

async function startStack(emu: RunningEmulator, index: number): Promise<Stack> {
  const host = await ProviderHost.start({
    env: {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "100",
      ALICLOUD_CERTS_MAX_POLL_MS: "400",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
    },
  });
  await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
  const set = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificatesProvider), SET_TYPE);
  return { index, host, set, id: "", props: {} };
}

/** Check, then create or update, exactly as the engine would for one stack's `pulumi up`. */
async function apply(stack: Stack, round: number): Promise<void> {
  const news = { acceleratorId: ACC, listenerId: HTTPS, certificates: wanted(stack.index, round) };
  const { inputs, failures } = await stack.set.check("certs", stack.id === "" ? {} : stack.props, news);
  assert.deepEqual(failures, []);
  if (stack.id === "") {
    const created = await stack.set.create("certs", strip(inputs));
    stack.id = created.id;
    stack.props = strip(created.properties);
  } else {
    stack.props = strip((await stack.set.update("certs", stack.id, stack.props, strip(inputs))).properties);
  }
}

/** More refusals than the transport's default attempt limit, where the engine used to give up. */
const OUTLAST_ATTEMPT_LIMIT = 9;

/** Resolves once every stack's first domain has been refused `times` times with a StateError since `sinceSeq`. */
async function untilEveryStackRefused(emu: RunningEmulator, sinceSeq: number, times: number): Promise<void> {
  const giveUpAt = Date.now() + 240_000;
  for (;;) {
    const refused = new Map<string, number>();
    for (const r of await emu.control.requests({ product: "ga" }))
      if (r.seq > sinceSeq && r.outcome.startsWith("StateError")) {
        const domain = r.params["Domain"] ?? "";
        refused.set(domain, (refused.get(domain) ?? 0) + 1);
      }
    if (Array.from({ length: STACKS }, (_, s) => refused.get(domainOf(s, 0)) ?? 0).every((n) => n >= times)) return;
    if (Date.now() > giveUpAt) throw new Error(`stacks stopped trying: ${JSON.stringify(Object.fromEntries(refused))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function lastSeq(emu: RunningEmulator): Promise<number> {
  return Math.max(0, ...(await emu.control.requests({ product: "ga" })).map((r) => r.seq));
}

describe("provider tier: four stacks rotating certificates on one GA accelerator", function () {
  this.timeout(600_000);
  let emu: RunningEmulator | undefined;
  const stacks: Stack[] = [];
  before(async () => {
    emu = await startEmulator({ seed: SEED, timings: { gaWriteMs: LOCK_MS }, quiet: true });
    for (let s = 0; s < STACKS; s++) stacks.push(await startStack(emu, s));
  });
  after(async () => {
    for (const stack of stacks) stack.host.close();
    await emu?.close();
  });

  it(`every rotation converges with no failure over ${ROUNDS} contended rounds`, async () => {
    const control = emu!.control;
    await Promise.all(stacks.map((stack) => apply(stack, 0)));
    const figures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const since = await lastSeq(emu!);
      // Another operator's write holds the accelerator as the round starts.
      await control.service("ga", "setAcceleratorState", { acceleratorId: ACC, state: "configuring" });
      const runs = Promise.allSettled(stacks.map((stack) => apply(stack, round)));
      await untilEveryStackRefused(emu!, since, round === 1 ? OUTLAST_ATTEMPT_LIMIT : 1);
      await control.service("ga", "setAcceleratorState", { acceleratorId: ACC, state: "active" });
      const results = await runs;
      const failed = results.flatMap((r, s) => (r.status === "rejected" ? [`stack ${s}: ${String(r.reason)}`] : []));
      assert.deepEqual(failed, [], `round ${round}: every stack converges`);

      const log = (await control.requests({ product: "ga" })).filter((r) => r.seq > since);
      const writes = log.filter((r) => r.action === "UpdateAdditionalCertificateWithListener");
      const refused = writes.filter((r) => r.outcome.startsWith("StateError")).length;
      figures.push(`round ${round}: ${writes.length} Update calls, ${refused} refused as busy`);
      assert.equal(writes.filter((r) => r.outcome === "ok" && r.replayed !== true).length, STACKS * DOMAINS_PER_STACK);
      assert.ok(refused >= STACKS, `contention happened in round ${round}`);

      const objects = (await control.objects()) as {
        ga?: { bindings?: Record<string, { domain: string; certificateId: string; state: string }[]> };
      };
      const live = Object.fromEntries((objects.ga?.bindings?.[HTTPS] ?? []).map((b) => [b.domain, b.certificateId]));
      const expected = Object.assign({}, ...stacks.map((stack) => wanted(stack.index, round))) as Record<
        string,
        string
      >;
      assert.deepEqual(live, expected, `round ${round}: the listener holds every stack's rotation`);
      for (const stack of stacks) assert.deepEqual(stack.props["certificates"], wanted(stack.index, round));
    }
    console.log(`      ${figures.join("; ")}`);
    const output = stacks.map((stack) => stack.host.output.join("")).join("");
    assert.doesNotMatch(output, /not attempted/);
    assert.match(output, /StateError\.Accelerator \(another write holds the accelerator\); retrying/, "busy is shown");
  });
});
