/** Unit tier: `ga.ListenerAdditionalCertificates` diff decisions (table-driven; no API, no Pulumi runtime). */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { diffBindingSet } from "../../../provider/resources/ga/listener-additional-certificates/diff";
import { ACC, CERT, LSN } from "../ga/fixtures";

describe("unit: GA diff decisions", () => {
  const setOlds = {
    acceleratorId: ACC,
    listenerId: LSN,
    certificates: { "a.example.com": CERT, "b.example.com": CERT },
    domains: ["a.example.com", "b.example.com"],
    __provider: "p1",
  };
  const setNews = {
    acceleratorId: ACC,
    listenerId: LSN,
    certificates: { "b.example.com": CERT, "a.example.com": CERT },
    __provider: "p1",
  };
  const setCases: [
    string,
    Record<string, unknown>,
    { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean },
  ][] = [
    ["same bindings in another key order", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    [
      "a binding added",
      { certificates: { ...setNews.certificates, "c.example.com": CERT } },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "a binding rotated",
      { certificates: { ...setNews.certificates, "a.example.com": "5-cn-hangzhou" } },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    ["certificates unknown", { certificates: UNKNOWN }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    [
      "moved to another listener: create the new set first",
      { listenerId: "lsr-other" },
      { changes: true, replaces: ["listenerId"], deleteBeforeReplace: false },
    ],
    [
      "only the accelerator changed: delete first",
      { acceleratorId: "ga-other" },
      { changes: true, replaces: ["acceleratorId"], deleteBeforeReplace: true },
    ],
  ];
  for (const [name, change, expected] of setCases) {
    it(`set: ${name}`, async () => {
      assert.deepEqual(await diffBindingSet("id", setOlds, { ...setNews, ...change }), expected);
    });
  }
});
