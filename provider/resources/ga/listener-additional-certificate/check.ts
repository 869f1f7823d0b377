/** `check` of `ga.ListenerAdditionalCertificate`: validate and normalize; no API call. */
import { type CheckResult } from "@pulumi/pulumi/dynamic";
import { readTimeoutSeconds } from "../../common/check";
import { readInputs, startCheck } from "../../common/declared-check";
import { plainJson, withoutProvider, type PropertyBag } from "../../common/dynamic";
import { withoutRefused } from "../../common/private-keys";
import { DECLARATION, INPUT_NAMES } from "./declaration";
import { LISTENER_HOOKS, MAX_TIMEOUT_SECONDS, readCertificateId } from "../validate";
import { type ListenerAdditionalCertificateInputs as Inputs } from "./types";

export { INPUT_NAMES };

/** Validate and normalize (trim; lower-case domain). No API call. */
export async function checkBinding(_olds: PropertyBag, given: PropertyBag): Promise<CheckResult<Inputs>> {
  const { report, news, refused } = startCheck(DECLARATION, given);
  const read = readInputs(report, DECLARATION, news, {
    // Read here with no default: state records an absent timeout as absent.
    except: ["timeoutSeconds"],
    hooks: { ...LISTENER_HOOKS, certificateId: readCertificateId },
  });
  const timeoutSeconds = readTimeoutSeconds(report, "timeoutSeconds", news["timeoutSeconds"], MAX_TIMEOUT_SECONDS);
  if (report.failures.length > 0)
    return { inputs: withoutRefused(withoutProvider(news), refused) as Inputs, failures: report.failures };
  return { inputs: plainJson({ ...read, timeoutSeconds }) as Inputs };
}
