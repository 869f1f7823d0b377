/**
 * Generates docs/settings.md from the settings table (provider/settings/table.ts): `npm run docs:settings`.
 * tests/unit/settings/doc.test.ts fails when the file differs from what this renders, so the table in the docs is
 * the table in the code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SECTIONS, type AnySetting } from "../provider/settings/setting";
import { ALL_SETTINGS } from "../provider/settings/table";

/** Where the generated file lives. */
export const SETTINGS_DOC = path.resolve(__dirname, "..", "docs", "settings.md");

/** Text for one table cell: no pipe or line break can end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

const code = (name: string): string => `\`${name}\``;

function names(setting: AnySetting): string {
  const all = setting.config === undefined ? setting.env : [setting.config, ...setting.env];
  return all.map(code).join("<br>") + (setting.secret === true ? "<br>(secret)" : "");
}

function defaultOf(setting: AnySetting): string {
  const note = setting.defaultNote;
  if (setting.default === undefined) return note ?? "unset";
  const shown = code(setting.kind.show(setting.default));
  return note === undefined ? shown : `${shown} (${note})`;
}

function malformedOf(setting: AnySetting): string {
  if (setting.kind.takesAnyText === true) return "never (any text is a value)";
  return setting.malformed === "fails" ? "fails" : `means the default, because ${setting.malformed.fallsBackBecause}`;
}

function row(setting: AnySetting): string {
  return `| ${[
    names(setting),
    setting.kind.name,
    setting.kind.rule,
    defaultOf(setting),
    malformedOf(setting),
    setting.readBy,
    setting.description,
  ]
    .map(cell)
    .join(" | ")} |`;
}

const HEADER = `# Provider settings

<!-- Generated from provider/settings/table.ts by \`npm run docs:settings\`: do not edit by hand.
     tests/unit/settings/doc.test.ts fails when this file differs from the table. -->

Every environment variable and stack config key the provider reads, from the one table in the code
(\`provider/settings/table.ts\`), read by the one reader (\`provider/settings/read.ts\`). Variable and key names are
public API: none is ever renamed, and none changes its meaning.

## How a setting is read

- **From where.** The stack config key (\`pulumi config set alicloud:… …\`), when the setting has one, wins; then the
  environment variables, in the order listed. The environment is the one \`pulumi\` runs in (each provider host
  inherits it); the stack config reaches a provider host with its \`configure\` call. Credentials are the one
  exception to "first set wins": the key pair is read whole from one source (README "Pointing at Alibaba Cloud").
- **When.** At call time, by the operations listed under "Read by". Nothing is read at program time, so no setting
  and no credential is ever part of the state's \`__provider\`.
- **Blank is unset.** A value is trimmed; an empty or blank value is the same as none: the default.
- **One rule per kind.** Every setting of a kind follows the kind's rule, in the words of the "Values" column.
  Numbers are decimal (\`250\`, \`2.5\`, \`1e3\`); durations are milliseconds, at most 2147483647 (the longest delay a
  Node.js timer keeps); switches are \`on\`/\`off\`, enumerations match in any case, lists are comma-separated
  (blanks around entries are ignored; an empty entry, a comma too many, is malformed).
- **A malformed value fails** the operation that reads it, at the moment listed under "Read by", with an error
  naming the setting, the value as typed (a secret only by its length) and the rule, e.g.
  \`ALICLOUD_CERTS_MIN_POLL_MS is "2s": it must be a number of milliseconds above 0, at most 2147483647\`. The
  exceptions say so in the "Malformed" column, with the reason.
- **No setting is an API call.** One setting makes requests of its own: with \`ALICLOUD_CERTS_CLOCK_URL\` set, every
  read of the provider's clock is an HTTP GET to it, and \`esa.CustomHostname\`'s check reads the clock (an uploaded
  certificate's validity). That GET is the one request a check makes; it is never an Alibaba Cloud API call.

\`ALICLOUD_CERTS_*\` variables not listed here are not the provider's: \`scripts/env.sh\` sets the repository's own
(\`ALICLOUD_CERTS_ROOT\`, \`…_TOOLS\`, \`…_CACHE\`, versions), and the test tiers set the emulator's
(\`ALICLOUD_CERTS_EMULATOR_VERIFY_READS\`, docs/emulator.md).
`;

const COLUMNS =
  "| Setting | Kind | Values | Default | Malformed | Read by | What it does |\n" + "|---|---|---|---|---|---|---|";

/** docs/settings.md as the table says it should be. */
export function renderSettingsDoc(): string {
  const sections = SECTIONS.map((section) => {
    const rows = ALL_SETTINGS.filter((s) => s.section === section).map(row);
    return `## ${section}\n\n${COLUMNS}\n${rows.join("\n")}\n`;
  });
  return `${[HEADER, ...sections].join("\n")}`;
}

if (require.main === module) {
  fs.writeFileSync(SETTINGS_DOC, renderSettingsDoc());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SETTINGS_DOC)} (${ALL_SETTINGS.length} settings)\n`);
}
