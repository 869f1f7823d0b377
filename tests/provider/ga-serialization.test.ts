/**
 * The serialized `__provider` of each GA resource, taken from the staged package exactly as `dynamic.Resource`
 * serializes it: small, free of secrets, and a single `require` of the installed package (so the GA queue is shared).
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { serializeProvider } from "../helpers/provider-host";

const SECRET = "LTAI-ga-serialization-sentinel-secret";

describe("provider tier: GA __provider serialization (staged package)", () => {
  const cases = [
    [
      "ListenerAdditionalCertificate",
      "listenerAdditionalCertificateProvider",
      "listener-additional-certificate/provider.js",
    ],
    [
      "ListenerAdditionalCertificates",
      "listenerAdditionalCertificatesProvider",
      "listener-additional-certificates/provider.js",
    ],
  ] as const;
  for (const [resource, exported, file] of cases) {
    it(`${resource}: ≤ 1536 bytes, no secret, requires only its provider module`, async () => {
      // Credentials present in the program's environment must never reach the text.
      process.env["ALICLOUD_ACCESS_KEY"] = SECRET;
      process.env["ALICLOUD_SECRET_KEY"] = SECRET;
      try {
        const pkg = stagedPackage();
        const text = await serializeProvider(pkg.ga[exported]);
        console.log(`      ${resource}: __provider is ${text.length} bytes`);
        assert.ok(text.length <= 1536, `${text.length} bytes`);
        assert.ok(!text.includes(SECRET));
        const requires = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
        assert.deepEqual(requires, [`pulumi-alicloud-certs/dist/provider/resources/ga/${file}`]);
      } finally {
        delete process.env["ALICLOUD_ACCESS_KEY"];
        delete process.env["ALICLOUD_SECRET_KEY"];
      }
    });
  }
});
