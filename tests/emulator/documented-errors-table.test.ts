/**
 * Table-driven, through a running emulator and the real openapi-client: for each write action of ESA, GA and CAS,
 * every missing or invalid parameter, and the code the sources document for it.
 *
 * - A parameter the API page marks required, missing: the gateway's `Missing<Name>` "<Name> is mandatory for this
 *   action." (wire: GA `MissingListenerId`, alibaba-api-facts.md §4.3; ESA `MissingData`).
 * - ESA (seed pages 000 Apply, 001 Update, 002 Create): a conditionally required parameter missing ("required when
 *   SslFlag is on", "when CertType is upload/cas"), or any invalid value, is the documented `InvalidParameter`, HTTP
 *   400, whose message names the parameter; never a code of our own.
 * - GA list entries (`Certificates.N.Id`, `Certificates.N.Domain`, `Domains.N`) follow the gateway's rule.
 *
 * Then a property: over generated SSL blocks, CreateCustomHostname succeeds exactly when the documented
 * required-when rules hold, and otherwise answers InvalidParameter naming a parameter the rules require.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createParams, makeCsr } from "./helpers/cas-fixtures";
import {
  API_RECORD,
  ORIGIN_RECORD,
  SAAS_SITE,
  createHostname,
  harness,
  makeCert,
  type TestCert,
} from "./helpers/esa-harness";
import { callAction, realClient } from "./helpers/openapi";
import type { Product } from "../../emulator/core/contract";
import { ApiError } from "../../emulator/core/contract";

const CAS_ID = "20000001";
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const GA_CERT = `${CAS_ID}-cn-hangzhou`;

/** One row: the call, and what must come back. */
interface Row {
  readonly product: Product;
  readonly action: string;
  readonly what: string;
  readonly params: Record<string, string>;
  readonly code: string;
  readonly status: number;
  /** The message must say this (the parameter and, for InvalidParameter, the rule). */
  readonly message: RegExp;
}

/** `InvalidParameter` naming `name`, for ESA rows. */
function invalid(name: string, rule: RegExp): Pick<Row, "code" | "status" | "message"> {
  const escaped = name.replace(/\./g, "\\.");
  return {
    code: "InvalidParameter",
    status: 400,
    message: new RegExp(`^The specified parameter ${escaped} is invalid\\. .*${rule.source}`),
  };
}

/** The gateway's answer for a missing mandatory parameter. */
function missing(name: string): Pick<Row, "code" | "status" | "message"> {
  const escaped = name.replace(/\./g, "\\.");
  return { code: `Missing${name}`, status: 400, message: new RegExp(`^${escaped} is mandatory for this action\\.$`) };
}

/** Drop the named keys from a parameter set. */
function without(params: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !names.includes(k)));
}

