/** A loopback HTTP server that records every request and answers with a scripted reply (ky's test-server idea). */
import * as http from "node:http";
import { type AddressInfo } from "node:net";
import { type CapturedRequest } from "./acs3-verifier";

/** A scripted reply: status and JSON body text, "reset" to destroy the socket without answering, or "hang" to never answer. */
export type ScriptedReply = { status: number; body: string } | "reset" | "hang";

/** A running capture server. */
export interface CaptureServer {
  readonly endpoint: string;
  readonly requests: CapturedRequest[];
  /** Replies consumed in order; when empty, `fallback` answers. */
  readonly replies: ScriptedReply[];
  fallback: ScriptedReply;
  close(): Promise<void>;
}

/** Start a capture server on 127.0.0.1 with an ephemeral port. */
export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const replies: ScriptedReply[] = [];
  const state: { fallback: ScriptedReply } = { fallback: { status: 200, body: '{"RequestId":"REQ-OK"}' } };
  const server = http.createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://capture");
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      requests.push({
        method: req.method ?? "",
        path: url.pathname,
        query,
        headers,
        body: Buffer.concat(chunks).toString(),
      });
      const reply = replies.shift() ?? state.fallback;
      if (reply === "reset") {
        req.socket.destroy();
        return;
      }
      if (reply === "hang") return;
      res.writeHead(reply.status, { "content-type": "application/json;charset=utf-8" });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    requests,
    replies,
    get fallback() {
      return state.fallback;
    },
    set fallback(value: ScriptedReply) {
      state.fallback = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
