/**
 * Wire golden tests: each folder of golden/wire/ holds a request (input.json) and the exact wire form the transport
 * must produce (expected.txt: method, path, action/version headers, every query parameter decoded and sorted). The
 * signed request is captured at a loopback server and its signature checked by an independent verifier.
 * Regenerate on purpose only: UPDATE_GOLDEN=1 npm run test:unit.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { AlibabaClient } from "../../../provider/transport/client";
import { type Operation, type WireParams } from "../../../provider/transport/operation";
import { OPERATIONS } from "../../../provider/transport/operations";
import { configFromRecord } from "../../../provider/transport/settings";
import { verifyAcs3, type CapturedRequest } from "../../helpers/acs3-verifier";
import { startCaptureServer, type CaptureServer } from "../../helpers/capture-server";

const CASES = path.join(__dirname, "golden", "wire");
const SECRET = "golden-secret-value";

function render(request: CapturedRequest): string {
  const lines = [
    `${request.method} ${request.path}`,
    `x-acs-action: ${request.headers["x-acs-action"] ?? ""}`,
    `x-acs-version: ${request.headers["x-acs-version"] ?? ""}`,
    `body: ${request.body === "" ? "(empty)" : request.body}`,
    "query:",
    ...Object.keys(request.query)
      .sort()
      .map((k) => `  ${k}=${JSON.stringify(request.query[k])}`),
  ];
  return `${lines.join("\n")}\n`;
}

function lookup(product: string, action: string): Operation<WireParams, unknown> {
  const group = (OPERATIONS as Record<string, Record<string, unknown>>)[product];
  const op = group?.[action];
  if (typeof op !== "object" || op === null) throw new Error(`no operation ${product}.${action}`);
  return op as Operation<WireParams, unknown>;
}

describe("transport: wire golden cases", () => {
  let server: CaptureServer;
  let client: AlibabaClient;

  before(async () => {
    server = await startCaptureServer();
    client = new AlibabaClient({
      config: configFromRecord({ "alicloud:accessKey": "LTAIgoldenkey", "alicloud:secretKey": SECRET }),
      env: { ALICLOUD_CERTS_ENDPOINT: `http://${server.endpoint}` },
    });
  });
  after(async () => server.close());

  for (const name of fs.readdirSync(CASES).sort()) {
    it(name, async () => {
      const input = JSON.parse(fs.readFileSync(path.join(CASES, name, "input.json"), "utf8")) as {
        product: string;
        action: string;
        request: WireParams;
        /** The service's reply body (default: only a RequestId). */
        reply?: string;
        /** The decoded result the transport must return for that reply. */
        expectedResult?: unknown;
      };
      server.requests.length = 0;
      if (input.reply !== undefined) server.replies.push({ status: 200, body: input.reply });
      const result = await client.call(lookup(input.product, input.action), input.request);
      if (input.expectedResult !== undefined) assert.deepEqual(result, input.expectedResult);
      assert.equal(server.requests.length, 1, "exactly one HTTP request");
      const captured = server.requests[0]!;
      const actual = render(captured);
      const expectedFile = path.join(CASES, name, "expected.txt");
      if (process.env["UPDATE_GOLDEN"] === "1") fs.writeFileSync(expectedFile, actual);
      assert.equal(actual, fs.readFileSync(expectedFile, "utf8").replace(/\r\n/g, "\n"));
      assert.deepEqual(verifyAcs3(captured, SECRET), { ok: true });
      assert.equal(captured.headers["authorization"]?.includes("Credential=LTAIgoldenkey,"), true);
      assert.equal(captured.query["Action"], undefined, "ACS3: Action travels only in x-acs-action");
      assert.notEqual(verifyAcs3(captured, "another-secret").ok, true, "the verifier rejects a wrong secret");
    });
  }
});
