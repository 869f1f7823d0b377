/**
 * Engine tier: a failing `pulumi preview` never prints a private key, an e-mail address or a phone number (issue 12,
 * item 1). The engine prefixes a check failure that names a property with `property <name> value {<value>}`, in
 * plain text even for a `pulumi.secret`; the provider reports failures on these inputs without the property. The
 * whole preview output is searched, for the shape of /work/shared/repro/preview-leak (a string wrapped in
 * `pulumi.secret`) and for `config.requireSecret`.
 */
import "reflect-metadata"; // before @peculiar/x509 (the example's CSR module loads it)
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { createCsr, generateKeyPair } from "../../examples/dv-certificate-order/csr";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { selfSignedCertificate, type TestCertificate } from "../helpers/test-certs";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/preview-leak");
const EMAIL = "ada.lovelace-at-example.com";
const PHONE = "call 139 0000 1234 now";

describe("engine tier: a failing preview prints no secret or personal value", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  let shop: TestCertificate;
  let other: TestCertificate;
  let csr: string;
  const stacks: PulumiStack[] = [];

  before(async () => {
    emu = await startEmulator({ quiet: true });
    shop = await selfSignedCertificate(["shop.customer-one.com"]);
    other = await selfSignedCertificate(["other.example.org"]);
    csr = await createCsr(generateKeyPair(), "shop.customer-one.com");
  });

  after(async () => {
    for (const stack of stacks) await stack.remove();
    await emu?.close();
  });

  async function failingPreview(
    name: string,
    config: Record<string, string>,
    secret: Record<string, string>,
  ): Promise<string> {
    const stack = await PulumiStack.create(PROJECT, { ALICLOUD_CERTS_ENDPOINT: emu.url }, name);
    stacks.push(stack);
    for (const [key, value] of Object.entries(config)) await stack.setConfig(key, value);
    for (const [key, value] of Object.entries(secret)) await stack.setConfig(key, value, true);
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    const result = await stack.run(["preview"], { allowFailure: true });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.notEqual(result.code, 0, "the preview fails");
    assert.ok(!output.includes(emu.accessKeySecret), "the access-key secret was printed");
    assert.equal((await emu.control.requests()).length, 0, "a preview calls no API");
    return output;
  }

  for (const shape of ["wrapped", "config"] as const) {
    it(`keeps a mismatched private key out of the whole output (passed ${shape === "wrapped" ? "as pulumi.secret(string), the repro's shape" : "by config.requireSecret"})`, async () => {
      const key = shape === "config" ? { privateKey: other.privateKey } : {};
      const plain = shape === "wrapped" ? { plainPrivateKey: other.privateKey } : {};
      const output = await failingPreview(
        `leak-${shape}`,
        { resource: "esa", keyShape: shape, certificate: shop.certificate, ...plain },
        key,
      );
      assert.match(output, /privateKey \(secret, \d+ characters\) does not belong to the certificate/);
      assert.doesNotMatch(output, /PRIVATE KEY/, "no PEM header of the key");
      const keyLines = other.privateKey.split("\n").filter((line) => line !== "" && !line.startsWith("-----"));
      for (const line of keyLines) assert.ok(!output.includes(line), `a line of the key was printed:\n${output}`);
    });
  }

  it("keeps an invalid e-mail address and phone number out of the whole output", async () => {
    const output = await failingPreview("leak-cas", { resource: "cas", csr, email: EMAIL, phone: PHONE }, {});
    assert.match(output, /email \(value not shown: personal data/);
    assert.match(output, /phone \(value not shown: personal data/);
    assert.ok(!output.includes(EMAIL), `the e-mail address was printed:\n${output}`);
    assert.ok(!output.includes(PHONE) && !output.includes("call1390000"), `the phone number was printed:\n${output}`);
  });
});
