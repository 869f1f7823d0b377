/** ESA ownership verification: VerifyCustomHostname and automatic activation on tick. */
import assert from "node:assert/strict";
import { ORIGIN_RECORD, createHostname, expectApiError, getModel, harness, type Harness } from "./helpers/esa-harness";

function txt(h: Harness, id: number): { kind: "dns"; name: string; type: string; value: string } {
  const m = getModel(h, id);
  return { kind: "dns", name: String(m["VerifyHost"]), type: "TXT", value: String(m["VerifyCode"]) };
}

describe("esa VerifyCustomHostname", () => {
  it("without proof answers the documented CustomHostname.VerifyUnpassed at HTTP 200 and stays pending", () => {
    const h = harness();
    const id = createHostname(h, "v.customer.org");
    const e = expectApiError(
      () => h.call("VerifyCustomHostname", { HostnameId: id }),
      "CustomHostname.VerifyUnpassed",
      200,
    );
    assert.match(e.message, /ownership verification failed/);
    assert.equal(getModel(h, id)["Status"], "pending");
  });

  it("answers 200 {Passed: false} instead when configured with verifyUnpassedStyle=passed-false", () => {
    const h = harness();
    const id = createHostname(h, "v.customer.org");
    assert.deepEqual(h.control("configure", { verifyUnpassedStyle: "passed-false" }), {
      verifyUnpassedStyle: "passed-false",
      autoVerifyDelayMs: 60_000,
    });
    assert.deepEqual(h.call("VerifyCustomHostname", { HostnameId: id }), { Passed: false });
  });

  it("activates immediately once the TXT VerifyHost=VerifyCode is published", () => {
    const h = harness();
    const id = createHostname(h, "v.customer.org");
    h.advance(1000);
    h.publish(txt(h, id));
    assert.deepEqual(h.call("VerifyCustomHostname", { HostnameId: id }), { Passed: true });
    const m = getModel(h, id);
    assert.equal(m["Status"], "active");
    assert.equal(m["UpdateTime"], "2026-01-01T00:00:01Z");
    // Verifying an active hostname passes again.
    assert.deepEqual(h.call("VerifyCustomHostname", { HostnameId: id }), { Passed: true });
  });

  it("does not accept a TXT with the wrong value or name", () => {
    const h = harness();
    const id = createHostname(h, "v.customer.org");
    const good = txt(h, id);
    h.publish({ ...good, value: "verify_wrong" });
    h.publish({ ...good, name: "_esa_custom_hostname.other.customer.org" });
    expectApiError(() => h.call("VerifyCustomHostname", { HostnameId: id }), "CustomHostname.VerifyUnpassed", 200);
  });

  it("accepts a CNAME of the hostname to the bound record (name or ESA CNAME), but not for wildcards", () => {
    const h = harness();
    const a = createHostname(h, "a.customer.org");
    const b = createHostname(h, "b.customer.org");
    const w = createHostname(h, "*.customer.net");
    h.publish({ kind: "dns", name: "a.customer.org", type: "CNAME", value: "origin.example-saas.com" });
    h.publish({
      kind: "dns",
      name: "b.customer.org",
      type: "CNAME",
      value: "origin.example-saas.com.cname.esa-emulator.test",
    });
    h.publish({ kind: "dns", name: "*.customer.net", type: "CNAME", value: "origin.example-saas.com" });
    assert.deepEqual(h.call("VerifyCustomHostname", { HostnameId: a }), { Passed: true });
    assert.deepEqual(h.call("VerifyCustomHostname", { HostnameId: b }), { Passed: true });
    expectApiError(() => h.call("VerifyCustomHostname", { HostnameId: w }), "CustomHostname.VerifyUnpassed", 200);
    h.publish(txt(h, w));
    assert.deepEqual(h.call("VerifyCustomHostname", { HostnameId: w }), { Passed: true });
  });

  it("does not un-block conflicted or offline hostnames", () => {
    const h = harness();
    const id = createHostname(h, "v.customer.org");
    h.publish(txt(h, id));
    h.control("setStatus", { hostnameId: id, status: "conflicted" });
    expectApiError(() => h.call("VerifyCustomHostname", { HostnameId: id }), "CustomHostname.VerifyUnpassed", 200);
    h.advance(10 * 60_000);
    const m = getModel(h, id);
    assert.equal(m["Status"], "conflicted");
    assert.equal(m["ConflictWith"], "existing_custom_hostname");
  });
});

describe("esa automatic activation", () => {
  it("activates a pending hostname 60 s (simulated) after the proof is first seen", () => {
    const h = harness();
    const id = createHostname(h, "auto.customer.org");
    h.advance(10_000);
    h.publish(txt(h, id));
    h.tick(); // first observation at T0+10s
    h.advance(59_000);
    assert.equal(getModel(h, id)["Status"], "pending");
    h.advance(1000);
    const m = getModel(h, id);
    assert.equal(m["Status"], "active");
    assert.equal(m["UpdateTime"], "2026-01-01T00:01:10Z");
  });

  it("restarts the delay when the proof disappears before activation", () => {
    const h = harness();
    const id = createHostname(h, "auto.customer.org");
    const record = txt(h, id);
    h.publish(record);
    h.tick();
    h.advance(30_000);
    h.unpublish(record);
    h.tick();
    h.advance(30_000);
    h.publish(record);
    h.tick();
    h.advance(59_000);
    assert.equal(getModel(h, id)["Status"], "pending");
    h.advance(1000);
    assert.equal(getModel(h, id)["Status"], "active");
  });

  it("honours a configured autoVerifyDelayMs", () => {
    const h = harness();
    h.control("configure", { autoVerifyDelayMs: 0 });
    const id = createHostname(h, "auto.customer.org");
    h.publish(txt(h, id));
    assert.equal(getModel(h, id)["Status"], "active");
    assert.equal(getModel(h, id)["RecordId"], Number(ORIGIN_RECORD));
  });
});
