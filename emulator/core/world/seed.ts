/** Seeds: validation of seed JSON, the default credential, and applying a seed to the world (all or nothing). */
import { readFileSync } from "node:fs";
import {
  API_VERSIONS,
  ApiError,
  type EmulatorSeed,
  type Product,
  type ServiceContext,
  type WorldState,
} from "../contract";
import { controlError, expectRecord, isProduct, optString, reqString } from "../json";
import type { ErasedService } from "../registry";
import type { CredentialStore } from "./credentials";

/** The access key every emulator accepts unless a seed names its own. */
export const DEFAULT_CREDENTIAL = {
  accessKeyId: "LTAI5tEmulatorDefaultKey",
  accessKeySecret: "emulator-default-secret-change-me",
} as const;

type SeedCredential = NonNullable<EmulatorSeed["credentials"]>[number];

/** Validate seed JSON (from a file or `POST /__emulator/seed`). Product sections stay unvalidated for the services. */
export function parseSeed(value: unknown): EmulatorSeed {
  const obj = expectRecord(value, "A seed");
  const seed: EmulatorSeed = {};
  for (const [key, section] of Object.entries(obj)) {
    if (key.startsWith("$")) continue; // "$comment", "$schema": documentation inside seed files
    if (key === "credentials") seed.credentials = parseCredentials(section);
    else if (isProduct(key)) seed[key] = section;
    else throw controlError(`Unknown seed section "${key}" (expected credentials, esa, cas, ga).`);
  }
  return seed;
}

function parseCredentials(value: unknown): SeedCredential[] {
  if (!Array.isArray(value)) throw controlError('"credentials" must be an array.');
  return value.map((item: unknown, i) => {
    const obj = expectRecord(item, `credentials[${i}]`);
    const credential: SeedCredential = {
      accessKeyId: reqString(obj, "accessKeyId"),
      accessKeySecret: reqString(obj, "accessKeySecret"),
    };
    const token = optString(obj, "securityToken");
    if (token !== undefined && token !== "") credential.securityToken = token;
    return credential;
  });
}

/** Read and validate a seed file. */
export function loadSeedFile(path: string): EmulatorSeed {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`Cannot read seed file ${path}: ${String(err)}`);
  }
  try {
    return parseSeed(JSON.parse(text) as unknown);
  } catch (err) {
    throw new Error(`Invalid seed file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Refuse a seed with a section for a product the emulator does not serve. */
export function checkSeedProducts(seed: EmulatorSeed, has: (product: Product) => boolean): void {
  for (const product of Object.keys(API_VERSIONS) as Product[]) {
    if (seed[product] !== undefined && !has(product)) {
      throw controlError(`The emulator has no "${product}" service to seed.`);
    }
  }
}

/** Run a service hook, turning its plain errors into a 400 (a bad seed or control body is the caller's fault). */
function asControlCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw controlError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Merge a validated seed into `world`: credentials by access key id, then each present product section, in registry
 * order (CAS before GA, so GA seeds can refer to seeded certificates). All or nothing: a section a service rejects
 * leaves the world and the credentials as they were.
 */
export function applySeed(
  world: { state: WorldState },
  credentials: CredentialStore,
  services: readonly ErasedService[],
  context: ServiceContext,
  seed: EmulatorSeed,
): void {
  const state = structuredClone(world.state);
  const keys = credentials.snapshot();
  try {
    credentials.add(seed.credentials ?? []);
    for (const service of services) {
      const section = seed[service.product];
      if (section !== undefined) {
        asControlCall(() => service.applySeed(world.state[service.product], section, context));
      }
    }
  } catch (err) {
    world.state = state;
    credentials.restore(keys);
    throw err;
  }
}