function esaRows(upload: TestCert, other: TestCert, hostnameId: string): Row[] {
  const create = { SiteId: SAAS_SITE, RecordId: ORIGIN_RECORD, Hostname: "row.customer.org", SslFlag: "off" };
  const on = { ...create, SslFlag: "on" };
  const uploadBlock = { CertType: "upload", Certificate: upload.certificate, PrivateKey: upload.privateKey };
  const casBlock = { CertType: "cas", CasId: CAS_ID, CasRegion: "cn-hangzhou" };
  const ssl = (action: string, base: Record<string, string>): Row[] =>
    [
      ["CertType missing with SslFlag on", base, invalid("CertType", /required when SslFlag is on/)],
      ["SslFlag not on/off", { ...base, SslFlag: "yes" }, invalid("SslFlag", /Valid values: on, off/)],
      ["CertType not free/upload/cas", { ...base, CertType: "paid" }, invalid("CertType", /Valid values/)],
      [
        "Certificate missing with CertType upload",
        { ...base, ...without(uploadBlock, "Certificate") },
        invalid("Certificate", /required when CertType is upload/),
      ],
      [
        "PrivateKey missing with CertType upload",
        { ...base, ...without(uploadBlock, "PrivateKey") },
        invalid("PrivateKey", /required when CertType is upload/),
      ],
      [
        "Certificate not a PEM certificate",
        { ...base, ...uploadBlock, Certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" },
        invalid("Certificate", /not a PEM-encoded X\.509 certificate/),
      ],
      [
        "PrivateKey not a PEM key",
        { ...base, ...uploadBlock, PrivateKey: "not a key" },
        invalid("PrivateKey", /not a PEM-encoded private key/),
      ],
      [
        "PrivateKey of another certificate",
        { ...base, ...uploadBlock, PrivateKey: other.privateKey },
        invalid("PrivateKey", /does not match the public key of Certificate/),
      ],
      [
        "Certificate not covering the hostname",
        { ...base, ...uploadBlock, Certificate: other.certificate, PrivateKey: other.privateKey },
        invalid("Certificate", /does not cover the hostname/),
      ],
      [
        "CasId missing with CertType cas",
        { ...base, ...without(casBlock, "CasId") },
        invalid("CasId", /required when CertType is cas/),
      ],
      [
        "CasRegion missing with CertType cas",
        { ...base, ...without(casBlock, "CasRegion") },
        invalid("CasRegion", /required when CertType is cas/),
      ],
      ["CasId not an integer", { ...base, ...casBlock, CasId: "12-cn-hangzhou" }, invalid("CasId", /integer/)],
      ["CasRegion not documented", { ...base, ...casBlock, CasRegion: "us-west-1" }, invalid("CasRegion", /Valid/)],
      [
        "CasId CAS does not hold",
        { ...base, ...casBlock, CasId: "99999999" },
        invalid("CasId", /holds no usable certificate 99999999/),
      ],
    ].map(([what, params, expected]) => ({
      product: "esa" as const,
      action,
      what: String(what),
      params: params as Record<string, string>,
      ...(expected as Pick<Row, "code" | "status" | "message">),
    }));
  const update = { HostnameId: hostnameId, SslFlag: "on" };
  return [
    ...["SiteId", "Hostname", "RecordId", "SslFlag"].map((name) => ({
      product: "esa" as const,
      action: "CreateCustomHostname",
      what: `${name} missing`,
      params: without(create, name),
      ...missing(name),
    })),
    ...[
      ["SiteId not an integer", { ...create, SiteId: "abc" }, invalid("SiteId", /positive integer/)],
      ["RecordId not an integer", { ...create, RecordId: "abc" }, invalid("RecordId", /positive integer/)],
      ["Hostname not a host name", { ...create, Hostname: "bad_name.org" }, invalid("Hostname", /./)],
      [
        "RecordId of a record ESA does not proxy",
        { ...create, RecordId: API_RECORD },
        invalid("RecordId", /not proxied/),
      ],
    ].map(([what, params, expected]) => ({
      product: "esa" as const,
      action: "CreateCustomHostname",
      what: String(what),
      params: params as Record<string, string>,
      ...(expected as Pick<Row, "code" | "status" | "message">),
    })),
    ...ssl("CreateCustomHostname", on),
    {
      product: "esa",
      action: "UpdateCustomHostname",
      what: "HostnameId missing",
      params: {},
      ...missing("HostnameId"),
    },
    {
      product: "esa",
      action: "UpdateCustomHostname",
      what: "HostnameId not an integer",
      params: { HostnameId: "x1" },
      ...invalid("HostnameId", /positive integer/),
    },
    {
      product: "esa",
      action: "UpdateCustomHostname",
      what: "RecordId of a record ESA does not proxy",
      params: { HostnameId: hostnameId, RecordId: API_RECORD },
      ...invalid("RecordId", /not proxied/),
    },
    ...ssl("UpdateCustomHostname", update),
    {
      product: "esa",
      action: "ApplyCustomHostnameCertificate",
      what: "HostnameId missing",
      params: {},
      ...missing("HostnameId"),
    },
    {
      product: "esa",
      action: "ApplyCustomHostnameCertificate",
      what: "HostnameId not an integer",
      params: { HostnameId: "x1" },
      ...invalid("HostnameId", /positive integer/),
    },
  ];
}

function gaRows(): Row[] {
  const write = { RegionId: "cn-hangzhou", AcceleratorId: ACC, ListenerId: HTTPS };
  const associate = { ...write, "Certificates.1.Domain": "a.example.com", "Certificates.1.Id": GA_CERT };
  const update = { ...write, Domain: "a.example.com", CertificateId: GA_CERT };
  const dissociate = { ...write, "Domains.1": "a.example.com" };
  const rows: [string, Record<string, string>, string][] = [
    ["AssociateAdditionalCertificatesWithListener", associate, "RegionId"],
    ["AssociateAdditionalCertificatesWithListener", associate, "AcceleratorId"],
    ["AssociateAdditionalCertificatesWithListener", associate, "ListenerId"],
    ["AssociateAdditionalCertificatesWithListener", associate, "Certificates.1.Id"],
    ["AssociateAdditionalCertificatesWithListener", associate, "Certificates.1.Domain"],
    ["UpdateAdditionalCertificateWithListener", update, "RegionId"],
    ["UpdateAdditionalCertificateWithListener", update, "AcceleratorId"],
    ["UpdateAdditionalCertificateWithListener", update, "ListenerId"],
    ["UpdateAdditionalCertificateWithListener", update, "Domain"],
    ["UpdateAdditionalCertificateWithListener", update, "CertificateId"],
    ["DissociateAdditionalCertificatesFromListener", dissociate, "RegionId"],
    ["DissociateAdditionalCertificatesFromListener", dissociate, "AcceleratorId"],
    ["DissociateAdditionalCertificatesFromListener", dissociate, "ListenerId"],
  ];
  return [
    ...rows.map(([action, params, name]) => ({
      product: "ga" as const,
      action,
      what: `${name} missing`,
      params: without(params, name),
      ...missing(name),
    })),
    {
      product: "ga",
      action: "AssociateAdditionalCertificatesWithListener",
      what: "no Certificates entry",
      params: write,
      ...missing("Certificates"),
    },
    {
      product: "ga",
      action: "DissociateAdditionalCertificatesFromListener",
      what: "no Domains entry",
      params: write,
      ...missing("Domains"),
    },
  ];
}

async function casRows(): Promise<Row[]> {
  const { pem } = await makeCsr({ alg: "ECDSA" });
  const create = createParams(pem);
  return ["Csr", "Username", "Phone", "Email", "ValidateType"].map((name) => ({
    product: "cas",
    action: "CreateCertificateWithCsrRequest",
    what: `${name} missing`,
    params: without(create, name),
    ...missing(name),
  }));
}

describe("documented error codes, table-driven over HTTP (ESA, GA, CAS)", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let upload: TestCert;
  let other: TestCert;
  let hostnameId: string;

  before(async () => {
    emu = await startEmulator({ speed: 0, quiet: true });
    await emu.control.seed({ cas: { certificates: [{ certId: Number(CAS_ID), commonName: "row.customer.org" }] } });
    upload = await makeCert({ cn: "row.customer.org", dnsNames: ["row.customer.org", "upd.customer.org"] });
    other = await makeCert({ cn: "other.example.net", dnsNames: ["other.example.net"] });
    const created = await callAction(realClient(emu.endpoint, emu), "esa", "CreateCustomHostname", {
      SiteId: SAAS_SITE,
      RecordId: ORIGIN_RECORD,
      Hostname: "upd.customer.org",
      SslFlag: "off",
    });
    hostnameId = String(created.body["HostnameId"]);
  });
  after(async () => {
    await emu.close();
  });

  it("answers each row's code, HTTP status and message, and changes nothing", async () => {
    const client = realClient(emu.endpoint, emu);
    const rows = [...esaRows(upload, other, hostnameId), ...gaRows(), ...(await casRows())];
    const before = JSON.stringify(await emu.control.objects());
    const mismatches: string[] = [];
    for (const row of rows) {
      const outcome = await callAction(client, row.product, row.action, row.params).then(
        () => ({ code: "(success)", status: 200, message: "" }),
        (e: { code?: string; statusCode?: number; data?: { Message?: string } }) => ({
          code: e.code ?? "?",
          status: e.statusCode ?? 0,
          message: e.data?.Message ?? "",
        }),
      );
      const ok = outcome.code === row.code && outcome.status === row.status && row.message.test(outcome.message);
      if (!ok) {
        mismatches.push(
          `${row.product} ${row.action}, ${row.what}: got ${outcome.code} ${outcome.status} "${outcome.message}", want ${row.code} ${row.status} ${String(row.message)}`,
        );
      }
    }
    assert.deepEqual(mismatches, []);
    assert.ok(rows.length >= 60, `${rows.length} rows`);
    assert.equal(JSON.stringify(await emu.control.objects()), before, "no rejected call changed anything");
  });
});

