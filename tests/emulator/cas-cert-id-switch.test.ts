/**
 * The CAS `configure` control's `describeStateCertId` switch: DescribeCertificateState of an issued order carries
 * `CertId` by default (newest official models) and leaves it out when switched off (older models), everything else
 * unchanged.
 */
import assert from "node:assert/strict";
import { parse } from "lossless-json";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createParams, makeCsr } from "./helpers/cas-fixtures";
import { callActionText, realClient } from "./helpers/openapi";

describe("cas: DescribeCertificateState with and without CertId", function () {
  this.timeout(30_000);
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ speed: 0, quiet: true });
  });
  after(async () => {
    await emu.close();
  });

  it("answers CertId by default and omits it when describeStateCertId is false; bad input is refused", async () => {
    const client = realClient(emu.endpoint, emu);
    const { pem } = await makeCsr({ sans: ["id.example.com"] });
    const created = parse(
      await callActionText(client, "cas", "CreateCertificateWithCsrRequest", createParams(pem)),
    ) as {
      OrderId: { toString(): string };
    };
    const orderId = created.OrderId.toString();
    const issued = (await emu.control.service("cas", "issueNow", { orderId })) as { certId: string };
    const describe = async (): Promise<Record<string, unknown>> =>
      parse(await callActionText(client, "cas", "DescribeCertificateState", { OrderId: orderId })) as Record<
        string,
        unknown
      >;

    const withId = await describe();
    assert.equal(String(withId["CertId"]), issued.certId);
    assert.equal(withId["Type"], "certificate");
    assert.deepEqual(await emu.control.service("cas", "configure", { describeStateCertId: false }), {
      describeStateCertId: false,
    });
    const withoutId = await describe();
    assert.equal("CertId" in withoutId, false);
    assert.equal(withoutId["Certificate"], withId["Certificate"]);
    await assert.rejects(emu.control.service("cas", "configure", { describeStateCertId: "no" }), /boolean/);
    await emu.control.service("cas", "configure", { describeStateCertId: true });
    assert.equal(String((await describe())["CertId"]), issued.certId);
  });
});
