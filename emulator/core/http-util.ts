/** Small HTTP helpers for the server. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { stringify } from "lossless-json";

/** The content type of every emulator response (the exact string the real services send). */
export const JSON_CONTENT_TYPE = "application/json;charset=utf-8";

/** Bodies larger than this are refused (the real gateways cap request size too). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Thrown by {@link readBody} when the body exceeds {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {}

/** Read the whole (possibly chunked) request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Send a JSON response. lossless-json's stringify writes `bigint` values as plain JSON numbers, so a service can
 * return ids above 2^53 exactly as the real APIs do (CAS OrderId).
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const text = stringify(body) ?? "null";
  res.writeHead(status, {
    "content-type": JSON_CONTENT_TYPE,
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** The first value of a header (Node's `headersDistinct`). */
export function firstHeader(values: readonly string[] | undefined): string | undefined {
  return values === undefined || values.length === 0 ? undefined : values[0];
}
