/**
 * The package as `scripts/stage-package` installed it (node_modules/pulumi-alicloud-certs), loaded by path: inside
 * this repository `require("pulumi-alicloud-certs")` resolves to the repository itself (package self-reference),
 * not to the staged copy whose modules Pulumi captures by `require` in `__provider`.
 */
import * as path from "node:path";
import type * as Package from "pulumi-alicloud-certs";

/** The staged package's root directory. */
export const STAGED_PACKAGE = path.resolve(__dirname, "../../node_modules/pulumi-alicloud-certs");

/** The staged package's exports (the provider and engine tiers run `scripts/stage-package` first). */
export function stagedPackage(): typeof Package {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(STAGED_PACKAGE) as typeof Package;
}
