import { strict as assert } from "node:assert";
import { nextPollCall, PENDING_REREAD_MS } from "../../../provider/resources/esa/custom-hostname/wait";
import { Reader } from "../../../provider/transport/decode";
import { GetCustomHostname, type CustomHostnameModel } from "../../../provider/transport/operations/esa";

/** A model decoded from a Get reply, as the wait sees it. */
function model(status: string): CustomHostnameModel {
  return GetCustomHostname.decode(
    Reader.root({ CustomHostnameModel: { HostnameId: 1, Hostname: "shop.customer.com", Status: status } }),
  );
}

describe("esa.CustomHostname wait: one call per poll", () => {
  it("a pending hostname is polled with VerifyCustomHostname alone (only it can change the outcome)", () => {
    assert.equal(nextPollCall(model("pending"), 0), "verify");
    assert.equal(nextPollCall(model("pending"), PENDING_REREAD_MS - 1), "verify");
  });

  it("a pending hostname is re-read with Get once a minute, to see conflicted, offline or new records", () => {
    assert.equal(nextPollCall(model("pending"), PENDING_REREAD_MS), "get");
  });

  it("any other status is polled with Get alone", () => {
    for (const status of ["active", "configuring", "conflicted", "offline"])
      assert.equal(nextPollCall(model(status), 0), "get", status);
  });
});
