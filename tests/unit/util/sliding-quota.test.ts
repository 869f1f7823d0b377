import { strict as assert } from "node:assert";
import { SlidingQuota } from "../../../provider/util/sliding-quota";

describe("util: SlidingQuota", () => {
  const clock = { now: 1_000_000 };
  const quota = (): SlidingQuota => new SlidingQuota(3, 10_000, () => clock.now);
  beforeEach(() => {
    clock.now = 1_000_000;
  });

  it("hands out `limit` slots per window, then says when the oldest start leaves the window", () => {
    const q = quota();
    for (let i = 0; i < 3; i++) {
      assert.notEqual(q.tryTake(), undefined);
      clock.now += 1000;
    }
    assert.equal(q.tryTake(), undefined);
    assert.deepEqual(q.state(), { used: 3, limit: 3, nextSlotAt: 1_010_000, oldestLeavesAt: 1_010_000 });
    clock.now = 1_010_000;
    assert.deepEqual(q.state(), { used: 2, limit: 3, nextSlotAt: 1_010_000, oldestLeavesAt: 1_011_000 });
    assert.notEqual(q.tryTake(), undefined);
  });

  it("gives a rejected call's slot back", () => {
    const q = quota();
    const tokens = [q.tryTake(), q.tryTake(), q.tryTake()];
    assert.equal(q.tryTake(), undefined);
    q.giveBack(tokens[2] ?? -1);
    assert.equal(q.state().used, 2);
    assert.notEqual(q.tryTake(), undefined);
  });

  it("hands out no slot while the API said the quota is used up, whatever the local count", () => {
    const q = quota();
    q.blockUntil(clock.now + 5000);
    assert.equal(q.tryTake(), undefined);
    assert.deepEqual(q.state(), { used: 0, limit: 3, nextSlotAt: 1_005_000, oldestLeavesAt: 1_000_000 });
    clock.now += 5000;
    assert.notEqual(q.tryTake(), undefined);
  });
});
