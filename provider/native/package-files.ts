/**
 * What the plugin answers about itself, from the files of the installed package (found through the package's own
 * name, Node.js's self-reference through `exports`): `GetSchema` is `schema.json` as shipped, `GetPluginInfo` the
 * version in package.json. Read once, when first asked.
 */
import * as fs from "node:fs";

const cache: { schema?: string; version?: string } = {};

/** The package schema, as `schema.json` holds it. */
export function packageSchemaText(): string {
  cache.schema ??= fs.readFileSync(require.resolve("pulumi-alicloud-certs/schema.json"), "utf8");
  return cache.schema;
}

/** The package's version. */
export function packageVersion(): string {
  if (cache.version === undefined) {
    const manifest: unknown = JSON.parse(
      fs.readFileSync(require.resolve("pulumi-alicloud-certs/package.json"), "utf8"),
    );
    const version =
      typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : undefined;
    if (typeof version !== "string") throw new Error("the package.json of pulumi-alicloud-certs has no version");
    cache.version = version;
  }
  return cache.version;
}
