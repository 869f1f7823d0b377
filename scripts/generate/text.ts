/**
 * Documentation text of a declaration (`Text`: a string, or lines where `""` separates paragraphs) rendered three
 * ways: as a TSDoc comment wrapped to the page, as Markdown for the schema's descriptions, and as one table cell.
 */
import { type Text } from "../../provider/resources/common/declaration";

/** The page width prettier keeps (`.prettierrc.json` `printWidth`). */
export const PAGE_WIDTH = 120;

/** The lines of a text. */
export function linesOf(text: Text | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === "string" ? [text] : [...text];
}

/** A space that is not a place to break: inside an inline tag (`{@link X}`), which must stay on one line. */
const KEPT_SPACE = "\u0000";

/** Greedy word wrap of one line; list items (`- `) continue indented by two spaces. */
export function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const hanging = line.startsWith("- ") ? "  " : "";
  const out: string[] = [];
  let current = "";
  const words = line.replace(/\{@[^}]*\}/g, (tag) => tag.replaceAll(" ", KEPT_SPACE)).split(" ");
  for (const word of words.map((w) => w.replaceAll(KEPT_SPACE, " "))) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (candidate.length > width && current !== "") {
      out.push(current);
      current = `${hanging}${word}`;
    } else {
      current = candidate;
    }
  }
  out.push(current);
  return out;
}

/**
 * A TSDoc comment at `indent`: one line when it fits, else one line per wrapped line of `text` and then of `tags`
 * (`@default …`, `@param …`); nothing for an empty text.
 */
export function docComment(indent: string, text: Text | undefined, tags: readonly string[] = []): string {
  const lines = [...linesOf(text), ...tags];
  if (lines.every((line) => line === "")) return "";
  const single = `${indent}/** ${lines[0] ?? ""} */`;
  if (lines.length === 1 && single.length <= PAGE_WIDTH) return single;
  const prefix = `${indent} * `;
  const body = lines.flatMap((line) =>
    line === "" ? [`${indent} *`] : wrap(line, PAGE_WIDTH - prefix.length).map((part) => `${prefix}${part}`),
  );
  return [`${indent}/**`, ...body, `${indent} */`].join("\n");
}

/** TSDoc inline links as Markdown code: `{@link certType}` → `` `certType` ``. */
export function markdown(text: string): string {
  return text.replace(/\{@link ([^}|\s]+)(?:\s*\|\s*([^}]+))?\}/g, (_all, target: string, label?: string) =>
    label === undefined ? `\`${target}\`` : `${label} (\`${target}\`)`,
  );
}

/** A text as Markdown paragraphs and lists. */
export function markdownText(text: Text | undefined): string {
  return linesOf(text)
    .map((line) => markdown(line))
    .join("\n");
}

/** A text as one Markdown table cell: paragraphs joined, `|` escaped. */
export function tableCell(text: Text | undefined): string {
  return linesOf(text)
    .filter((line) => line !== "")
    .map((line) => markdown(line).replace(/\|/g, "\\|"))
    .join(" ");
}
