/**
 * `npm run generate`: write every file generated from the resource declarations (`scripts/generate/index.ts`).
 * Run it after editing a `provider/resources/<product>/<resource>/declaration.ts`; commit what it writes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles, REPO_ROOT } from "./generate/index";

async function main(): Promise<void> {
  for (const file of await generatedFiles()) {
    const target = path.join(REPO_ROOT, file.path);
    const before = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (before === file.content) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
    console.log(`generate: wrote ${file.path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
