/** The resume setting of esa.CustomHostname (provider/resources/esa/custom-hostname/resume.ts), over generated values. */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CheckReport, readHostname } from "../../../provider/resources/common/check";
import {
  mayResume,
  parseResumeSetting,
  type ResumeSetting,
} from "../../../provider/resources/esa/custom-hostname/resume";

/**
 * Domains the hostname rule accepts: fast-check's domains may hold a label with "--" in its third and fourth
 * characters ("aa--a"), which RFC 5890 §2.3.1 reserves and the rule refuses, as it should.
 */
const validDomain = fc.domain().filter((domain) => {
  const report = new CheckReport();
  readHostname(report, "hostname", domain, { required: true, allowWildcard: true });
  return report.failures.length === 0;
});

function parsed(value: string | undefined): ResumeSetting {
  const result = parseResumeSetting(value);
  if ("problem" in result) assert.fail(`unexpected problem: ${result.problem}`);
  return result;
}

describe("esa.CustomHostname resume setting", () => {
  it("unset, empty and false resume nothing; true resumes every hostname", () => {
    fc.assert(
      fc.property(fc.domain(), (hostname) => {
        for (const off of [undefined, "", "  ", "false", "FALSE"])
          assert.equal(mayResume(parsed(off), hostname), false);
        for (const on of ["true", " True "]) assert.equal(mayResume(parsed(on), hostname.toLowerCase()), true);
      }),
    );
  });

  it("a list resumes exactly the hostnames it names, whatever their case and spacing", () => {
    fc.assert(
      fc.property(fc.uniqueArray(validDomain, { minLength: 1, maxLength: 5 }), fc.domain(), (named, other) => {
        const text = named.map((n, i) => (i % 2 === 0 ? ` ${n.toUpperCase()}` : `${n} `)).join(",");
        const setting = parsed(text);
        for (const n of named) assert.equal(mayResume(setting, n.toLowerCase()), true);
        const listed = named.some((n) => n.toLowerCase() === other.toLowerCase());
        assert.equal(mayResume(setting, other.toLowerCase()), listed);
      }),
    );
  });

  it("a malformed entry is a problem naming the setting, the entry and the rule", () => {
    for (const bad of ["yes", "shop.example.com,,api.example.com", "shop example.com", "1.2.3.4"]) {
      const result = parseResumeSetting(bad);
      assert.ok("problem" in result, `${bad} is malformed`);
      assert.match(
        result.problem,
        /^alicloud:esaResumeLostCreates \(or ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES\) must be/,
      );
      assert.match(result.problem, /(an entry ".*" is not a valid hostname|has an empty entry)/);
    }
  });
});
