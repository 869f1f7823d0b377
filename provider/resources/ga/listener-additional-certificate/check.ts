/** `check` of `ga.ListenerAdditionalCertificate`: validate and normalize; no API call. */
import { type CheckResult } from "@pulumi/pulumi/dynamic";
import { CheckReport, readTimeoutSeconds } from "../../common/check";
import { plainJson, withoutProvider, type PropertyBag } from "../../common/dynamic";
import { rejectUnknownInputs } from "../../common/input-names";
import { screenPrivateKeys, withoutRefused } from "../../common/private-keys";
import { COMPUTED_NAMES, INPUT_NAMES } from "./declaration";
import { readAcceleratorId, readCertificateId, readDomain, readListenerId, MAX_TIMEOUT_SECONDS } from "../validate";
import { type ListenerAdditionalCertificateInputs as Inputs } from "./types";

export { INPUT_NAMES };

/** Validate and normalize (trim; lower-case domain). No API call. */
export async function checkBinding(_olds: PropertyBag, given: PropertyBag): Promise<CheckResult<Inputs>> {
  const report = new CheckReport();
  const { news, refused } = screenPrivateKeys(report, given, []);
  rejectUnknownInputs(report, news, { inputs: INPUT_NAMES, outputs: COMPUTED_NAMES });
  const acceleratorId = readAcceleratorId(report, news["acceleratorId"]);
  const listenerId = readListenerId(report, news["listenerId"]);
  const domain = readDomain(report, "domain", news["domain"]);
  const certificateId = readCertificateId(report, "certificateId", news["certificateId"]);
  const timeoutSeconds = readTimeoutSeconds(report, "timeoutSeconds", news["timeoutSeconds"], MAX_TIMEOUT_SECONDS);
  if (report.failures.length > 0)
    return { inputs: withoutRefused(withoutProvider(news), refused) as Inputs, failures: report.failures };
  return { inputs: plainJson({ acceleratorId, listenerId, domain, certificateId, timeoutSeconds }) as Inputs };
}
