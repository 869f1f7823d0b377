/**
 * Every file generated from the resource declarations, as it must be on disk: the public file of each resource,
 * the Pulumi package schema (`schema.json`) and the reference page of each resource (`docs/reference/`). Formatted
 * with the repository's prettier settings, so `npm run lint` accepts them as written. `npm run generate` writes
 * them; `tests/unit/generated.test.ts` regenerates them in memory and fails when one on disk differs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { type ResourceDeclaration } from "../../provider/resources/common/declaration";
import { DECLARATION as CAS_ORDER } from "../../provider/resources/cas/dv-certificate-order/declaration";
import { DECLARATION as CAS_VALIDATION } from "../../provider/resources/cas/dv-certificate-validation/declaration";
import { DECLARATION as ESA_HOSTNAME } from "../../provider/resources/esa/custom-hostname/declaration";
import { DECLARATION as GA_BINDING } from "../../provider/resources/ga/listener-additional-certificate/declaration";
import { DECLARATION as GA_BINDING_SET } from "../../provider/resources/ga/listener-additional-certificates/declaration";
import { publicFile } from "./public-file";
import { referencePage, referencePath } from "./reference";
import { packageSchema } from "./schema";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "../..");

/** The five resources, in the order of the package's namespaces. */
export const DECLARATIONS: readonly ResourceDeclaration[] = [
  ESA_HOSTNAME,
  CAS_ORDER,
  CAS_VALIDATION,
  GA_BINDING,
  GA_BINDING_SET,
];

/** One generated file: its path relative to the repository root, and its content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Format `text` as prettier formats the file at `file` (its parser from the extension, the repository's options). */
async function formatted(file: string, text: string): Promise<string> {
  const absolute = path.join(REPO_ROOT, file);
  const options = (await prettier.resolveConfig(absolute)) ?? {};
  return prettier.format(text, { ...options, filepath: absolute });
}

/** The package's version, from package.json. */
function packageVersion(): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
  const version = typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : "";
  if (typeof version !== "string" || version === "") throw new Error("package.json has no version");
  return version;
}

/** Every generated file, formatted. */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const version = packageVersion();
  const raw: GeneratedFile[] = [
    ...DECLARATIONS.map((d) => ({ path: `provider/resources/${d.folder}.ts`, content: publicFile(d) })),
    { path: "schema.json", content: `${JSON.stringify(packageSchema(DECLARATIONS, version), null, 2)}\n` },
    ...DECLARATIONS.map((d) => ({ path: referencePath(d), content: referencePage(d) })),
  ];
  return Promise.all(raw.map(async (file) => ({ path: file.path, content: await formatted(file.path, file.content) })));
}
