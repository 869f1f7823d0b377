/** esa.CustomHostname mappings (inputs → API parameters, Get model → outputs and rebuilt inputs) and the wait acceptor. */
import { strict as assert } from "node:assert";
import { type CustomHostnameModel } from "../../../provider/transport/operations/esa";
import { type CustomHostnameInputs } from "../../../provider/resources/esa/custom-hostname/types";
import {
  createRequest,
  inputsFromModel,
  outputsOf,
  storedState,
  updateRequest,
} from "../../../provider/resources/esa/custom-hostname/mapping";
import { acceptHostname } from "../../../provider/resources/esa/custom-hostname/wait";

const BASE: CustomHostnameInputs = {
  siteId: "7096621098379520",
  hostname: "shop.customer.com",
  recordId: "4042843419650112",
  sslFlag: "off",
  waitFor: "none",
  waitTimeoutSeconds: 1800,
  adoptExisting: false,
};

function model(extra: Partial<CustomHostnameModel> = {}): CustomHostnameModel {
  const empty = Object.fromEntries(
    [
      "siteName",
      "recordName",
      "status",
      "conflictWith",
      "offlineReason",
      "verifyHost",
      "verifyCode",
      "sslFlag",
      "certType",
      "casId",
      "certId",
      "certificate",
      "privateKey",
      "certStatus",
      "certApplyCode",
      "certApplyMessage",
      "certTxtKey",
      "certTxtValue",
      "certHttpKey",
      "certHttpValue",
      "certNotAfter",
      "createTime",
      "updateTime",
    ].map((k) => [k, undefined]),
  ) as Omit<CustomHostnameModel, "hostnameId" | "hostname" | "siteId" | "recordId">;
  return {
    ...empty,
    hostnameId: "7200000000000001",
    hostname: "shop.customer.com",
    siteId: BASE.siteId,
    recordId: BASE.recordId,
    sslFlag: "off",
    status: "pending",
    ...extra,
  };
}

