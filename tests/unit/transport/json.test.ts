import { strict as assert } from "node:assert";
import { Reader } from "../../../provider/transport/decode";
import { parseWireJson } from "../../../provider/transport/wire-json";

describe("transport: lossless JSON", () => {
  it("keeps an id above 2^53 exactly, as a string", () => {
    const body = parseWireJson('{"OrderId":98987582437920968,"Small":42,"Ratio":0.5}');
    assert.deepEqual(body, { OrderId: "98987582437920968", Small: 42, Ratio: 0.5 });
    assert.notEqual(
      String(JSON.parse('{"OrderId":98987582437920968}').OrderId),
      "98987582437920968",
      "JSON.parse would round it",
    );
    assert.equal(Reader.root(body).id("OrderId"), "98987582437920968");
  });

  it("reads safe numeric ids as strings too", () => {
    assert.equal(Reader.root(parseWireJson('{"HostnameId":4042843419650112}')).id("HostnameId"), "4042843419650112");
  });

  it("reports the path of a field with the wrong shape", () => {
    const reader = Reader.root(parseWireJson('{"A":{"B":[{"C":true}]}}'));
    assert.throws(() => reader.object("A").objects("B")[0]!.str("C"), /A\.B\[0\]\.C should be a string, got boolean/);
  });

  it("treats absent lists as empty (Alibaba omits them)", () => {
    assert.deepEqual(Reader.root(parseWireJson("{}")).objects("Certificates"), []);
  });
});
