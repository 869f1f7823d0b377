/** Unit tier: `ga.ListenerAdditionalCertificate` diff decisions (table-driven; no API, no Pulumi runtime). */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { diffBinding } from "../../../provider/resources/ga/listener-additional-certificate/diff";
import { GOOD } from "../ga/fixtures";

describe("unit: GA diff decisions", () => {
  const olds = { ...GOOD, state: "active", __provider: "p1" };
  const cases: [
    string,
    Record<string, unknown>,
    { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean },
  ][] = [
    ["nothing changed", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    [
      "certificate rotated: in place",
      { certificateId: "99-cn-hangzhou" },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "certificate unknown in preview",
      { certificateId: UNKNOWN },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "timeout changed: update, no replace",
      { timeoutSeconds: 60 },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "domain changed: replace, delete first",
      { domain: "other.example.com" },
      { changes: true, replaces: ["domain"], deleteBeforeReplace: true },
    ],
    [
      "listener changed: replace, delete first",
      { listenerId: "lsr-other" },
      { changes: true, replaces: ["listenerId"], deleteBeforeReplace: true },
    ],
    [
      "accelerator and domain changed",
      { acceleratorId: "ga-other", domain: UNKNOWN },
      { changes: true, replaces: ["acceleratorId", "domain"], deleteBeforeReplace: true },
    ],
  ];
  for (const [name, change, expected] of cases) {
    it(`per-domain: ${name}`, async () => {
      const { state: _s, ...inputs } = olds;
      assert.deepEqual(await diffBinding("id", olds, { ...inputs, ...change }), expected);
    });
  }
});
