/**
 * Provider tier: what `create` says after a real `CustomHostname.ConflictWithExistingResource` from the emulator
 * (the one code ESA documents for a name that is already taken). It looks the name up and either suggests
 * `adoptExisting` (a custom hostname of that name in the site) or says what else holds the name.
 */
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as Package from "pulumi-alicloud-certs";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { REPO_ROOT } from "../helpers/engine";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  type HostResource,
  type Props,
} from "../helpers/provider-host";

const pkg = createRequire(__filename)(path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs")) as typeof Package;
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";

describe("provider tier: esa.CustomHostname conflict hint", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let res: HostResource;

  before(async () => {
    emu = await startEmulator({ quiet: true });
    host = await ProviderHost.start({ cwd: REPO_ROOT, env: { ALICLOUD_CERTS_ENDPOINT: emu.url } });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    res = host.resource(await serializeProvider(pkg.esa.customHostnameProvider), TYPE);
  });
  after(async () => {
    host?.close();
    await emu?.close();
  });
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRequests();
  });

  const inputs = (hostname: string): Props => ({ siteId: SITE, hostname, recordId: ORIGIN, waitFor: "none" });

  async function createError(name: string, hostname: string): Promise<HostCallError> {
    const checked = await res.check(name, {}, inputs(hostname));
    assert.deepEqual(checked.failures, []);
    const error = await res.create(name, checked.inputs).catch((e: unknown) => e);
    assert.ok(error instanceof HostCallError, `expected a create failure, got ${String(error)}`);
    assert.equal(error.partial, undefined, "nothing was created, so nothing is recorded");
    return error;
  }

  it("suggests adoptExisting when a custom hostname of that name exists in the site", async () => {
    const first = await res.create("a", (await res.check("a", {}, inputs("dup.customer.com"))).inputs);
    await emu.control.clearRequests();
    const error = await createError("b", "dup.customer.com");
    assert.match(error.message, /CustomHostname\.ConflictWithExistingResource/);
    assert.match(
      error.message,
      new RegExp(`already exists in site ${SITE} \\(HostnameId ${first.id}\\).*adoptExisting: true`),
    );
    const actions = (await emu.control.requests({ product: "esa" })).map((r) => r.action);
    assert.deepEqual(actions, ["CreateCustomHostname", "ListCustomHostnames"]);
    await res.delete("a", first.id, first.properties);
  });

  it("says a DNS record holds the name, and does not suggest adoption", async () => {
    const error = await createError("r", "www.example-saas.com");
    assert.match(error.message, /is a DNS record of ESA site \d+ \(RecordId \d+\)\. Delete that record/);
    assert.doesNotMatch(error.message, /set adoptExisting/);
  });

  it("says a site's zone holds the name", async () => {
    const error = await createError("z", "example-saas.com");
    assert.match(error.message, /is the zone of ESA site \d+/);
    assert.doesNotMatch(error.message, /set adoptExisting/);
  });
});
