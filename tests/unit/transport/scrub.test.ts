/**
 * Error scrubbing (issue 12, item 7): every secret value, and every line or piece of one, is removed from any
 * message built from a service reply; not only exact matches. The last case goes through the real client against a
 * loopback server that echoes the private key and the access-key secret the way a careless service would.
 */
import { strict as assert } from "node:assert";
import { generateKeyPairSync } from "node:crypto";
import { AlibabaClient } from "../../../provider/transport/client";
import { AlibabaCloudError, scrubSecrets } from "../../../provider/transport/errors";
import { CreateCustomHostname } from "../../../provider/transport/operations/esa";
import { configFromRecord } from "../../../provider/transport/settings";
import { startCaptureServer, type CaptureServer } from "../../helpers/capture-server";

const PEM = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs8",
  format: "pem",
}) as string;
const BODY_LINES = PEM.split("\n").filter((l) => l !== "" && !l.startsWith("-----"));
const ACCESS_SECRET = "Sk3cr3tAccessKeySecretValue0123";
const TOKEN = "CAIS+token/with=base64+chars/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

/** True when no line of the PEM body, and no 16-character piece of one, survives in `text`. */
function leaksPem(text: string): string | undefined {
  for (const line of BODY_LINES) {
    if (text.includes(line)) return line;
    for (let i = 0; i + 16 <= line.length; i += 8)
      if (text.includes(line.slice(i, i + 16))) return line.slice(i, i + 16);
  }
  return undefined;
}

describe("transport: secret scrubbing", () => {
  const secrets = [PEM, ACCESS_SECRET, TOKEN];
  const cases: { name: string; message: string }[] = [
    { name: "the whole PEM", message: `bad key ${PEM} end` },
    { name: "one line of the PEM", message: `line 3 is wrong: ${BODY_LINES[2]}` },
    { name: "the PEM with its line breaks escaped as \\n", message: JSON.stringify({ key: PEM }) },
    { name: "the PEM with its lines joined by spaces", message: `key: ${BODY_LINES.join(" ")}` },
    { name: "the PEM with its lines joined without separators", message: `key=${BODY_LINES.join("")}` },
    { name: "a line cut short", message: `…${(BODY_LINES[5] ?? "").slice(0, 30)}… (truncated)` },
    { name: "the access-key secret inside a sentence", message: `signature for key ${ACCESS_SECRET}, mismatch` },
    { name: "the security token", message: `token ${TOKEN} expired` },
    { name: "the security token, percent-decoded differently", message: `token=${TOKEN.replace(/\+/g, " ")}` },
  ];
  for (const c of cases) {
    it(`removes ${c.name}`, () => {
      const out = scrubSecrets(c.message, secrets);
      assert.equal(leaksPem(out), undefined, out);
      assert.ok(!out.includes(ACCESS_SECRET) && !out.includes(TOKEN), out);
      for (const piece of TOKEN.split(/[ +]/)) if (piece.length >= 12) assert.ok(!out.includes(piece), out);
      assert.match(out, /\[REDACTED\]/);
    });
  }

  it("keeps the rest of the message, and ignores values too short to be secrets", () => {
    assert.equal(
      scrubSecrets("The record www.example-saas.com is not proxied (InvalidParameter).", secrets),
      "The record www.example-saas.com is not proxied (InvalidParameter).",
    );
    assert.equal(scrubSecrets("id abc in use", ["abc"]), "id abc in use");
    assert.equal(scrubSecrets("no secrets", []), "no secrets");
  });

  describe("through the client", () => {
    let server: CaptureServer;
    before(async () => {
      server = await startCaptureServer();
    });
    after(async () => {
      await server.close();
    });

    it("a service message echoing the private key and the access-key secret is scrubbed of both", async () => {
      const client = new AlibabaClient({
        config: configFromRecord({
          "alicloud:accessKey": "LTAIscrubtest",
          "alicloud:secretKey": ACCESS_SECRET,
          "alicloud:securityToken": TOKEN,
        }),
        env: { ALICLOUD_CERTS_ENDPOINT: `http://${server.endpoint}` },
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 1000 },
      });
      const echoed = `Bad PrivateKey near "${BODY_LINES[3]}" and "${(BODY_LINES[7] ?? "").slice(5, 40)}"; key secret ${ACCESS_SECRET}; token ${TOKEN}`;
      server.replies.push({
        status: 400,
        body: JSON.stringify({ RequestId: "R-1", Code: "InvalidParameter", Message: echoed }),
      });
      const error = await client
        .call(CreateCustomHostname, {
          SiteId: "1",
          Hostname: "a.example.com",
          RecordId: "2",
          SslFlag: "on",
          CertType: "upload",
          Certificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
          PrivateKey: PEM,
        })
        .catch((e: unknown) => e);
      assert.ok(error instanceof AlibabaCloudError);
      for (const text of [error.message, error.serviceMessage]) {
        assert.equal(leaksPem(text), undefined, text);
        assert.ok(!text.includes(ACCESS_SECRET), text);
        assert.ok(!text.includes(TOKEN), text);
      }
      assert.match(error.message, /Bad PrivateKey near "\[REDACTED\]"/);
    });
  });
});
