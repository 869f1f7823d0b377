/**
 * Our operation specs against the official SDKs' own metadata, read from the installed packages: for every action
 * the package calls, the SDK knows the action, at the same API version, with the same HTTP method, and accepts every
 * parameter name we send. Python SDKs (all three products; GA has no official Node SDK) come from the bootstrap venv
 * and are skipped when it is absent; the Node SDKs (ESA, CAS) from node_modules. The emulator's request log records
 * the method our client actually used.
 */
import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { AlibabaClient } from "../../provider/transport/client";
import { type Operation, type WireParams } from "../../provider/transport/operation";
import { OPERATIONS } from "../../provider/transport/operations";
import { API_VERSIONS, type Product } from "../../provider/transport/products";
import { REPO_ROOT } from "../helpers/engine";
import { nodeSdk, pythonSdk, type SdkMetadata } from "../helpers/sdk-metadata";

const VENV = process.env["ALICLOUD_CERTS_PYTHON_VENV"] ?? path.join(REPO_ROOT, ".tools", "python-sdks");
const PYTHON_MODULES: Readonly<Record<Product, string>> = {
  esa: "alibabacloud_esa20240910",
  cas: "alibabacloud_cas20200407",
  ga: "alibabacloud_ga20191120",
};
const NODE_PACKAGES: Partial<Record<Product, string>> = { esa: "@alicloud/esa20240910", cas: "@alicloud/cas20200407" };

type AnyOperation = Operation<WireParams, unknown>;

function operations(): AnyOperation[] {
  return Object.values(OPERATIONS).flatMap((group) =>
    Object.values(group).filter(
      (v): v is AnyOperation => typeof v === "object" && v !== null && "action" in v && "wireParams" in v,
    ),
  );
}

/**
 * Actions the npm SDK is too old to know: `@alicloud/cas20200407` 3.0.0 predates them, the newer PyPI
 * `alibabacloud_cas20200407` (3.9.x, which wins as the newest model) has them; the Python comparison below checks them.
 */
const NEWER_THAN_NODE_SDK = new Set(["ListTagResources"]);

/** The names our client puts on the wire for `op` (GA and regional calls also carry the RegionId the client adds). */
function sentNames(op: AnyOperation): string[] {
  return [...Object.keys(op.wireParams), ...(op.product === "ga" || op.regional === true ? ["RegionId"] : [])];
}

function compare(op: AnyOperation, sdk: SdkMetadata, which: string): void {
  const meta = sdk.get(op.action);
  assert.ok(meta !== undefined, `${which} has no ${op.action}`);
  assert.equal(meta.version, API_VERSIONS[op.product], `${which} ${op.action} version`);
  assert.equal(op.method, meta.method, `${op.action}: our spec says ${op.method}, ${which} uses ${meta.method}`);
  const unknown = sentNames(op).filter((name) => !meta.params.has(name));
  assert.deepEqual(unknown, [], `${op.action} parameters ${which} does not know`);
}

describe("operation specs against the official SDKs' metadata", () => {
  const ops = operations();

  it("covers every operation the package calls", () => {
    assert.ok(ops.length >= 23, `found ${ops.length} operations`);
  });

  for (const product of ["esa", "cas"] as const) {
    const pkg = NODE_PACKAGES[product] ?? "";
    it(`${product}: action, version, method and parameter names match the Node SDK ${pkg}`, () => {
      const sdk = nodeSdk(REPO_ROOT, pkg);
      for (const op of ops.filter((o) => o.product === product && !NEWER_THAN_NODE_SDK.has(o.action)))
        compare(op, sdk, pkg);
    });
  }

  for (const product of ["esa", "cas", "ga"] as const) {
    it(`${product}: action, version, method and parameter names match the Python SDK`, function () {
      if (!existsSync(VENV)) this.skip();
      const sdk = pythonSdk(VENV, PYTHON_MODULES[product]);
      for (const op of ops.filter((o) => o.product === product)) compare(op, sdk, PYTHON_MODULES[product]);
    });
  }

  it("a spec that drifts is caught: a wrong method and an unknown parameter both fail", () => {
    const sdk = nodeSdk(REPO_ROOT, "@alicloud/esa20240910");
    const get = ops.find((o) => o.action === "GetCustomHostname");
    assert.ok(get !== undefined);
    assert.throws(() => compare({ ...get, method: "GET" }, sdk, "node"), /our spec says GET, node uses POST/);
    assert.throws(
      () => compare({ ...get, wireParams: { HostnameId: true, HostName: true } as never }, sdk, "node"),
      /HostName/,
    );
  });

  describe("the request log records the method our client used", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    before(async () => {
      emu = await startEmulator({ quiet: true });
    });
    after(async () => {
      await emu?.close();
    });

    it("for every read the provider makes, the logged method is the SDKs' method", async () => {
      const client = new AlibabaClient({
        config: {
          get: (k) => ({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret })[k],
        },
        env: { ALICLOUD_CERTS_ENDPOINT: emu.url },
      });
      const esa = nodeSdk(REPO_ROOT, "@alicloud/esa20240910");
      const reads: [AnyOperation, WireParams][] = [
        [OPERATIONS.esa.ListSites as AnyOperation, {}],
        [OPERATIONS.esa.ListRecords as AnyOperation, { SiteId: "7096621098379520" }],
        [OPERATIONS.esa.ListCustomHostnames as AnyOperation, { SiteId: "7096621098379520" }],
        [OPERATIONS.esa.GetCustomHostname as AnyOperation, { HostnameId: "1" }],
      ];
      for (const [op, request] of reads) {
        await client.call(op, request, { retry: { maxAttempts: 1 } }).catch(() => undefined);
        const [entry] = await emu.control.requests({ product: "esa", action: op.action });
        assert.equal(entry?.method, esa.get(op.action)?.method, `${op.action} went out as ${entry?.method}`);
      }
    });
  });
});
