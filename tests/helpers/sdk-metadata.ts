/**
 * The official SDKs' own request metadata, read from the installed packages: for every API action, the API version,
 * the HTTP method and the names of the parameters the SDK sends (query and body). Python SDKs come from the
 * bootstrap venv (.tools/python-sdks), Node SDKs from node_modules. Both are generated from Alibaba's API models
 * with the same shape, `*_with_options` / `*WithOptions` methods that fill `query[...]`/`body[...]` and build
 * `Params(action=…, version=…, method=…)`, so one reader per language is enough.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";

/** What one SDK says about one action. */
export interface SdkAction {
  readonly action: string;
  readonly version: string;
  readonly method: string;
  /** Wire parameter names the SDK can send (top level, before flattening). */
  readonly params: ReadonlySet<string>;
}

/** Actions by name. */
export type SdkMetadata = ReadonlyMap<string, SdkAction>;

/** How one language's SDK is read. */
interface Dialect {
  /** Where each `*WithOptions` method starts. */
  readonly methodStart: RegExp;
  /** A `Params(...)` field such as `action`. */
  field(name: string): RegExp;
  /** The request model a method serializes whole (`request.to_map()`: GET actions and shrink requests). */
  readonly wholeRequest: RegExp;
  readonly requestModel: RegExp;
  /** The wire names a request model serializes. */
  modelParams(model: string): string[];
}

function parseMethods(source: string, dialect: Dialect): SdkMetadata {
  const { methodStart, field } = dialect;
  const out = new Map<string, SdkAction>();
  const starts = [...source.matchAll(methodStart)].map((m) => m.index);
  starts.push(source.length);
  for (let i = 0; i + 1 < starts.length; i++) {
    const body = source.slice(starts[i], starts[i + 1]);
    const action = field("action").exec(body)?.[1];
    const version = field("version").exec(body)?.[1];
    const method = field("method").exec(body)?.[1];
    if (action === undefined || version === undefined || method === undefined || out.has(action)) continue;
    const params = new Set(
      [...body.matchAll(/(?:query|body)\[['"]([A-Za-z0-9_.]+)['"]\]\s*=/g)].map((m) => m[1] ?? ""),
    );
    const found = dialect.requestModel.exec(body);
    const model = dialect.wholeRequest.test(body) ? (found?.[1] ?? found?.[2] ?? `${action}Request`) : undefined;
    for (const name of model === undefined ? [] : dialect.modelParams(model)) params.add(name);
    out.set(action, { action, version, method, params });
  }
  return out;
}

/** Metadata of a Python SDK (`client.py`), e.g. `alibabacloud_ga20191120`. */
export function pythonSdk(venv: string, module: string): SdkMetadata {
  const lib = path.join(venv, "lib");
  const python = readdirSync(lib).find((d) => d.startsWith("python"));
  if (python === undefined) throw new Error(`no python under ${lib}`);
  const dir = path.join(lib, python, "site-packages", module);
  const source = readFileSync(path.join(dir, "client.py"), "utf8");
  return parseMethods(source, {
    // Only the synchronous variants: the async ones repeat the same metadata.
    methodStart: /\n {4}def [a-z0-9_]+_with_options\(/g,
    field: (name) => new RegExp(`\\b${name} = '([^']+)'`),
    wholeRequest: /Utils\.query\(request\.to_map\(\)\)/,
    requestModel: /request = main_models\.(\w+)\(\)|request: main_models\.(\w+)/,
    modelParams: (model) => {
      const snake = model.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
      const file = path.join(dir, "models", `_${snake}.py`);
      // Models whose file name does not follow the rule (acronyms) are never ours; an empty list makes a test
      // that needs one fail loudly instead.
      if (!existsSync(file)) return [];
      const text = readFileSync(file, "utf8");
      const start = text.indexOf(`class ${model}(`);
      const end = text.indexOf("\nclass ", start + 1);
      const block = text.slice(start, end < 0 ? undefined : end);
      return [...block.matchAll(/result\['([A-Za-z0-9_.]+)'\] =/g)].map((m) => m[1] ?? "");
    },
  });
}

/** Metadata of a Node SDK (`dist/client.js`), e.g. `@alicloud/esa20240910`. */
export function nodeSdk(root: string, pkg: string): SdkMetadata {
  const dist = path.join(root, "node_modules", pkg, "dist");
  const source = readFileSync(path.join(dist, "client.js"), "utf8");
  return parseMethods(source, {
    methodStart: /\n {4}async [a-zA-Z0-9]+WithOptions\(/g,
    field: (name) => new RegExp(`\\b${name}: "([^"]+)"`),
    wholeRequest: /OpenApiUtil\.query\(request\.toMap\(\)\)/,
    requestModel: /request = new \$_model\.(\w+)\(\{\}\)/,
    modelParams: (model) => {
      const file = path.join(dist, "models", `${model}.js`);
      if (!existsSync(file)) return [];
      const text = readFileSync(file, "utf8");
      const names = /static names\(\) \{\s*return \{([^}]*)\}/.exec(text)?.[1] ?? "";
      return [...names.matchAll(/:\s*'([A-Za-z0-9_.]+)'/g)].map((m) => m[1] ?? "");
    },
  });
}

/** The installed version of a Python SDK (from its dist-info), or undefined. */
export function pythonSdkVersion(venv: string, distribution: string): string | undefined {
  const lib = path.join(venv, "lib");
  if (!existsSync(lib)) return undefined;
  for (const python of readdirSync(lib)) {
    const site = path.join(lib, python, "site-packages");
    const prefix = `${distribution.replace(/-/g, "_")}-`;
    const info = existsSync(site)
      ? readdirSync(site).find((d) => d.startsWith(prefix) && d.endsWith(".dist-info"))
      : undefined;
    if (info !== undefined) return info.slice(prefix.length, -".dist-info".length);
  }
  return undefined;
}
