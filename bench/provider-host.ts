/**
 * The provider modules as one dynamic-provider host process holds them. Every `pulumi up` starts a new host, so
 * module state lives for one run only; the one that matters here is ESA's client-side limit of 100
 * CreateCustomHostname calls per hour (`esa/custom-hostname/create.ts`), which a bench that creates hundreds of
 * hostnames in one process would otherwise hit and wait out. {@link freshHost} drops the ESA resource's modules from
 * the require cache and loads them again, as a new host would. Shared state stays shared: the host client
 * (`common/host.ts`) and the GA engine are not reloaded.
 */
import * as path from "node:path";
import type * as EsaProvider from "../provider/resources/esa/custom-hostname/provider";
import * as gaBinding from "../provider/resources/ga/listener-additional-certificate/provider";

/** The two consumer providers of one host. */
export interface ProviderHost {
  readonly esa: typeof EsaProvider;
  readonly ga: typeof gaBinding;
}

const ESA_MODULES = path.join(__dirname, "..", "provider", "resources", "esa", "custom-hostname") + path.sep;

/** A new host's view of the providers: the ESA resource's modules loaded afresh. */
export async function freshHost(): Promise<ProviderHost> {
  for (const key of Object.keys(require.cache)) if (key.startsWith(ESA_MODULES)) delete require.cache[key];
  const esa = await import("../provider/resources/esa/custom-hostname/provider");
  return { esa, ga: gaBinding };
}
