/**
 * The input a check failure is about. A failure on a sensitive input (a key, personal data) carries no `property`,
 * so the engine never prints its value; its reason starts with the input's name instead.
 */
export function failedProperty(failure: { readonly property: string; readonly reason: string }): string {
  if (failure.property !== "") return failure.property;
  return /^"?([A-Za-z_$][\w$]*)/.exec(failure.reason)?.[1] ?? "";
}
