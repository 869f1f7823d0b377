import { isWireObject, type WireJson, type WireObject } from "./wire-json";

/** Thrown when a response does not have the documented shape; the client turns it into an `invalid-response` error. */
export class ResponseShapeError extends Error {
  constructor(path: string, expected: string, got: unknown) {
    super(`response field ${path} should be ${expected}, got ${describe(got)}`);
    this.name = "ResponseShapeError";
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/**
 * Small readers that narrow an untyped response object field by field. Ids are always returned as strings
 * (numbers become their decimal form, big integers arrive as strings already), because Pulumi state keeps ids
 * as strings and some exceed 2^53.
 */
export class Reader {
  constructor(
    private readonly obj: WireObject,
    private readonly path: string,
  ) {}

  /** Read the top-level object of a response body. */
  static root(body: WireJson): Reader {
    if (!isWireObject(body)) throw new ResponseShapeError("(body)", "an object", body);
    return new Reader(body, "");
  }

  private at(key: string): string {
    return this.path === "" ? key : `${this.path}.${key}`;
  }

  /** A nested object (required). */
  object(key: string): Reader {
    const value = this.obj[key];
    if (!isWireObject(value)) throw new ResponseShapeError(this.at(key), "an object", value);
    return new Reader(value, this.at(key));
  }

  /** A nested object, or undefined when absent or null. */
  optObject(key: string): Reader | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null) return undefined;
    return this.object(key);
  }

  /** An array of objects; absent or null reads as empty (Alibaba omits empty lists). */
  objects(key: string): Reader[] {
    const value = this.obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new ResponseShapeError(this.at(key), "an array", value);
    return value.map((item, index) => {
      if (!isWireObject(item)) throw new ResponseShapeError(`${this.at(key)}[${index}]`, "an object", item);
      return new Reader(item, `${this.at(key)}[${index}]`);
    });
  }

  /** An array of strings; absent reads as empty. */
  strings(key: string): string[] {
    const value = this.obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new ResponseShapeError(this.at(key), "an array", value);
    return value.map((item) => String(item));
  }

  /** A required string. */
  str(key: string): string {
    const value = this.obj[key];
    if (typeof value !== "string") throw new ResponseShapeError(this.at(key), "a string", value);
    return value;
  }

  /** A string, or undefined when absent, null or empty. */
  optStr(key: string): string | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw new ResponseShapeError(this.at(key), "a string", value);
  }

  /** A required id (number or string on the wire) as a decimal string. */
  id(key: string): string {
    const value = this.optId(key);
    if (value === undefined) throw new ResponseShapeError(this.at(key), "an id", this.obj[key]);
    return value;
  }

  /** An id as a decimal string, or undefined when absent, null, empty or 0. */
  optId(key: string): string | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null || value === "" || value === 0) return undefined;
    if (typeof value === "number" || typeof value === "string") return String(value);
    throw new ResponseShapeError(this.at(key), "an id", value);
  }

  /** A number, or undefined when absent or null; numeric strings are accepted. */
  optNum(key: string): number | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null || value === "") return undefined;
    const n = typeof value === "string" ? Number(value) : value;
    if (typeof n !== "number" || Number.isNaN(n)) throw new ResponseShapeError(this.at(key), "a number", value);
    return n;
  }

  /** A boolean, or undefined when absent; `"true"`/`"false"` strings are accepted. */
  optBool(key: string): boolean | undefined {
    const value = this.obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    throw new ResponseShapeError(this.at(key), "a boolean", value);
  }
}
