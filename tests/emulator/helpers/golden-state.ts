/**
 * Writes the golden state file `tests/emulator/golden/state-file-v1.json` (and the objects dump that goes with it):
 * one run that leaves something in every part of the state file format (ESA hostnames, settings and conditions; CAS
 * orders, certificates, the root CA, validations, settings; GA bindings, an in-flight write and ClientTokens; the
 * core's credentials, ClientToken replies, published records, id sequences and serving timelines).
 *
 * The committed file was written by the emulator as it was before its files were reorganized (commit eb36bac), so
 * `core-state-file-compat.test.ts` proves that a state file of that version still loads. Rerun only when the format
 * version changes on purpose:
 * `scripts/with-env npx ts-node --transpile-only tests/emulator/helpers/golden-state.ts`.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../../emulator";
import { certificateRequest } from "../../helpers/x509";
import { callAction, realClient } from "./openapi";

/** Where the golden files live. */
export const GOLDEN_DIR = join(__dirname, "..", "golden");
/** The state file written by the emulator before its reorganization. */
export const GOLDEN_STATE_FILE = join(GOLDEN_DIR, "state-file-v1.json");
/** `GET /__emulator/objects` of that emulator just before it closed. */
export const GOLDEN_OBJECTS_FILE = join(GOLDEN_DIR, "state-file-v1.objects.json");

const SITE = "7096621098379520";
const ORIGIN_RECORD = "4042843419650112";
const LISTENER = { AcceleratorId: "ga-bp1emulatordefault0001", ListenerId: "lsr-bp1emulatorhttps00001" };

interface DumpedOrder {
  orderId: string;
  domain: string;
  certId: string | null;
}

async function writeGolden(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "golden-state-"));
  const stateFile = join(dir, "state.json");
  const emu = await startEmulator({ quiet: true, stateFile, speed: 0 });
  try {
    await emu.control.seed({
      credentials: [{ accessKeyId: "STS.Golden", accessKeySecret: "golden-secret", securityToken: "golden-token" }],
    });
    const api = realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });

    // ESA: one hostname verified and on an issued free certificate, one still pending with SSL off.
    const shop = await callAction(api, "esa", "CreateCustomHostname", {
      SiteId: SITE,
      RecordId: ORIGIN_RECORD,
      Hostname: "shop.golden.test",
      SslFlag: "on",
      CertType: "free",
    });
    const shopId = String(shop.body["HostnameId"]);
    const shopModel = (await callAction(api, "esa", "GetCustomHostname", { HostnameId: shopId })).body[
      "CustomHostnameModel"
    ] as { VerifyHost: string; VerifyCode: string };
    await emu.control.publishRecord({
      kind: "dns",
      name: shopModel.VerifyHost,
      type: "TXT",
      value: shopModel.VerifyCode,
    });
    await callAction(api, "esa", "VerifyCustomHostname", { HostnameId: shopId });
    await callAction(api, "esa", "CreateCustomHostname", {
      SiteId: SITE,
      RecordId: ORIGIN_RECORD,
      Hostname: "pending.golden.test",
      SslFlag: "off",
    });
    await emu.control.service("esa", "configure", { autoVerifyDelayMs: 120_000 });
    await emu.control.service("esa", "setCondition", { condition: "noPermission", accessKeyId: "LTAI5tNobody" });

    // CAS: an issued DNS order (tagged, its validation kept for reuse) and a pending FILE order.
    const csr = await certificateRequest({ subject: "CN=api.golden.test" });
    await callAction(api, "cas", "CreateCertificateWithCsrRequest", {
      Csr: csr.pem,
      Username: "Golden",
      Phone: "13900001234",
      Email: "golden@example.com",
      ValidateType: "DNS",
      "Tags.1.Key": "env",
      "Tags.1.Value": "golden",
    });
    const pendingCsr = await certificateRequest({ subject: "CN=files.golden.test" });
    await callAction(api, "cas", "CreateCertificateWithCsrRequest", {
      Csr: pendingCsr.pem,
      Username: "Golden",
      Phone: "13900001234",
      Email: "golden@example.com",
      ValidateType: "FILE",
    });
    const orders = ((await emu.control.objects())["cas"] as { orders: DumpedOrder[] }).orders;
    const issuing = orders.find((o) => o.domain === "api.golden.test");
    if (issuing === undefined) throw new Error("the DNS order is missing");
    const describe = await callAction(api, "cas", "DescribeCertificateState", { OrderId: issuing.orderId });
    await emu.control.publishRecord({
      kind: "dns",
      name: "_dnsauth.api.golden.test",
      type: "TXT",
      value: String(describe.body["RecordValue"]),
    });
    await emu.control.service("cas", "configure", { describeStateCertId: true });
    await emu.control.advanceTime(10_000); // review, issuance, the free certificate and ESA's auto-verify window
    const issued = ((await emu.control.objects())["cas"] as { orders: DumpedOrder[] }).orders.find(
      (o) => o.orderId === issuing.orderId,
    );
    if (issued?.certId === null || issued?.certId === undefined) throw new Error("the DNS order was not issued");
    await emu.control.setCaSchedule([{ from: "2020-01-01", validityDays: 200, dcvReuseDays: 398 }]);

    // GA: one settled binding, then a second write still holding the lock; both under ClientTokens.
    await callAction(api, "ga", "AssociateAdditionalCertificatesWithListener", {
      RegionId: "cn-hangzhou",
      ...LISTENER,
      ClientToken: "golden-settled",
      "Certificates.1.Domain": "api.golden.test",
      "Certificates.1.Id": `${issued.certId}-cn-hangzhou`,
    });
    await emu.control.advanceTime(5_000);
    await callAction(api, "ga", "DissociateAdditionalCertificatesFromListener", {
      RegionId: "cn-hangzhou",
      ...LISTENER,
      ClientToken: "golden-in-flight",
      "Domains.1": "api.golden.test",
    });

    const objects = await emu.control.objects();
    await emu.close();
    copyFileSync(stateFile, GOLDEN_STATE_FILE);
    writeFileSync(GOLDEN_OBJECTS_FILE, JSON.stringify(objects, null, 2) + "\n", "utf8");
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  writeGolden().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
