/**
 * Proof that code makes no API call: while `fn` runs, every TCP connection attempt and every `fetch` is recorded and
 * refused (the transport, the SDKs and `fetch` all open sockets through `net.Socket#connect`).
 */
import * as net from "node:net";

/** Run `fn` with the network closed; returns its result and the attempts it made. */
export async function withoutNetwork<T>(fn: () => Promise<T>): Promise<{ value: T; attempts: string[] }> {
  const attempts: string[] = [];
  const connect = net.Socket.prototype.connect;
  const fetch = globalThis.fetch;
  net.Socket.prototype.connect = function refused(this: net.Socket, ...args: unknown[]): net.Socket {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error("check opened a connection");
  } as typeof connect;
  globalThis.fetch = async (input: string | URL | Request): Promise<Response> => {
    attempts.push(`fetch ${String(input)}`);
    throw new Error("check fetched");
  };
  try {
    return { value: await fn(), attempts };
  } finally {
    net.Socket.prototype.connect = connect;
    globalThis.fetch = fetch;
  }
}
