/** Unit tier: the provider's clock follows the system clock, or the endpoint ALICLOUD_CERTS_CLOCK_URL names. */
import { strict as assert } from "node:assert";
import { clockFromEnv, systemClock, timeFromClockReply, urlClock } from "../../../provider/util/clock";

describe("unit: util/clock", () => {
  it("reads the emulator's {now} or {iso}, else the Date header", () => {
    assert.equal(timeFromClockReply({ now: 1_800_000_000_000 }, null)?.getTime(), 1_800_000_000_000);
    assert.equal(timeFromClockReply({ iso: "2027-03-01T00:00:00Z" }, null)?.toISOString(), "2027-03-01T00:00:00.000Z");
    assert.equal(
      timeFromClockReply(undefined, "Mon, 01 Mar 2027 00:00:00 GMT")?.toISOString(),
      "2027-03-01T00:00:00.000Z",
    );
    assert.equal(timeFromClockReply({ now: "x" }, null), undefined);
  });

  it("asks the URL on every call and fails rather than guessing", async () => {
    let calls = 0;
    const fake = (async () => {
      calls++;
      return new Response(JSON.stringify({ now: 1_800_000_000_000 + calls }), { status: 200 });
    }) as typeof fetch;
    const clock = urlClock("http://127.0.0.1:1/__emulator/clock", fake);
    assert.equal((await clock()).getTime(), 1_800_000_000_001);
    assert.equal((await clock()).getTime(), 1_800_000_000_002);
    const silent = urlClock("http://x", (async () => new Response("nope", { status: 500 })) as typeof fetch);
    await assert.rejects(silent(), /ALICLOUD_CERTS_CLOCK_URL http:\/\/x answered without a time \(HTTP 500\)/);
  });

  it("is the system clock unless the variable is set", async () => {
    assert.equal(clockFromEnv({}), systemClock);
    assert.notEqual(clockFromEnv({ ALICLOUD_CERTS_CLOCK_URL: "http://127.0.0.1:1/" }), systemClock);
    const before = Date.now();
    assert.ok((await systemClock()).getTime() >= before);
  });
});
