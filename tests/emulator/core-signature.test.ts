/**
 * Signature verification: the fixed ACS3 vector, then the REAL @alicloud/openapi-client (ACS3, legacy V1, STS)
 * against a running emulator, and every documented rejection.
 */
import assert from "node:assert/strict";
import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import {
  acs3CanonicalRequest,
  acs3Sign,
  acs3StringToSign,
  parseAcs3Authorization,
  sha256Hex,
  type HeaderMap,
} from "../../emulator/core/auth-acs3";
import { v1Sign, v1StringToSign } from "../../emulator/core/auth-v1";
import type { RunningEmulator } from "../../emulator/core/options";
import { parseUrlEncoded, splitTarget } from "../../emulator/core/params";
import { startFakeEmulator } from "./helpers/emulator";
import { callAction, realClient, rejectionOf } from "./helpers/openapi";
import { sendRaw, startRecordingProxy, type CapturedRequest, type RecordingProxy } from "./helpers/wire";

const STS = {
  accessKeyId: "STS.NUgYrLnoC37mZZCNnAbez",
  accessKeySecret: "sts-secret/+=",
  securityToken: "CAIS+tok/en==",
};
const HOSTILE = "!'()*~ +&=/? 中文 %20";

/** A PEM-shaped value of about `bytes` bytes (base64 body in 64-column lines). */
function pemLike(bytes: number): string {
  const body = Buffer.alloc(Math.ceil((bytes * 3) / 4), 7).toString("base64");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

function headerMap(captured: CapturedRequest): HeaderMap {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(captured.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v : [v];
  return out;
}

describe("core: ACS3-HMAC-SHA256 verifier (fixed vector)", () => {
  it("reproduces the documented test vector signature", () => {
    const body = "Name=cert%20(1)&Tag.1.Key=env";
    const headers: HeaderMap = {
      host: ["esa.cn-hangzhou.aliyuncs.com"],
      "x-acs-date": ["2025-01-01T00:00:00Z"],
      "x-acs-signature-nonce": ["0".repeat(32)],
      "x-acs-action": ["CreateRecord"],
      "x-acs-version": ["2024-09-10"],
      "content-type": ["application/x-www-form-urlencoded"],
      "x-acs-content-sha256": [sha256Hex(body)],
    };
    const signedHeaders = Object.keys(headers).sort();
    const canonical = acs3CanonicalRequest({
      method: "POST",
      pathname: "/",
      query: { RecordName: "www.example.com", SiteId: "123", Comment: "a b!'()*" },
      headers,
      signedHeaders,
      hashedPayload: sha256Hex(body),
    });
    assert.match(canonical, /^POST\n\/\nComment=a%20b%21%27%28%29%2A&RecordName=www.example.com&SiteId=123\n/);
    assert.equal(
      acs3Sign("testsecret", acs3StringToSign(canonical)),
      "cd5c3e165f7982e53074ac1bb0acf5061ed02223bc034d1e334d28668f35cc42",
    );
  });

  it("parses the Authorization header and sorts the signed headers", () => {
    const auth = parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=x-acs-date;host,Signature=ab");
    assert.deepEqual(auth, {
      algorithm: "ACS3-HMAC-SHA256",
      accessKeyId: "AK1",
      signedHeaders: ["host", "x-acs-date"],
      signature: "ab",
    });
    assert.throws(() => parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=AK1"), { code: "IncompleteSignature" });
  });
});

describe("core: signatures with the real @alicloud/openapi-client", () => {
  let emu: RunningEmulator;
  let skewed: RunningEmulator;
  let proxy: RecordingProxy;

  before(async () => {
    const seed = {
      esa: { things: [] },
      credentials: [{ accessKeyId: "LTAI5tTestKey", accessKeySecret: "test-secret" }, STS],
    };
    emu = await startFakeEmulator({ seed });
    // The emulator's idea of real time is 20 minutes ahead: every fresh client timestamp is stale to it.
    skewed = await startFakeEmulator({ seed, wallClock: () => Date.now() + 20 * 60_000 });
    proxy = await startRecordingProxy(emu.endpoint);
  });
  after(async () => {
    await proxy.close();
    await skewed.close();
    await emu.close();
  });

  const key = () => ({ accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });

  it("reports the first seeded key as the emulator's credentials", () => {
    assert.equal(emu.accessKeyId, "LTAI5tTestKey");
    assert.equal(emu.accessKeySecret, "test-secret");
    assert.equal(emu.endpoint, emu.url.replace("http://", ""));
  });

  it("accepts ACS3 (default) POST and GET with hostile characters, decoded exactly", async () => {
    const client = realClient(emu.endpoint, key());
    for (const method of ["POST", "GET"] as const) {
      const res = await callAction(client, "esa", "Echo", { Value: HOSTILE, "Tag.1.Key": "a+b" }, { method });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.body["Params"], { Value: HOSTILE, "Tag.1.Key": "a+b" });
      assert.equal(res.body["AccessKeyId"], "LTAI5tTestKey");
      assert.match(String(res.body["RequestId"]), /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    }
  });

  it("accepts ACS3 with a chunked form body merged with the query", async () => {
    const client = realClient(emu.endpoint, key());
    const res = await callAction(client, "esa", "Echo", { FromQuery: "q" }, { body: { FromBody: HOSTILE } });
    assert.deepEqual(res.body["Params"], { FromQuery: "q", FromBody: HOSTILE });
  });

  it("accepts legacy V1 (HMAC-SHA1) and hides its common parameters from the service", async () => {
    const client = realClient(emu.endpoint, { ...key(), signatureAlgorithm: "v2" });
    const res = await callAction(client, "esa", "Echo", { Value: HOSTILE }, { body: { Form: "x y" } });
    assert.deepEqual(res.body["Params"], { Value: HOSTILE, Form: "x y" });
    assert.equal(res.body["Action"], "Echo");
    const [logged] = (await emu.control.requests({ action: "Echo" })).slice(-1);
    assert.equal(logged?.params["SignatureMethod"], "HMAC-SHA1", "the V1 scheme was really used");
    assert.equal(logged?.params["Signature"], "[REDACTED]");
  });

  it("carries a 6 KB PEM-like value and a 100 KB chain in the query string (ACS3 and V1)", async () => {
    for (const signatureAlgorithm of [undefined, "v2"] as const) {
      const client = realClient(emu.endpoint, { ...key(), ...(signatureAlgorithm ? { signatureAlgorithm } : {}) });
      for (const size of [6 * 1024, 100 * 1024]) {
        const pem = pemLike(size);
        const res = await callAction(client, "esa", "Echo", { Certificate: pem });
        assert.equal((res.body["Params"] as Record<string, string>)["Certificate"], pem);
      }
    }
  });

  it("accepts STS credentials (Config.securityToken, ACS3 and V1, and Credential type sts)", async () => {
    for (const signatureAlgorithm of [undefined, "v2"] as const) {
      const client = realClient(emu.endpoint, { ...STS, ...(signatureAlgorithm ? { signatureAlgorithm } : {}) });
      const res = await callAction(client, "esa", "Echo", { A: "1" });
      assert.equal(res.body["AccessKeyId"], STS.accessKeyId);
      assert.deepEqual(res.body["Params"], { A: "1" }, "SecurityToken never reaches the service");
    }
    const credential = new Credential(new CredentialConfig({ type: "sts", ...STS }));
    const viaCredential = new OpenApi(
      new $OpenApi.Config({
        credential,
        endpoint: emu.endpoint,
        protocol: "http",
        readTimeout: 5000,
        connectTimeout: 5000,
      }),
    );
    const res = await callAction(viaCredential, "esa", "Echo");
    assert.equal(res.body["AccessKeyId"], STS.accessKeyId);
  });

  it("rejects an unknown access key with 404 InvalidAccessKeyId.NotFound", async () => {
    const client = realClient(emu.endpoint, { accessKeyId: "LTAI5tNobody", accessKeySecret: "x" });
    const err = await rejectionOf(callAction(client, "esa", "Echo"));
    assert.equal(err.code, "InvalidAccessKeyId.NotFound");
    assert.equal(err.statusCode, 404);
  });

  it("rejects a wrong secret with 400 SignatureDoesNotMatch without leaking the secret or the signature", async () => {
    for (const signatureAlgorithm of [undefined, "v2"] as const) {
      const before = proxy.captured.length;
      const client = realClient(proxy.endpoint, {
        accessKeyId: emu.accessKeyId,
        accessKeySecret: "wrong-secret",
        ...(signatureAlgorithm ? { signatureAlgorithm } : {}),
      });
      const err = await rejectionOf(callAction(client, "esa", "Echo", { A: "1" }));
      assert.equal(err.code, "SignatureDoesNotMatch");
      assert.equal(err.statusCode, 400);
      assert.equal(err.data?.["Code"], "SignatureDoesNotMatch");
      assert.ok(!err.message.includes(emu.accessKeySecret), "secret in message");

      // Recompute what the emulator expected from the captured request and make sure it was not disclosed.
      const cap = proxy.captured[before];
      assert.ok(cap !== undefined);
      const { pathname, rawQuery } = splitTarget(cap.path);
      const query = parseUrlEncoded(rawQuery);
      let expected: string;
      if (signatureAlgorithm === "v2") {
        expected = v1Sign(emu.accessKeySecret, v1StringToSign(cap.method, query));
      } else {
        const auth = parseAcs3Authorization(String(cap.headers.authorization));
        const canonical = acs3CanonicalRequest({
          method: cap.method,
          pathname,
          query,
          headers: headerMap(cap),
          signedHeaders: auth.signedHeaders,
          hashedPayload: String(cap.headers["x-acs-content-sha256"]),
        });
        expected = acs3Sign(emu.accessKeySecret, acs3StringToSign(canonical));
      }
      assert.ok(!JSON.stringify(err.data).includes(expected), "expected signature in the error body");
    }
  });

  it("rejects STS calls without the token or with another token", async () => {
    const noToken = realClient(emu.endpoint, { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret });
    const missing = await rejectionOf(callAction(noToken, "esa", "Echo"));
    assert.equal(missing.code, "MissingSecurityToken");
    assert.equal(missing.statusCode, 400);
    for (const signatureAlgorithm of [undefined, "v2"] as const) {
      const wrong = realClient(emu.endpoint, {
        ...STS,
        securityToken: "CAIS-someone-else",
        ...(signatureAlgorithm ? { signatureAlgorithm } : {}),
      });
      const err = await rejectionOf(callAction(wrong, "esa", "Echo"));
      assert.equal(err.code, "InvalidSecurityToken.MismatchWithAccessKey");
      assert.equal(err.statusCode, 400);
    }
  });

  it("rejects a timestamp more than 15 minutes from real time (ACS3 and V1)", async () => {
    for (const signatureAlgorithm of [undefined, "v2"] as const) {
      const client = realClient(skewed.endpoint, { ...key(), ...(signatureAlgorithm ? { signatureAlgorithm } : {}) });
      const err = await rejectionOf(callAction(client, "esa", "Echo"));
      assert.equal(err.code, "InvalidTimeStamp.Expired");
      assert.equal(err.statusCode, 400);
    }
  });

  it("rejects a replayed request (same nonce) with SignatureNonceUsed", async () => {
    for (const signatureAlgorithm of [undefined, "v2"] as const) {
      const before = proxy.captured.length;
      const client = realClient(proxy.endpoint, { ...key(), ...(signatureAlgorithm ? { signatureAlgorithm } : {}) });
      await callAction(client, "esa", "Echo", { A: "1" });
      const cap = proxy.captured[before];
      assert.ok(cap !== undefined);
      const replay = await sendRaw(emu.endpoint, cap);
      assert.equal(replay.status, 400);
      assert.equal(replay.json["Code"], "SignatureNonceUsed");
    }
  });

  it("rejects a tampered body (ContentSha256Mismatch), query (SignatureDoesNotMatch) and unsigned x-acs header", async () => {
    const before = proxy.captured.length;
    const client = realClient(proxy.endpoint, key());
    await callAction(client, "esa", "Echo", { A: "1" }, { body: { Amount: "10" } });
    const cap = proxy.captured[before];
    assert.ok(cap !== undefined);

    const body = await sendRaw(emu.endpoint, { ...cap, body: Buffer.from("Amount=99") });
    assert.equal(body.status, 400);
    assert.equal(body.json["Code"], "ContentSha256Mismatch");

    const query = await sendRaw(emu.endpoint, { ...cap, path: cap.path.replace("A=1", "A=2") });
    assert.equal(query.status, 400);
    assert.equal(query.json["Code"], "SignatureDoesNotMatch");
    assert.match(String(query.json["Message"]), /server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);

    const extra = await sendRaw(emu.endpoint, { ...cap, headers: { ...cap.headers, "x-acs-injected": "1" } });
    assert.equal(extra.status, 400);
    assert.equal(extra.json["Code"], "IncompleteSignature");
  });

  it("requires host, action, version, date, nonce and content hash to be signed", async () => {
    const before = proxy.captured.length;
    await callAction(realClient(proxy.endpoint, key()), "esa", "Echo");
    const cap = proxy.captured[before];
    assert.ok(cap !== undefined);
    const weakened = String(cap.headers.authorization).replace(
      /SignedHeaders=[^,]*/,
      "SignedHeaders=host;x-acs-action",
    );
    const res = await sendRaw(emu.endpoint, { ...cap, headers: { ...cap.headers, authorization: weakened } });
    assert.equal(res.status, 400);
    assert.equal(res.json["Code"], "IncompleteSignature");
  });

  it("rejects unsigned requests: MissingAuthorization (ACS3) and Missing<Param> (V1)", async () => {
    const headers = { host: emu.endpoint, "x-acs-action": "Echo", "x-acs-version": "2024-09-10" };
    const none = await sendRaw(emu.endpoint, { method: "POST", path: "/?A=1", headers, body: Buffer.alloc(0) });
    assert.equal(none.status, 400);
    assert.equal(none.json["Code"], "MissingAuthorization");

    const v1 = await sendRaw(emu.endpoint, {
      method: "GET",
      path: `/?Action=Echo&Version=2024-09-10&AccessKeyId=${emu.accessKeyId}&SignatureMethod=HMAC-SHA1`,
      headers: { host: emu.endpoint },
      body: Buffer.alloc(0),
    });
    assert.equal(v1.status, 400);
    assert.equal(v1.json["Code"], "MissingSignature");
  });
});
