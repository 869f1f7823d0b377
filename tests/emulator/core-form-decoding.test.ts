/**
 * Query and form values are decoded as `application/x-www-form-urlencoded`, as the gateway does: `+` is a space.
 * Python's official SDKs send a space as `+` (urllib's `urlencode`) and sign the `%20` form; Node's send `%20`. A
 * rewriting proxy turns the Node client's `%20` into `+` on the wire, which is exactly the Python request shape, so
 * the signature only verifies when the emulator decodes `+` as a space.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RunningEmulator } from "../../emulator/core/options";
import { decodeStrict, parseUrlEncoded } from "../../emulator/core/params";
import { startFakeEmulator } from "./helpers/emulator";
import { callAction, realClient } from "./helpers/openapi";
import { sendRaw } from "./helpers/wire";

/**
 * A proxy that rewrites every `%20` to `+` before forwarding (Python's spelling): in the request target always, and
 * in a form body only when no `x-acs-content-sha256` covers its bytes (V1 signs the decoded form values instead).
 */
async function startPlusProxy(target: string): Promise<{ endpoint: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "/").replace(/%20/g, "+");
      const raw = Buffer.concat(chunks);
      const hashed = req.headers["x-acs-content-sha256"] !== undefined;
      const body = hashed ? raw : Buffer.from(raw.toString("utf8").replace(/%20/g, "+"), "utf8");
      seen.push(`${path}\n${body.toString("utf8")}`);
      sendRaw(target, { method: req.method ?? "POST", path, headers: req.headers, body }).then(
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
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("emulator core: form decoding (+ is a space)", function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof startPlusProxy>>;

  before(async () => {
    emu = await startFakeEmulator();
    proxy = await startPlusProxy(emu.endpoint);
  });
  after(async () => {
    await proxy.close();
    await emu.close();
  });

  it("decodes + as a space and %2B as a plus sign", () => {
    assert.equal(decodeStrict("-----BEGIN+CERTIFICATE+REQUEST-----"), "-----BEGIN CERTIFICATE REQUEST-----");
    assert.equal(decodeStrict("a%2Bb%20c"), "a+b c");
    assert.deepEqual({ ...parseUrlEncoded("Csr=a+b&Token=x%2By%3D") }, { Csr: "a b", Token: "x+y=" });
  });

  for (const signatureAlgorithm of [undefined, "v2"] as const) {
    const scheme = signatureAlgorithm === "v2" ? "V1" : "ACS3";
    it(`verifies a ${scheme} request whose spaces travel as + (query and form body) and keeps real plus signs`, async () => {
      const client = realClient(proxy.endpoint, {
        accessKeyId: emu.accessKeyId,
        accessKeySecret: emu.accessKeySecret,
        ...(signatureAlgorithm ? { signatureAlgorithm } : {}),
      });
      const csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB+/x=\n-----END CERTIFICATE REQUEST-----";
      const before = proxy.seen.length;
      const res = await callAction(client, "esa", "Echo", { Csr: csr }, { body: { Note: "two words" } });
      const wire = proxy.seen[before] ?? "";
      assert.match(wire, /BEGIN\+CERTIFICATE\+REQUEST/, "the proxy sent the Python spelling");
      assert.match(wire, /MIIB%2B/, "a literal plus travels as %2B");
      if (scheme === "V1") assert.match(wire, /Note=two\+words/, "the form body used + as well");
      assert.deepEqual(res.body["Params"], { Csr: csr, Note: "two words" });
    });
  }
});
