/**
 * Scenario 3: the size of each resource's `__provider` (the provider text Pulumi stores with every resource in the
 * state), serialized exactly as `dynamic.Resource` does it, from the INSTALLED package
 * (`node_modules/pulumi-alicloud-certs`, staged by `scripts/stage-package`).
 *
 * - Ours: the provider object is a module's exports, so Pulumi writes one `require("pulumi-alicloud-certs/dist/…")`.
 * - Baseline: the same provider as the style guide first suggested it: a plain object literal of one-line arrow
 *   methods calling the same implementation functions (the ones each provider module re-exports or delegates to).
 *   Pulumi cannot reference such an object; it writes each method out as text, with its captured environment.
 *
 * The baseline source is compiled at run time with the TypeScript compiler and the package's module settings
 * (CommonJS, ES2022), so its method bodies read as they would in `dist/` (`(0, impl_1.fn)(…)`), and it imports the
 * installed modules, so what it captures is serialized as the same `require`s.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import type * as Package from "../provider/index";

/** The installed package (not this repository: from inside it Node's self-reference would pick the repository). */
export const INSTALLED = path.resolve(__dirname, "../node_modules/pulumi-alicloud-certs");

// Loaded by absolute path under node_modules: Pulumi's serializer emits a `require` for a module only when the
// module's file lies under node_modules, which is what a user's installed copy looks like.
const load = createRequire(__filename);

/** A specifier for an installed module under `dist/provider/resources/`, for the generated baseline sources. */
function installed(rel: string): string {
  return JSON.stringify(path.join(INSTALLED, "dist/provider/resources", rel));
}

/** The baselines' sources: per resource, imports of the implementation functions and the one-line object. */
function plainSources(): Record<string, string> {
  return {
    "ga.ListenerAdditionalCertificate": `
import { configureHost, hostClient } from ${installed("common/host")};
import { checkBinding } from ${installed("ga/listener-additional-certificate/check")};
import { diffBinding } from ${installed("ga/listener-additional-certificate/diff")};
import { createBinding } from ${installed("ga/listener-additional-certificate/create")};
import { readBinding } from ${installed("ga/listener-additional-certificate/read")};
import { updateBinding } from ${installed("ga/listener-additional-certificate/update")};
import { deleteBinding } from ${installed("ga/listener-additional-certificate/delete")};
export const provider = {
  configure: async (req) => configureHost(req.config),
  check: (olds, news) => checkBinding(olds, news),
  diff: (id, olds, news) => diffBinding(id, olds, news),
  create: (inputs) => createBinding(inputs),
  read: (id, props) => readBinding(hostClient(), id, props),
  update: (id, olds, news) => updateBinding(id, olds, news),
  delete: (id, props) => deleteBinding(id, props),
};`,
    "ga.ListenerAdditionalCertificates": `
import { configureHost, hostClient } from ${installed("common/host")};
import { checkBindingSet } from ${installed("ga/listener-additional-certificates/check")};
import { diffBindingSet } from ${installed("ga/listener-additional-certificates/diff")};
import { createBindingSet } from ${installed("ga/listener-additional-certificates/create")};
import { readBindingSet } from ${installed("ga/listener-additional-certificates/read")};
import { updateBindingSet } from ${installed("ga/listener-additional-certificates/update")};
import { deleteBindingSet } from ${installed("ga/listener-additional-certificates/delete")};
export const provider = {
  configure: async (req) => configureHost(req.config),
  check: (olds, news) => checkBindingSet(olds, news),
  diff: (id, olds, news) => diffBindingSet(id, olds, news),
  create: (inputs) => createBindingSet(inputs),
  read: (id, props) => readBindingSet(hostClient(), id, props),
  update: (id, olds, news) => updateBindingSet(id, olds, news),
  delete: (id, props) => deleteBindingSet(id, props),
};`,
    "esa.CustomHostname": `
import { configureHost } from ${installed("common/host")};
import { checkInputs } from ${installed("esa/custom-hostname/check")};
import { createCustomHostname } from ${installed("esa/custom-hostname/create")};
import { deleteCustomHostname } from ${installed("esa/custom-hostname/delete")};
import { diffCustomHostname } from ${installed("esa/custom-hostname/diff")};
import { readCustomHostname } from ${installed("esa/custom-hostname/read")};
import { updateCustomHostname } from ${installed("esa/custom-hostname/update")};
import { hostClient } from ${installed("common/host")};
export const provider = {
  configure: async (req) => configureHost(req.config),
  check: async (_olds, news) => checkInputs(news),
  diff: async (_id, olds, news) => diffCustomHostname(olds, news),
  create: (inputs) => createCustomHostname(hostClient(), inputs),
  read: (id, props) => readCustomHostname(hostClient(), id, props),
  update: (id, olds, news) => updateCustomHostname(hostClient(), id, olds, news),
  delete: (id, props) => deleteCustomHostname(hostClient(), id, props),
};`,
    "cas.DvCertificateOrder": `
import { configureHost } from ${installed("common/host")};
import { checkOrder } from ${installed("cas/dv-certificate-order/check")};
import { diffOrder } from ${installed("cas/dv-certificate-order/diff")};
import { createOrder } from ${installed("cas/dv-certificate-order/create")};
import { readOrder } from ${installed("cas/dv-certificate-order/read")};
import { updateOrder } from ${installed("cas/dv-certificate-order/update")};
import { deleteOrder } from ${installed("cas/dv-certificate-order/delete")};
import { hostClient } from ${installed("common/host")};
export const provider = {
  configure: async (req) => configureHost(req.config),
  check: (olds, news) => checkOrder(olds, news),
  diff: async (id, olds, news) => diffOrder(id, olds, news),
  create: (inputs) => createOrder(hostClient(), inputs),
  read: (id, props) => readOrder(hostClient(), id, props ?? {}),
  update: (id, olds, news) => updateOrder(hostClient(), id, olds, news),
  delete: (id, props) => deleteOrder(hostClient(), id, props),
};`,
  };
}

