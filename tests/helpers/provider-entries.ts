/**
 * The released provider entry modules, read from `provider-entries.json` at the repository root: type token → path
 * of the module holding that resource's provider object, relative to the package root. `__provider` in users' state
 * is a `require()` of these paths, so entries are only ever added.
 */
import * as fs from "node:fs";
import * as path from "node:path";

function load(): Readonly<Record<string, string>> {
  const file = path.resolve(__dirname, "../../provider-entries.json");
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  const entries = typeof parsed === "object" && parsed !== null ? (parsed as { entries?: unknown }).entries : undefined;
  if (typeof entries !== "object" || entries === null) throw new Error(`${file}: no "entries" object`);
  const out: Record<string, string> = {};
  for (const [token, entry] of Object.entries(entries)) {
    if (typeof entry !== "string") throw new Error(`${file}: entry of ${token} is not a path`);
    out[token] = entry;
  }
  return out;
}

/** Type token (`pulumi-nodejs:dynamic/alicloud-certs:…`) → provider entry path (`dist/provider/…/provider.js`). */
export const RELEASED_PROVIDER_ENTRIES = load();
