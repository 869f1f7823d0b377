/** Seeds: validation of seed JSON and the default credential. */
import { readFileSync } from "node:fs";
import type { EmulatorSeed } from "../contract";
import { controlError, expectRecord, isProduct, optString, reqString } from "../json";

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