/** Compile and load each baseline from a scratch directory (removed afterwards). */
function loadPlainProviders(): Map<string, pulumi.dynamic.ResourceProvider> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "alicloud-certs-bench-"));
  try {
    const out = new Map<string, pulumi.dynamic.ResourceProvider>();
    for (const [resource, source] of Object.entries(plainSources())) {
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      }).outputText;
      const file = path.join(dir, `${resource}.js`);
      writeFileSync(file, js);
      out.set(resource, (load(file) as { provider: pulumi.dynamic.ResourceProvider }).provider);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One resource's measurement. */
export interface ProviderSize {
  readonly resource: string;
  /** UTF-8 bytes of `__provider` as shipped. */
  readonly oursBytes: number;
  /** The `require(...)` targets in it. */
  readonly oursRequires: readonly string[];
  readonly plainBytes: number;
  readonly plainRequires: readonly string[];
}

/** `__provider` exactly as `dynamic.Resource` builds it. */
async function serialize(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

function requiresIn(text: string): string[] {
  return [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? "");
}

/** Serialize every resource's provider both ways. */
export async function measureProviderSizes(): Promise<ProviderSize[]> {
  const pkg = load(INSTALLED) as typeof Package;
  const ours: Record<string, pulumi.dynamic.ResourceProvider> = {
    "ga.ListenerAdditionalCertificate": pkg.ga.listenerAdditionalCertificateProvider,
    "ga.ListenerAdditionalCertificates": pkg.ga.listenerAdditionalCertificatesProvider,
    "esa.CustomHostname": pkg.esa.customHostnameProvider,
    "cas.DvCertificateOrder": pkg.cas.dvCertificateOrderProvider,
  };
  const plain = loadPlainProviders();
  const out: ProviderSize[] = [];
  for (const [resource, provider] of Object.entries(ours)) {
    const baseline = plain.get(resource);
    if (baseline === undefined) throw new Error(`bench: no baseline provider for ${resource}`);
    const oursText = await serialize(provider);
    const plainText = await serialize(baseline);
    out.push({
      resource,
      oursBytes: Buffer.byteLength(oursText, "utf8"),
      oursRequires: requiresIn(oursText),
      plainBytes: Buffer.byteLength(plainText, "utf8"),
      plainRequires: requiresIn(plainText),
    });
  }
  return out;
}