describe("ESA required-when rules over generated SSL blocks (CreateCustomHostname, UpdateCustomHostname)", () => {
  let cert: TestCert;
  before(async () => {
    cert = await makeCert({ cn: "gen.customer.org", dnsNames: ["gen.customer.org"] });
  });

  it("succeeds exactly when the documented rules hold; otherwise InvalidParameter naming a required parameter", () => {
    const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          SslFlag: fc.constantFrom("on", "off"),
          CertType: maybe(fc.constantFrom("free", "upload", "cas")),
          Certificate: fc.boolean(),
          PrivateKey: fc.boolean(),
          CasId: fc.boolean(),
          CasRegion: fc.boolean(),
        }),
        fc.boolean(),
        (block, onUpdate) => {
          const h = harness();
          h.casIds.add("30000478");
          const params: Record<string, string> = { SslFlag: block.SslFlag };
          if (block.CertType !== undefined) params["CertType"] = block.CertType;
          if (block.Certificate) params["Certificate"] = cert.certificate;
          if (block.PrivateKey) params["PrivateKey"] = cert.privateKey;
          if (block.CasId) params["CasId"] = "30000478";
          if (block.CasRegion) params["CasRegion"] = "cn-hangzhou";
          // The documented rules (seed 001/002 parameter tables), in the order a reader checks them.
          const needed: string[] = [];
          if (block.SslFlag === "on") {
            if (block.CertType === undefined) needed.push("CertType");
            if (block.CertType === "upload")
              needed.push(...["Certificate", "PrivateKey"].filter((n) => !block[n as "Certificate"]));
            if (block.CertType === "cas") needed.push(...["CasId", "CasRegion"].filter((n) => !block[n as "CasId"]));
          }
          const run = (): unknown =>
            onUpdate
              ? h.call("UpdateCustomHostname", { HostnameId: createHostname(h, "gen.customer.org"), ...params })
              : createHostname(h, "gen.customer.org", params);
          if (needed.length === 0) {
            run();
            return;
          }
          try {
            run();
            assert.fail(`accepted although ${needed.join(", ")} is required`);
          } catch (e) {
            assert.ok(e instanceof ApiError, String(e));
            assert.equal(e.code, "InvalidParameter");
            assert.equal(e.status, 400);
            const named = /^The specified parameter (\w+) is invalid\. It is required when/.exec(e.message)?.[1];
            assert.ok(named !== undefined && needed.includes(named), `${e.message} names one of ${needed.join(", ")}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
