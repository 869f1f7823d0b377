/** The node:http server: routes control and API requests and tracks connections so close() is immediate. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { handleApiRequest } from "./api-handler";
import { CONTROL_PREFIX, handleControl } from "./control-api";
import { CoreErrors, errorBody, hostIdOf, newRequestId } from "./errors";
import { BodyTooLargeError, readBody, sendJson } from "./http-util";
import type { Runtime } from "./runtime";

/**
 * PEM certificates, chains and CSRs travel in the query string (the SDKs put every RPC parameter there), so the
 * request line must be allowed to be far longer than Node's 16 KiB default.
 */
export const MAX_HEADER_SIZE = 512 * 1024;

/** Create (not start) the HTTP server for `rt`. */
export function createEmulatorServer(rt: Runtime): Server {
  const server = createServer({ maxHeaderSize: MAX_HEADER_SIZE, keepAlive: true }, (req, res) => {
    handle(rt, req, res).catch((err: unknown) => {
      rt.logger.error(`Unhandled error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      const requestId = newRequestId();
      sendJson(res, 500, errorBody(CoreErrors.internalError(), requestId, hostIdOf(req.headers.host), undefined));
    });
  });
  // Longer than any client's idle timeout, so a client never reuses a socket the server is closing at that instant.
  server.keepAliveTimeout = 65_000;
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // A malformed or oversized request still gets a JSON answer: the Alibaba clients cannot decode anything else.
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const overflow = err.code === "HPE_HEADER_OVERFLOW";
    const body = JSON.stringify({
      Code: overflow ? "RequestHeaderFieldsTooLarge" : "BadRequest",
      Message: overflow ? "The request line or headers exceed the server limit." : "The HTTP request is malformed.",
    });
    socket.end(
      `HTTP/1.1 ${overflow ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
        `content-type: application/json;charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `connection: close\r\n\r\n${body}`,
    );
  });
  return server;
}

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    const requestId = newRequestId();
    sendJson(res, 413, errorBody(CoreErrors.requestTooLarge(), requestId, hostIdOf(req.headers.host), undefined), {
      connection: "close",
    });
    return;
  }
  const target = req.url ?? "/";
  if (target.startsWith(CONTROL_PREFIX) || target === CONTROL_PREFIX.slice(0, -1)) {
    const reply = handleControl(rt, (req.method ?? "GET").toUpperCase(), target, body);
    sendJson(res, reply.status, reply.body);
    return;
  }
  await handleApiRequest(rt, req, res, body);
}
