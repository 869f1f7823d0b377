/**
 * The emulator's one layout for every service (docs/emulator.md §9): the same common files in each service folder,
 * every action defined in a handlers/ group, and no two modules of a service (or of the core) sharing a file name.
 */
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { SERVICES } from "../../emulator/services";
import { casService } from "../../emulator/services/cas";
import { esaService } from "../../emulator/services/esa";
import { gaService } from "../../emulator/services/ga";

const EMULATOR = join(__dirname, "..", "..", "emulator");
const SERVICES_DIR = join(EMULATOR, "services");

/** The files every service has at its root, beside its handlers/ and model/ folders. */
const COMMON_FILES = [
  "controls.ts",
  "dump.ts",
  "errors.ts",
  "index.ts",
  "lifecycle.ts",
  "lookups.ts",
  "params.ts",
  "seed.ts",
  "serving.ts",
  "state.ts",
  "views.ts",
];
const FOLDERS = ["handlers", "model"];

/** The actions each service definition registers. */
const REGISTERED: Readonly<Record<string, readonly string[]>> = {
  esa: Object.keys(esaService.actions),
  cas: Object.keys(casService.actions),
  ga: Object.keys(gaService.actions),
};

/** Every .ts file below `dir`, as paths relative to it. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path).map((inner) => join(name, inner));
    return name.endsWith(".ts") ? [name] : [];
  });
}

/** The file names used more than once below `dir`. */
function repeatedNames(dir: string): string[] {
  const names = tsFiles(dir).map((file) => basename(file));
  return [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
}

/** The names of the actions in the tables of action definitions `module` exports. */
function actionNames(module: Record<string, unknown>): string[] {
  const isAction = (value: unknown): boolean =>
    typeof value === "object" && value !== null && "handler" in value && typeof value.handler === "function";
  return Object.values(module).flatMap((value) => {
    if (typeof value !== "object" || value === null) return [];
    const entries = Object.entries(value);
    return entries.length > 0 && entries.every(([, action]) => isAction(action)) ? entries.map(([name]) => name) : [];
  });
}

describe("emulator layout", () => {
  const products = readdirSync(SERVICES_DIR).filter((name) => statSync(join(SERVICES_DIR, name)).isDirectory());

  it("has a folder for every registered service and nothing else", () => {
    assert.deepEqual([...products].sort(), SERVICES.map((s) => s.product).sort());
  });

  for (const product of products) {
    const dir = join(SERVICES_DIR, product);

    it(`${product}: the common files, handlers/ and model/, and nothing else at the root`, () => {
      const root = readdirSync(dir).sort();
      assert.deepEqual(root, [...COMMON_FILES, ...FOLDERS].sort());
      for (const folder of FOLDERS) {
        const inner = readdirSync(join(dir, folder));
        assert.ok(inner.length > 0, `${product}/${folder} is empty`);
        assert.deepEqual(
          inner.filter((name) => !name.endsWith(".ts")),
          [],
          `${product}/${folder} holds modules only`,
        );
      }
    });

    it(`${product}: no two modules share a file name`, () => {
      assert.deepEqual(repeatedNames(dir), []);
    });

    it(`${product}: every action is defined in exactly one handlers/ group`, async () => {
      const defined: string[] = [];
      for (const file of readdirSync(join(dir, "handlers"))) {
        const module = (await import(join(dir, "handlers", file))) as Record<string, unknown>;
        const names = actionNames(module);
        assert.ok(names.length > 0, `${relative(EMULATOR, join(dir, "handlers", file))} exports no action table`);
        defined.push(...names);
      }
      assert.deepEqual([...defined].sort(), [...(REGISTERED[product] ?? ["(no service)"])].sort());
    });
  }

  it("core: no two modules share a file name", () => {
    assert.deepEqual(repeatedNames(join(EMULATOR, "core")), []);
  });
});