describe("esa.CustomHostname mapping (unit)", () => {
  const createCases: { name: string; inputs: CustomHostnameInputs; params: Record<string, string> }[] = [
    {
      name: "SSL off",
      inputs: BASE,
      params: { SiteId: BASE.siteId, Hostname: BASE.hostname, RecordId: BASE.recordId, SslFlag: "off" },
    },
    {
      name: "free",
      inputs: { ...BASE, sslFlag: "on", certType: "free" },
      params: {
        SiteId: BASE.siteId,
        Hostname: BASE.hostname,
        RecordId: BASE.recordId,
        SslFlag: "on",
        CertType: "free",
      },
    },
    {
      name: "upload",
      inputs: { ...BASE, sslFlag: "on", certType: "upload", certificate: "CERT", privateKey: "KEY" },
      params: {
        SiteId: BASE.siteId,
        Hostname: BASE.hostname,
        RecordId: BASE.recordId,
        SslFlag: "on",
        CertType: "upload",
        Certificate: "CERT",
        PrivateKey: "KEY",
      },
    },
    {
      name: "cas from a CertIdentifier",
      inputs: {
        ...BASE,
        sslFlag: "on",
        certType: "cas",
        casId: "123",
        casRegion: "cn-hangzhou",
        certIdentifier: "123-cn-hangzhou",
      },
      params: {
        SiteId: BASE.siteId,
        Hostname: BASE.hostname,
        RecordId: BASE.recordId,
        SslFlag: "on",
        CertType: "cas",
        CasId: "123",
        CasRegion: "cn-hangzhou",
      },
    },
  ];
  for (const c of createCases) {
    it(`CreateCustomHostname parameters: ${c.name}`, () => assert.deepEqual(createRequest(c.inputs), c.params));
  }

  it("UpdateCustomHostname: the record alone, the complete SSL block when any SSL field changed, nothing otherwise", () => {
    const upload = { ...BASE, sslFlag: "on" as const, certType: "upload" as const, certificate: "A", privateKey: "K1" };
    assert.equal(updateRequest("9", storedState(BASE), { ...BASE, waitFor: "active" }), undefined);
    assert.deepEqual(updateRequest("9", storedState(BASE), { ...BASE, recordId: "5" }), {
      HostnameId: "9",
      RecordId: "5",
    });
    assert.deepEqual(updateRequest("9", storedState(upload), { ...upload, privateKey: "K2", certificate: "B" }), {
      HostnameId: "9",
      SslFlag: "on",
      CertType: "upload",
      Certificate: "B",
      PrivateKey: "K2",
    });
    assert.deepEqual(updateRequest("9", storedState(upload), { ...BASE, recordId: "5" }), {
      HostnameId: "9",
      RecordId: "5",
      SslFlag: "off",
    });
  });

  it("outputs echo the inputs and add ESA's fields without undefined values", () => {
    const outs = outputsOf(
      { ...BASE, sslFlag: "on", certType: "free" },
      model({
        verifyHost: "_esa_custom_hostname.shop.customer.com",
        verifyCode: "verify_1",
        certStatus: "Applying",
        certTxtKey: "_acme-challenge.shop.customer.com",
        siteName: "example-saas.com",
      }),
    );
    assert.equal(outs.hostnameId, "7200000000000001");
    assert.equal(outs.verifyCode, "verify_1");
    assert.equal(outs.certTxtKey, "_acme-challenge.shop.customer.com");
    assert.equal(outs.certType, "free");
    assert.ok(Object.values(outs).every((v) => v !== undefined));
  });

  it("rebuilds inputs from live state: ESA's fields from Get, casRegion and provider settings from the stored state", () => {
    const stored = storedState({
      ...BASE,
      sslFlag: "on",
      certType: "cas",
      casId: "123",
      casRegion: "cn-hangzhou",
      certIdentifier: "123-cn-hangzhou",
      waitFor: "active",
      applyCertificateTrigger: "1",
    });
    const same = inputsFromModel(model({ sslFlag: "on", certType: "cas", casId: "123" }), stored);
    assert.deepEqual(same, {
      ...BASE,
      sslFlag: "on",
      certType: "cas",
      casId: "123",
      casRegion: "cn-hangzhou",
      certIdentifier: "123-cn-hangzhou",
      waitFor: "active",
      applyCertificateTrigger: "1",
    });
    const moved = inputsFromModel(model({ sslFlag: "on", certType: "cas", casId: "456", recordId: "77" }), stored);
    assert.equal(moved.casId, "456");
    assert.equal(moved.recordId, "77");
    assert.equal(
      moved.certIdentifier,
      undefined,
      "a CertIdentifier that no longer holds is dropped so the diff shows it",
    );
    const upload = inputsFromModel(
      model({
        sslFlag: "on",
        certType: "upload",
        certificate: "-----BEGIN X-----\nAB\nCD\n-----END X-----",
        privateKey: "KEY",
      }),
      storedState({ ...BASE, certificate: "-----BEGIN X-----\nABCD\n-----END X-----" }),
    );
    assert.equal(
      upload.certificate,
      "-----BEGIN X-----\nABCD\n-----END X-----",
      "the same PEM re-wrapped keeps the stored text",
    );
    assert.equal(upload.privateKey, "KEY");
  });

  const waitCases: {
    name: string;
    model: Partial<CustomHostnameModel>;
    target: "active" | "certificateIssued";
    state: string;
    says?: RegExp;
  }[] = [
    {
      name: "pending tells which TXT to publish",
      model: { status: "pending", verifyHost: "_esa_custom_hostname.shop.customer.com", verifyCode: "verify_1" },
      target: "active",
      state: "retry",
      says: /publish TXT _esa_custom_hostname.shop.customer.com = "verify_1"/,
    },
    { name: "active", model: { status: "active" }, target: "active", state: "success" },
    {
      name: "conflicted names what it conflicts with",
      model: { status: "conflicted", conflictWith: "existing_record" },
      target: "active",
      state: "failure",
      says: /ConflictWith existing_record: a DNS record/,
    },
    {
      name: "offline says why",
      model: { status: "offline", offlineReason: "missing_icp" },
      target: "active",
      state: "failure",
      says: /OfflineReason missing_icp/,
    },
    { name: "configuring", model: { status: "configuring" }, target: "active", state: "retry" },
    {
      name: "certificate Applying",
      model: { status: "active", certStatus: "Applying" },
      target: "certificateIssued",
      state: "retry",
      says: /Applying/,
    },
    {
      name: "certificate OK",
      model: { status: "active", certStatus: "OK" },
      target: "certificateIssued",
      state: "success",
    },
    {
      name: "certificate ApplyFailed gives code and message",
      model: { status: "active", certStatus: "ApplyFailed", certApplyCode: "2", certApplyMessage: "canceled" },
      target: "certificateIssued",
      state: "failure",
      says: /CertApplyCode 2: canceled/,
    },
    {
      name: "certificate wanted but hostname pending",
      model: { status: "pending", certStatus: "OK" },
      target: "certificateIssued",
      state: "retry",
    },
  ];
  for (const c of waitCases) {
    it(`wait acceptor: ${c.name} → ${c.state}`, () => {
      const decision = acceptHostname(model(c.model), c.target);
      assert.equal(decision.state, c.state);
      const text =
        decision.state === "retry" ? (decision.progress ?? "") : decision.state === "failure" ? decision.reason : "";
      if (c.says) assert.match(text, c.says);
    });
  }
});
