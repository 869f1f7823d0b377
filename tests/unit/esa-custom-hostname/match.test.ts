/**
 * esa.CustomHostname `differingInputs` (provider/resources/esa/custom-hostname/match.ts), over generated inputs: the
 * hostname a create of these inputs makes matches them (also with its PEM re-wrapped by ESA), and a change of any one
 * parameter ESA holds is reported as exactly that input.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { type CustomHostnameModel } from "../../../provider/transport/operations/esa";
import { differingInputs, matchesInputs } from "../../../provider/resources/esa/custom-hostname/match";
import { type CustomHostnameInputs } from "../../../provider/resources/esa/custom-hostname/types";

const digits = fc.stringMatching(/^[1-9]\d{5,17}$/);
const pem = (label: string): fc.Arbitrary<string> =>
  fc
    .base64String({ minLength: 64, maxLength: 256 })
    .filter((b) => b.length % 4 === 0)
    .map((body) => `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g)?.join("\n") ?? body}\n-----END ${label}-----`);

/** Generated normalized inputs, as `check` returns them. */
const inputsArb: fc.Arbitrary<CustomHostnameInputs> = fc
  .record({
    siteId: digits,
    hostname: fc.domain().map((d) => d.toLowerCase()),
    recordId: digits,
    ssl: fc.constantFrom("off", "free", "upload", "cas"),
    certificate: pem("CERTIFICATE"),
    privateKey: pem("PRIVATE KEY"),
    casId: digits,
    casRegion: fc.constantFrom("cn-hangzhou" as const, "ap-southeast-1" as const),
  })
  .map((g) => {
    const base = {
      siteId: g.siteId,
      hostname: g.hostname,
      recordId: g.recordId,
      waitFor: "none" as const,
      waitTimeoutSeconds: 1800,
      adoptExisting: false,
    };
    switch (g.ssl) {
      case "off":
        return { ...base, sslFlag: "off" };
      case "free":
        return { ...base, sslFlag: "on", certType: "free" };
      case "upload":
        return { ...base, sslFlag: "on", certType: "upload", certificate: g.certificate, privateKey: g.privateKey };
      default:
        return { ...base, sslFlag: "on", certType: "cas", casId: g.casId, casRegion: g.casRegion };
    }
  });

/** The hostname ESA holds after a CreateCustomHostname of `inputs` (GetCustomHostname's model). */
function madeFrom(inputs: CustomHostnameInputs, rewrap = false): CustomHostnameModel {
  const wrap = (text: string | undefined): string | undefined =>
    text === undefined || !rewrap ? text : text.replace(/\n/g, "\r\n").concat("\n");
  return {
    hostnameId: "7200000000000001",
    hostname: inputs.hostname,
    siteId: inputs.siteId,
    siteName: "example-saas.com",
    recordId: inputs.recordId,
    recordName: "origin.example-saas.com",
    status: "pending",
    conflictWith: undefined,
    offlineReason: undefined,
    verifyHost: `_esa_custom_hostname.${inputs.hostname}`,
    verifyCode: "verify-code",
    sslFlag: inputs.sslFlag,
    certType: inputs.certType,
    casId: inputs.casId,
    certId: undefined,
    certificate: wrap(inputs.certificate),
    privateKey: wrap(inputs.privateKey),
    certStatus: inputs.sslFlag === "on" ? "Applying" : undefined,
    certApplyCode: undefined,
    certApplyMessage: undefined,
    certTxtKey: undefined,
    certTxtValue: undefined,
    certHttpKey: undefined,
    certHttpValue: undefined,
    certNotAfter: undefined,
    createTime: "2026-01-01T00:00:00Z",
    updateTime: "2026-01-01T00:00:00Z",
  };
}

describe("esa.CustomHostname differingInputs (generated inputs)", () => {
  it("the hostname a create of the inputs makes matches them, with its PEM re-wrapped or not", () => {
    fc.assert(
      fc.property(inputsArb, fc.boolean(), (inputs, rewrap) => {
        assert.deepEqual(differingInputs(madeFrom(inputs, rewrap), inputs), []);
        assert.ok(matchesInputs(madeFrom(inputs, rewrap), inputs));
      }),
    );
  });

  it("reports exactly the one parameter that differs", () => {
    const changes: [string, (m: CustomHostnameModel) => Partial<CustomHostnameModel>][] = [
      ["siteId", (m) => ({ siteId: `${m.siteId ?? ""}9` })],
      ["hostname", (m) => ({ hostname: `x${m.hostname}` })],
      ["recordId", (m) => ({ recordId: `${m.recordId ?? ""}9` })],
    ];
    fc.assert(
      fc.property(inputsArb, fc.constantFrom(...changes), (inputs, [name, change]) => {
        const model = madeFrom(inputs);
        assert.deepEqual(differingInputs({ ...model, ...change(model) }, inputs), [name]);
      }),
    );
  });

  it("a different certificate, CAS id or certificate type is a difference; a missing site is one too", () => {
    fc.assert(
      fc.property(inputsArb, pem("CERTIFICATE"), (inputs, other) => {
        const model = madeFrom(inputs);
        if (inputs.certType === "upload" && other !== inputs.certificate)
          assert.deepEqual(differingInputs({ ...model, certificate: other }, inputs), ["certificate"]);
        if (inputs.certType === "cas")
          assert.deepEqual(differingInputs({ ...model, casId: `${inputs.casId ?? ""}1` }, inputs), ["casId"]);
        const flipped: Partial<CustomHostnameModel> =
          inputs.sslFlag === "off" ? { sslFlag: "on", certType: "free" } : { sslFlag: "off" };
        assert.equal(differingInputs({ ...model, ...flipped }, inputs)[0], "sslFlag");
        assert.deepEqual(differingInputs({ ...model, siteId: undefined }, inputs), ["siteId"]);
      }),
    );
  });

  it("names inputs only, never a value (a private key must not reach a message)", () => {
    fc.assert(
      fc.property(inputsArb, pem("PRIVATE KEY"), (inputs, otherKey) => {
        const differs = differingInputs({ ...madeFrom(inputs), privateKey: otherKey }, inputs);
        for (const name of differs) assert.match(name, /^[a-zA-Z]+$/);
      }),
    );
  });
});
