/**
 * Wire-level helpers: a recording proxy between the real client and the emulator (so tests can replay or tamper
 * with a genuinely signed request) and a raw HTTP sender.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request exactly as the client sent it. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw response. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown>;
}

/** Send `req` to `endpoint` (`host:port`) verbatim. */
export function sendRaw(endpoint: string, req: CapturedRequest): Promise<RawResponse> {
  const [host, port] = endpoint.split(":");
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    delete headers["transfer-encoding"];
    headers["content-length"] = String(req.body.length);
    const out = request(
      { host, port: Number(port), method: req.method, path: req.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // left empty: the assertion on status/text will say what went wrong
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    out.on("error", reject);
    out.end(req.body);
  });
}

/** A proxy that records every request and forwards it unchanged. */
export interface RecordingProxy {
  /** `127.0.0.1:PORT` to give the client as its endpoint. */
  endpoint: string;
  captured: CapturedRequest[];
  close(): Promise<void>;
}

/** Start a recording proxy in front of `target` (`host:port`). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const captured: CapturedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const cap: CapturedRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      captured.push(cap);
      sendRaw(target, cap).then(
        (r) => {
          res.writeHead(r.status, { "content-type": String(r.headers["content-type"] ?? "application/json") });
          res.end(r.text);
        },
        () => res.socket?.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    captured,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
