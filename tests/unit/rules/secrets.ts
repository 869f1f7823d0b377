/**
 * Helpers that find secret material in what check returns: the lines of a PEM body, which must never appear in a
 * failure, in the inputs check returns (except the one secret input), or in what the engine prints.
 */

/** The base64 lines of a PEM value (its material), at least 16 characters each so a match is never by chance. */
export function keyLines(pem: string): string[] {
  return pem
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.startsWith("-----"));
}

/** True when any line of `pem`'s material, or its whole text, appears in `text`. */
export function leaks(text: string, pem: string): boolean {
  const compact = pem.replace(/\s+/g, "");
  return keyLines(pem).some((line) => text.includes(line)) || (compact.length >= 16 && text.includes(compact));
}
