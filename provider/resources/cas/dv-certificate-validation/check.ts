/** `check` of `cas.DvCertificateValidation`: validate and normalize; no API call. */
import { type CheckResult } from "@pulumi/pulumi/dynamic";
import { CheckReport, readId, readTimeoutSeconds } from "../../common/check";
import { type PropertyBag } from "../../common/dynamic";
import { rejectUnknownInputs } from "../../common/input-names";
import { screenPrivateKeys, withoutRefused } from "../../common/private-keys";
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, type DvCertificateValidationInputs as Inputs } from "./types";

/** The inputs of the resource; anything else is a misspelling (outputs echoed back are not). */
export const INPUT_NAMES = ["orderId", "timeoutSeconds"] as const;
const OUTPUT_NAMES = ["state", "commonName", "certificate", "certId", "certIdentifier", "notAfter"];

/** `orderId` is a required id; `timeoutSeconds` whole seconds from 1 to two days. Unknown values stay unknown. */
export async function checkValidation(_olds: PropertyBag, bag: PropertyBag): Promise<CheckResult<Inputs>> {
  const report = new CheckReport();
  const { news, refused } = screenPrivateKeys(report, bag, []);
  rejectUnknownInputs(report, news, { inputs: INPUT_NAMES, outputs: OUTPUT_NAMES });
  const orderId = readId(report, "orderId", news["orderId"], true);
  const timeoutSeconds =
    readTimeoutSeconds(report, "timeoutSeconds", news["timeoutSeconds"], MAX_TIMEOUT_SECONDS) ??
    DEFAULT_TIMEOUT_SECONDS;
  return { inputs: withoutRefused({ orderId: orderId ?? "", timeoutSeconds }, refused), failures: report.failures };
}
