/**
 * The inputs and outputs both GA resources declare alike (`listener-additional-certificate/declaration.ts`,
 * `listener-additional-certificates/declaration.ts`): the accelerator, the listener and the write timeout.
 */
import { INTEGER_SCHEMA, STRING_SCHEMA, type InputDeclaration, type OutputDeclaration } from "../common/declaration";
import { hookValue, timeoutValue } from "../common/value-rules";
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from "./validate";

/**
 * The parts keep their literal types (`satisfies`, not a type annotation), so each resource's check can take its
 * readers from them (`../common/declared-check.ts`): the ids are read by GA's own readers (`./validate.ts`, hooks).
 */

/** `acceleratorId`: a replacing input; `doc` says how the old bindings go. */
export function acceleratorIdInput(doc: string) {
  return {
    doc,
    argsType: "pulumi.Input<string>",
    schema: STRING_SCHEMA,
    api: "AcceleratorId",
    change: "replace",
    deleteBeforeReplace: true,
    required: true,
    value: hookValue<string>(),
  } satisfies InputDeclaration;
}

/** `listenerId`: a replacing input; `doc` says how the old bindings go. */
export function listenerIdInput(doc: string, deleteBeforeReplace: boolean) {
  return {
    doc,
    argsType: "pulumi.Input<string>",
    schema: STRING_SCHEMA,
    api: "ListenerId",
    change: "replace",
    ...(deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
    required: true,
    value: hookValue<string>(),
  } satisfies InputDeclaration;
}

/** `timeoutSeconds`: the bound of each GA write, a provider-only setting. */
export const TIMEOUT_INPUT = {
  doc: "How long, in seconds, each GA write may take: its retries while the accelerator is busy, then the wait for the listener and the accelerator to be `active` again. Whole seconds in [1, 86400]. Changing it touches no API.",
  argsType: "pulumi.Input<number>",
  schema: INTEGER_SCHEMA,
  change: "provider",
  default: "600 (10 minutes)",
  defaultValue: DEFAULT_TIMEOUT_SECONDS,
  range: `1–${MAX_TIMEOUT_SECONDS} seconds`,
  value: timeoutValue(MAX_TIMEOUT_SECONDS),
} satisfies InputDeclaration;

/** The outputs echoing the accelerator, the listener and the timeout. */
export const LISTENER_OUTPUTS = {
  acceleratorId: { doc: "The GA instance id.", outputType: "string", schema: STRING_SCHEMA, always: true },
  listenerId: { doc: "The HTTPS listener id.", outputType: "string", schema: STRING_SCHEMA, always: true },
  timeoutSeconds: {
    doc: "The timeout in seconds, when set.",
    outputType: "number | undefined",
    schema: INTEGER_SCHEMA,
  },
} satisfies Record<string, OutputDeclaration>;
