/**
 * Failures of `read` and `delete` without a JavaScript stack trace. The dynamic-provider host prints a failed read or
 * delete (and check, diff) itself, as `console.error(`${e}: ${e.stack}`)`, so `pulumi destroy` showed a raw stack
 * after the message, a trace of this package's internals that says nothing to the user. (Create and update failures
 * go back to the engine as a gRPC status, without the stack.) The provider entries pass those verbs through
 * {@link reported}, which rethrows the failure as a {@link ReportedError}: the same message, printed once.
 */
import { messageOf } from "./dynamic";

/** A failure whose `stack` is its message and whose string form is its name: the host prints `<name>: <message>`. */
export class ReportedError extends Error {
  constructor(message: string, name: string) {
    super(message);
    this.name = name;
    Object.defineProperty(this, "stack", { value: message, enumerable: false, writable: true, configurable: true });
  }

  override toString(): string {
    return this.name;
  }
}

/** The name a reported failure keeps: the original error's class (`AlibabaCloudError`), else `Error`. */
function nameOf(error: unknown): string {
  return error instanceof Error && error.name !== "" ? error.name : "Error";
}

/** Await `work`; a failure is rethrown as a {@link ReportedError} with the same message. */
export async function reported<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error: unknown) {
    throw new ReportedError(messageOf(error), nameOf(error));
  }
}
