/**
 * What each resource class of the staged package registers, next to what `pulumi.dynamic.Resource` registers for the
 * same provider object: the type token and the `__provider` text are stored state, so they must be identical byte
 * for byte. Runs in a child process under Pulumi's mocks (mocks are process-wide and would leak into other tests).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { STAGED_PACKAGE } from "../helpers/staged-package";
import { TOKEN_MODULE } from "../../provider/resources/common/type-tokens";

/** Registers one resource of each class and its `dynamic.Resource` twin; prints what the mock monitor received. */
const SCRIPT = `
const pulumi = require("@pulumi/pulumi");
const pkg = require(process.argv[1]);
const seen = {};
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      seen[args.name] = { type: args.type, provider: args.inputs.__provider };
      return { id: args.name + "-id", state: {} };
    },
    call: () => ({}),
  },
  "project",
  "stack",
  false,
);
const cases = [
  [pkg.esa.CustomHostname, pkg.esa.customHostnameProvider, "EsaCustomHostname",
    { siteId: "7096621098379520", recordId: "4042843419650112", hostname: "shop.example.com" }],
  [pkg.cas.DvCertificateOrder, pkg.cas.dvCertificateOrderProvider, "CasDvCertificateOrder",
    { csr: "csr", username: "A B", phone: "+8613800000000", email: "a@example.com", validateType: "DNS" }],
  [pkg.cas.DvCertificateValidation, pkg.cas.dvCertificateValidationProvider, "CasDvCertificateValidation",
    { orderId: "1" }],
  [pkg.ga.ListenerAdditionalCertificate, pkg.ga.listenerAdditionalCertificateProvider,
    "GaListenerAdditionalCertificate",
    { acceleratorId: "ga-bp1emulatordefault0001", listenerId: "lsr-bp1emulatorhttps00001",
      domain: "api.example.com", certificateId: "20000001-cn-hangzhou" }],
  [pkg.ga.ListenerAdditionalCertificates, pkg.ga.listenerAdditionalCertificatesProvider,
    "GaListenerAdditionalCertificates",
    { acceleratorId: "ga-bp1emulatordefault0001", listenerId: "lsr-bp1emulatorhttps00001",
      certificates: { "api.example.com": "20000001-cn-hangzhou" } }],
];
const ids = [];
for (const [Class, provider, type, args] of cases) {
  ids.push(new Class("ours-" + type, args).id);
  ids.push(new pulumi.dynamic.Resource(provider, "twin-" + type, { ...args }, {}, "${TOKEN_MODULE}", type).id);
}
pulumi.all(ids).apply(() => process.stdout.write(JSON.stringify(seen)));
`;

interface Registered {
  type: string;
  provider: unknown;
}

function register(): Record<string, Registered> {
  const result = spawnSync(process.execPath, ["-e", SCRIPT, STAGED_PACKAGE], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, Registered>;
}

describe("provider tier: resource registration (staged package)", () => {
  const types = [
    "EsaCustomHostname",
    "CasDvCertificateOrder",
    "CasDvCertificateValidation",
    "GaListenerAdditionalCertificate",
    "GaListenerAdditionalCertificates",
  ];
  let seen: Record<string, Registered>;
  before(() => (seen = register()));

  for (const type of types) {
    it(`${type}: the token and __provider of pulumi.dynamic.Resource, byte for byte`, () => {
      const ours = seen[`ours-${type}`];
      const twin = seen[`twin-${type}`];
      assert.ok(ours !== undefined && twin !== undefined, `both registered: ${Object.keys(seen).join(", ")}`);
      assert.equal(ours.type, `pulumi-nodejs:dynamic/alicloud-certs:${type}`);
      assert.equal(ours.type, twin.type);
      assert.equal(typeof ours.provider, "string");
      assert.match(String(ours.provider), /require\("pulumi-alicloud-certs\/dist\/provider\/resources\//);
      assert.equal(ours.provider, twin.provider);
    });
  }
});
