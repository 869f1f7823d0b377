/**
 * Engine tier: a private key passed in plain text in an input that is not a secret input (pasted after the
 * certificate, as a CAS tag value, as a GA domain) is refused at check, and neither `pulumi preview` nor `pulumi up`
 * prints it, and the state (raw file and export) holds none of it. The failure names the input and says why; the
 * engine prints `property <name> value {…}` only for failures that name a property, which these never do. The key is
 * a throwaway made for the test.
 */
import "reflect-metadata"; // before @peculiar/x509 (the example's CSR module loads it)
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { createCsr, generateKeyPair } from "../../examples/dv-certificate-order/csr";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { selfSignedCertificate, type TestCertificate } from "../helpers/test-certs";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/key-in-plain-input");

/** The base64 lines of a PEM key: none may appear anywhere. */
function keyLines(pem: string): string[] {
  return pem.split("\n").filter((line) => line.length >= 16 && !line.startsWith("-----"));
}

describe("engine tier: a private key in a plain input is refused and never printed or stored", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  let shop: TestCertificate;
  let csr: string;
  const stacks: PulumiStack[] = [];

  before(async () => {
    emu = await startEmulator({ quiet: true });
    shop = await selfSignedCertificate(["shop.customer-one.com"]);
    csr = await createCsr(generateKeyPair(), "shop.customer-one.com");
  });

  after(async () => {
    for (const stack of stacks) await stack.remove();
    await emu?.close();
  });

  const shapes = [
    {
      shape: "esa-certificate",
      reason: /certificate holds a PEM "PRIVATE KEY" block; a private key belongs only in privateKey/,
    },
    { shape: "cas-tag", reason: /tags\["note"\] holds a PEM "PRIVATE KEY" block; this resource takes no private key/ },
    { shape: "ga-domain", reason: /domain holds a PEM "PRIVATE KEY" block; this resource takes no private key/ },
  ] as const;

  for (const { shape, reason } of shapes) {
    it(`${shape}: preview and up fail naming the input, and no line of the key is printed or stored`, async () => {
      // The key travels in the environment: plain stack config is recorded in the state whatever the program does.
      const env = { ALICLOUD_CERTS_ENDPOINT: emu.url, KEY_IN_PLAIN_INPUT: shop.privateKey };
      const stack = await PulumiStack.create(PROJECT, env, shape);
      stacks.push(stack);
      await stack.setConfig("shape", shape);
      await stack.setConfig("certificate", shop.certificate);
      await stack.setConfig("csr", csr);
      await stack.setConfig("privateKey", shop.privateKey, true);
      await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
      await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);

      const preview = await stack.run(["preview"], { allowFailure: true });
      const up = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
      for (const [verb, result] of [
        ["preview", preview],
        ["up", up],
      ] as const) {
        const output = `${result.stdout}\n${result.stderr}`;
        assert.notEqual(result.code, 0, `${verb} succeeded:\n${output}`);
        assert.match(output, reason, `${verb} does not say why:\n${output}`);
        assert.doesNotMatch(output, /BEGIN PRIVATE KEY/, `${verb} printed the PEM header`);
        for (const line of keyLines(shop.privateKey))
          assert.ok(!output.includes(line), `${verb} printed a line of the key:\n${output}`);
      }
      const exported = (await stack.exportedState()).text;
      const raw = stack.rawStateText();
      for (const line of keyLines(shop.privateKey)) {
        assert.ok(!exported.includes(line), "the exported state holds a line of the key");
        assert.ok(!raw.includes(line), "the state file holds a line of the key");
      }
      assert.equal((await emu.control.requests()).length, 0, "a refused input made an API call");
    });
  }
});
