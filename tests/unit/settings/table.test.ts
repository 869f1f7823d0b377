/** The table of provider settings (provider/settings/table.ts): public names, and invariants every entry keeps. */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { settingLabel } from "../../../provider/settings/read";
import { SECTIONS } from "../../../provider/settings/setting";
import { ALL_SETTINGS } from "../../../provider/settings/table";

describe("unit: settings table", () => {
  it("declares exactly the public names (a variable or key is never renamed or dropped)", () => {
    assert.deepEqual(
      ALL_SETTINGS.map((s) => [s.config, ...s.env].filter((n) => n !== undefined)),
      [
        ["alicloud:region", "ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"],
        ["alicloud:protocol"],
        ["alicloud:endpoints"],
        ["ALICLOUD_CERTS_ENDPOINT"],
        ["ALICLOUD_CERTS_ESA_ENDPOINT"],
        ["ALICLOUD_CERTS_CAS_ENDPOINT"],
        ["ALICLOUD_CERTS_GA_ENDPOINT"],
        ["alicloud:accessKey", "ALICLOUD_ACCESS_KEY"],
        ["alicloud:secretKey", "ALICLOUD_SECRET_KEY"],
        ["alicloud:securityToken", "ALICLOUD_SECURITY_TOKEN"],
        ["alicloud:profile", "ALICLOUD_PROFILE"],
        ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
        ["ALIBABA_CLOUD_SECURITY_TOKEN"],
        ["ALICLOUD_CERTS_MIN_POLL_MS"],
        ["ALICLOUD_CERTS_MAX_POLL_MS"],
        ["alicloud:esaCreateQuota", "ALICLOUD_CERTS_ESA_CREATE_QUOTA"],
        ["ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS"],
        ["alicloud:esaResumeLostCreates", "ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES"],
        ["ALICLOUD_CERTS_ESA_LIST_READS"],
        ["ALICLOUD_CERTS_ESA_GATHER_MS"],
        ["ALICLOUD_CERTS_GA_GATHER_MS"],
        ["ALICLOUD_CERTS_GA_READ_REUSE_MS"],
        ["ALICLOUD_CERTS_CLOCK_URL"],
        ["ALICLOUD_CERTS_DNS_SERVERS"],
        ["ALICLOUD_CERTS_ENGINE_WATCH"],
      ],
    );
  });

  it("no name belongs to two settings; config keys are alicloud:*; every setting has a source", () => {
    const names = ALL_SETTINGS.flatMap((s) => [s.config, ...s.env]).filter((n) => n !== undefined);
    assert.equal(new Set(names).size, names.length);
    for (const s of ALL_SETTINGS) {
      assert.ok(s.config === undefined || /^alicloud:[a-z][A-Za-z]*$/.test(s.config), settingLabel(s));
      assert.ok(s.config !== undefined || s.env.length > 0, settingLabel(s));
      for (const name of s.env) assert.match(name, /^[A-Z][A-Z0-9_]*$/);
    }
  });

  it("every default follows its own kind's rule, and an absent default says what happens instead", () => {
    for (const s of ALL_SETTINGS) {
      const label = settingLabel(s);
      if (s.default === undefined) {
        assert.ok((s.defaultNote ?? "") !== "", `${label}: an undefined default needs a note`);
        continue;
      }
      const parsed = s.kind.parse(s.kind.show(s.default));
      assert.ok(parsed.ok, `${label}: its default ${s.kind.show(s.default)} breaks ${s.kind.rule}`);
      assert.deepEqual(parsed.value, s.default, label);
    }
  });

  it("a secret is of a kind that takes any text, so no message can ever need to show it", () => {
    const secrets = ALL_SETTINGS.filter((s) => s.secret === true);
    assert.ok(secrets.length >= 4);
    for (const s of secrets) assert.equal(s.kind.takesAnyText, true, settingLabel(s));
  });

  it("a kind that says it takes any text does", () => {
    const anyText = ALL_SETTINGS.filter((s) => s.kind.takesAnyText === true);
    fc.assert(
      fc.property(fc.constantFrom(...anyText), fc.string({ minLength: 1 }), (s, raw) => {
        if (raw.trim() !== "") assert.ok(s.kind.parse(raw.trim()).ok, settingLabel(s));
      }),
    );
  });

  it("every entry says what it does, who reads it, and a fallback says why; sections are in table order", () => {
    for (const s of ALL_SETTINGS) {
      const label = settingLabel(s);
      assert.ok(s.description.endsWith("."), `${label}: description`);
      assert.ok(s.readBy.endsWith("."), `${label}: readBy`);
      if (s.malformed !== "fails") assert.ok(s.malformed.fallsBackBecause.length > 20, `${label}: why it falls back`);
    }
    const order = ALL_SETTINGS.map((s) => SECTIONS.indexOf(s.section));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      "grouped by section, in SECTIONS order",
    );
  });
});
