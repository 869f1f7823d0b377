/**
 * Resuming the hostname a lost run created. A run killed after CreateCustomHostname leaves the hostname in ESA and no
 * trace of it in the state (the documented recovery drops the pending create: `pulumi refresh --clear-pending-creates`),
 * so the next create of the same resource finds the name taken. ESA has no tag or client token that could prove
 * whose hostname it is, so proof has two parts:
 *
 * 1. the user says so, for this run, without editing the program: the setting `alicloud:esaResumeLostCreates` (stack
 *    config) or `ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES` (environment, the one-off form for the recovery's `up`):
 *    `true` for every hostname, or the hostnames, comma-separated;
 * 2. the hostname is exactly what this resource's create sends: same site, name, record, SSL flag, certificate type,
 *    uploaded certificate, CAS id (./match.ts, read by ./existing.ts). A lost create of this resource made exactly that; a hostname that
 *    differs in anything is not its own, and is taken over only with `adoptExisting: true`.
 *
 * The risk left (README): an identical hostname that someone else made (another stack of the same program, or the
 * console) is taken over too when the setting names it; two stacks then manage one hostname.
 */
import { type AllNoneOrList } from "../../../settings/kinds";
import { entryProblem, readSetting, SettingError } from "../../../settings/read";
import { configKey } from "../../../settings/setting";
import { hostSources, NO_CONFIG, type SettingSources } from "../../../settings/sources";
import { SETTINGS } from "../../../settings/table";
import { CheckReport, readHostname } from "../../common/check";

const SETTING = SETTINGS.esaResumeLostCreates;
/** Stack config key of the setting. */
export const RESUME_CONFIG = configKey(SETTING);
/** Environment variable of the setting (when the stack config does not set it). */
export const RESUME_ENV = SETTING.env[0];

/** Which hostnames a create may resume: none, every one, or those named. */
export type ResumeSetting =
  | { readonly kind: "none" }
  | { readonly kind: "all" }
  | { readonly kind: "hostnames"; readonly hostnames: ReadonlySet<string> };

/**
 * The setting from `sources`, or the reason it is malformed (naming the setting, the value and the rule): the
 * reader's rule (`true`, `false` or a list), then each listed entry checked as a hostname (RFC 1123 §2.1, wildcards
 * allowed), the rule of `common/check.ts`.
 */
function resumeFrom(sources: SettingSources): ResumeSetting | { readonly problem: string } {
  let value: AllNoneOrList;
  try {
    value = readSetting(SETTING, sources);
  } catch (error: unknown) {
    if (error instanceof SettingError) return { problem: error.message };
    throw error;
  }
  if (value.kind !== "list") return value;
  const report = new CheckReport();
  const hostnames = new Set<string>();
  for (const entry of value.entries) {
    const name = readHostname(report, RESUME_ENV, entry, { required: true, allowWildcard: true });
    if (name !== undefined) hostnames.add(name);
  }
  const [failure] = report.failures;
  if (failure !== undefined) return { problem: entryProblem(SETTING, failure.reason.replace(RESUME_ENV, "an entry")) };
  return { kind: "hostnames", hostnames };
}

/** The setting from its text (as if the environment set it), or the reason it is malformed. */
export function parseResumeSetting(value: string | undefined): ResumeSetting | { readonly problem: string } {
  return resumeFrom({ config: NO_CONFIG, env: { [RESUME_ENV]: value } });
}

/** The setting of this host process; throws on a malformed one (before any API call). */
export function resumeSetting(): ResumeSetting {
  const parsed = resumeFrom(hostSources());
  if ("problem" in parsed) throw new SettingError(parsed.problem);
  return parsed;
}

/** The reason the setting is malformed, or `undefined` (for `check`, so the preview says so). */
export function resumeSettingProblem(): string | undefined {
  const parsed = resumeFrom(hostSources());
  return "problem" in parsed ? parsed.problem : undefined;
}

/** Whether the setting lets a create of `hostname` resume an identical existing hostname. */
export function mayResume(setting: ResumeSetting, hostname: string): boolean {
  return setting.kind === "all" || (setting.kind === "hostnames" && setting.hostnames.has(hostname));
}

/** The sentence that tells the user how to resume an identical hostname without editing the program. */
export function resumeHint(hostname: string, hostnameId: string): string {
  return (
    `It is identical to this resource's inputs (site, record, SSL settings, certificate). If an interrupted run of ` +
    `this stack created it, resume it without editing the program: run the up again with ` +
    `${RESUME_ENV}=${hostname} (or stack config ${RESUME_CONFIG}); see README "Recovering from a lost run". ` +
    `If it is not this stack's, set adoptExisting: true to take HostnameId ${hostnameId} over, or free the name.`
  );
}
