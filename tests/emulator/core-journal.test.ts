/** The undo journal writes run under: exact rollback, no proxy left in the slice, cost by what a write touches. */
import assert from "node:assert/strict";
import { types } from "node:util";
import { Journal } from "../../emulator/core/journal";

interface Thing {
  id: string;
  name: string;
  tags: string[];
  cert: { serial: string } | null;
}
interface Slice {
  things: Record<string, Thing>;
  order: string[];
  settings: { style: string };
}

function slice(n: number): Slice {
  const things: Record<string, Thing> = {};
  for (let i = 1; i <= n; i++) things[`t${i}`] = { id: `t${i}`, name: `thing ${i}`, tags: ["a"], cert: null };
  return { things, order: Object.keys(things), settings: { style: "plain" } };
}

/** Every object reachable from `value` that is a proxy. */
function proxiesIn(value: unknown, seen = new Set<unknown>()): number {
  if (typeof value !== "object" || value === null || seen.has(value)) return 0;
  seen.add(value);
  const own = types.isProxy(value) ? 1 : 0;
  return own + Object.values(value).reduce<number>((sum, inner) => sum + proxiesIn(inner, seen), 0);
}

describe("core: write journal (pure)", () => {
  it("puts every kind of change back: sets, adds, deletes, array edits, replaced references", () => {
    const state = slice(3);
    const before = structuredClone(state);
    const heldThing = state.things["t2"];
    const heldOrder = state.order;
    const journal = new Journal();
    const view = journal.view(state);
    view.things["t2"]!.name = "renamed";
    view.things["t2"]!.tags.push("b", "c");
    view.things["t2"]!.cert = { serial: "01" };
    delete view.things["t1"];
    view.things["t9"] = { id: "t9", name: "new", tags: [], cert: null };
    view.order.splice(0, 1);
    view.order.length = 1;
    view.order.sort();
    view.settings = { style: "fancy" };
    Object.defineProperty(view.things["t3"]!, "name", { value: "defined", enumerable: true, writable: true });

    journal.rollback();

    assert.deepEqual(state, before);
    assert.deepEqual(Object.keys(state.things), ["t1", "t2", "t3"], "key order is as before");
    assert.equal(state.things["t2"], heldThing, "objects are restored in place, so references stay valid");
    assert.equal(state.order, heldOrder);
    assert.deepEqual(heldThing?.tags, ["a"]);
  });

  it("leaves no proxy in the slice or in what the write returns", () => {
    const state = slice(3);
    const journal = new Journal();
    const view = journal.view(state);
    const copy = { ...view.things["t1"]!, id: "t4" };
    view.things["t4"] = copy;
    view.order = view.order.filter((id) => id !== "t2");
    view.things["t3"]!.tags = view.things["t2"]!.tags;
    const reply = journal.unwrap({ Thing: view.things["t4"], All: Object.values(view.things) });

    assert.equal(proxiesIn(state), 0);
    assert.equal(proxiesIn(reply), 0);
    assert.equal(state.things["t4"]?.tags, state.things["t1"]?.tags, "a spread shares the original's nested objects");
    assert.equal(state.things["t3"]?.tags, state.things["t2"]?.tags);
    assert.deepEqual(state.order, ["t1", "t3"]);
  });

  it("copies only what a write changes: one hostname of 1,000 is two objects, a read of all is none", () => {
    const state = slice(1000);
    const journal = new Journal();
    const view = journal.view(state);
    assert.equal(
      Object.values(view.things).filter((t) => t.name.endsWith("7")).length,
      100,
      "a scan reads through the proxies",
    );
    assert.equal(journal.changedObjects, 0);
    view.things["t500"]!.name = "changed";
    delete view.things["t501"];
    assert.equal(journal.changedObjects, 2, "the things map and t500");
  });

  it("gives the same proxy for the same object, so identity checks inside a write hold", () => {
    const state = slice(2);
    const journal = new Journal();
    const view = journal.view(state);
    const first = view.things["t1"];
    assert.equal(view.things["t1"], first);
    assert.ok(Object.values(view.things).includes(first!));
    assert.equal(journal.view(first), first);
  });
});
