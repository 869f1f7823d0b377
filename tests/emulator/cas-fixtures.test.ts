/** Self-checks of the cas test fixtures (`./helpers/cas-fixtures`), which the other emulator tests build on. */
import { strict as assert } from "node:assert";
import { T0, makeWorld } from "./helpers/cas-fixtures";

describe("cas test fixtures", () => {
  it("moves the clock, hands out sequences and answers published records", () => {
    const world = makeWorld();
    assert.equal(world.now(), T0);
    world.advance(5);
    assert.equal(world.ctx.clock.now(), T0 + 5);
    assert.equal(world.ctx.nextId("a"), "1");
    assert.equal(world.ctx.nextId("a"), "2");
    world.records.publish({ kind: "dns", name: "_X.example.com", type: "TXT", value: "v" });
    assert.ok(world.records.has("dns", "_x.EXAMPLE.com", "TXT", "v"));
    assert.ok(!world.records.has("dns", "_x.example.com", "TXT", "w"));
  });
});
