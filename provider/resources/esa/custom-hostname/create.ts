/**
 * `create` for `esa.CustomHostname`: CreateCustomHostname then GetCustomHostname (2 calls; + 1 CAS
 * GetUserCertificateDetail first for `certType: "cas"`, the coverage gate of ./cas-coverage.ts), or with
 * `adoptExisting` an exact-name ListCustomHostnames then GetCustomHostname (2 calls, plus Update + Get when the
 * adopted hostname differs from the inputs), or, when the resume setting names the hostname (./resume.ts),
 * ListCustomHostnames + GetCustomHostname of an identical one a lost run created (2 calls). Once the hostname exists,
 * any failure is a partial failure carrying its id, so the engine records it: never an orphan.
 */
import { type CreateResult } from "@pulumi/pulumi/dynamic";
import { writeWithLookups } from "../../../transport/lookup-retry";
import { type CustomHostnameModel } from "../../../transport/operations/esa";
import { messageOf, type PropertyBag } from "../../common/dynamic";
import { timeoutMs } from "../../common/check";
import { progress, type AlibabaApi } from "../../common/host";
import { createHostname, findByName, getHostname } from "./api";
import { assertCasCovers } from "./cas-coverage";
import { parseInputs } from "./inputs";
import { hostnamePartialFailure } from "./partial-failure";
import { conflictHint, isNameConflict } from "./conflict";
import { existingHostname, type Existing } from "./existing";
import { mayResume, RESUME_CONFIG, RESUME_ENV, resumeHint, resumeSetting, type ResumeSetting } from "./resume";
import { sendWithinQuota } from "./quota";
import { DEFAULT_WAIT_TIMEOUT_SECONDS, type CustomHostnameInputs, type CustomHostnameOutputs } from "./types";
import { createRequest, defined, inputsFromModel, outputsOf, updateRequest } from "./mapping";
import { waitForTarget } from "./wait";
import { updateConfirmed } from "./writes";

/**
 * CreateCustomHostname within the quota (quota.ts), safe to repeat: it has no client token, so after an ambiguous
 * failure (reset, timeout, 5xx) the hostname is looked up by exact name before trying again, and the one found is
 * taken as ours only when it holds every input (a lost create sends exactly these; a different one was there before,
 * and the next attempt's conflict says so). Attempts are bounded by `deadline` (the shared lookup-before-retry loop),
 * not a count.
 */
async function createOnce(api: AlibabaApi, inputs: CustomHostnameInputs, deadline: number): Promise<string> {
  try {
    return await writeWithLookups({
      write: () =>
        sendWithinQuota(inputs.hostname, deadline, () =>
          createHostname(api, createRequest(inputs), { retry: { maxAttempts: 1 } }),
        ),
      applied: async () => {
        progress(`CreateCustomHostname for ${inputs.hostname} got no clear answer; looking it up before trying again`);
        const existing = await existingHostname(api, inputs);
        return existing?.kind === "identical" ? existing.model.hostnameId : undefined;
      },
      deadline,
      description: `CreateCustomHostname for ${inputs.hostname}`,
      onRetry: progress,
    });
  } catch (error: unknown) {
    if (isNameConflict(error)) throw new Error(`${messageOf(error)} ${await conflictMessage(api, inputs)}`);
    throw error;
  }
}

/** "A custom hostname … already exists …": which inputs it differs in, never their values (some are secret). */
function existsMessage(inputs: CustomHostnameInputs, existing: Existing): string {
  const what = `A custom hostname ${inputs.hostname} already exists in site ${inputs.siteId} (HostnameId ${existing.model.hostnameId})`;
  if (existing.kind === "identical") return `${what}. ${resumeHint(inputs.hostname, existing.model.hostnameId)}`;
  return (
    `${what}; it differs from this resource's inputs in ${existing.differs.join(", ")}, so it is not one that an ` +
    `interrupted run of this resource created. To manage it with this resource, set adoptExisting: true.`
  );
}

/**
 * What follows a name conflict: a custom hostname of that name in the site and which inputs it differs in (List, + Get
 * for an uploaded or CAS certificate; when identical, how to resume it), else who holds the name (./conflict.ts). A
 * failed look-up never hides the conflict; it makes the hint generic.
 */
async function conflictMessage(api: AlibabaApi, inputs: CustomHostnameInputs): Promise<string> {
  try {
    const existing = await existingHostname(api, inputs);
    if (existing !== undefined) return existsMessage(inputs, existing);
  } catch {
    // conflictHint below looks again and says what it can.
  }
  return conflictHint(api, inputs.siteId, inputs.hostname);
}

/**
 * The hostname a create takes over instead of creating one: with `adoptExisting`, any of that name in the site
 * (List; brought in line with the inputs later); when the resume setting names this hostname, an identical one
 * (List, + Get for an uploaded or CAS certificate; a different one is an error, before any CreateCustomHostname).
 * `model` is a Get's model when one was read (the caller reads one otherwise). `undefined`: create it.
 */
async function takeOver(
  api: AlibabaApi,
  inputs: CustomHostnameInputs,
  resume: ResumeSetting,
): Promise<{ how: "adopted" | "resumed"; hostnameId: string; model?: CustomHostnameModel } | undefined> {
  if (inputs.adoptExisting) {
    const listed = await findByName(api, inputs.siteId, inputs.hostname);
    return listed === undefined ? undefined : { how: "adopted", hostnameId: listed.hostnameId };
  }
  if (!mayResume(resume, inputs.hostname)) return undefined;
  const existing = await existingHostname(api, inputs);
  if (existing === undefined) return undefined;
  if (existing.kind === "different")
    throw new Error(`esa.CustomHostname ${inputs.hostname}: ${existsMessage(inputs, existing)}`);
  progress(
    `${inputs.hostname}: resuming HostnameId ${existing.model.hostnameId}, created by an earlier, interrupted run ` +
      `(it is identical to the inputs, and ${RESUME_ENV} or ${RESUME_CONFIG} names it)`,
  );
  return {
    how: "resumed",
    hostnameId: existing.model.hostnameId,
    ...(existing.read ? { model: existing.model } : {}),
  };
}

/** Bring an existing hostname in line with the inputs (adoption): Update only when it differs, then read it again. */
async function reconcile(
  api: AlibabaApi,
  inputs: CustomHostnameInputs,
  model: CustomHostnameModel,
  deadline: number,
): Promise<CustomHostnameModel> {
  const request = updateRequest(model.hostnameId, inputsFromModel(model, inputs), inputs);
  if (request === undefined) return model;
  progress(`adopting ${inputs.hostname} (HostnameId ${model.hostnameId}): updating it to match the inputs`);
  await updateConfirmed(api, request, inputs, deadline);
  return getHostname(api, model.hostnameId);
}

/** `create`. */
export async function createCustomHostname(
  api: AlibabaApi,
  bag: PropertyBag,
): Promise<CreateResult<CustomHostnameOutputs>> {
  const inputs = parseInputs(bag);
  // A malformed setting fails here, before any API call.
  const resume = resumeSetting();
  // ESA allows 100 creates per hour: past that, quota.ts waits (saying so) or fails fast, up to the resource's timeout.
  const deadline = Date.now() + timeoutMs(inputs.waitTimeoutSeconds, DEFAULT_WAIT_TIMEOUT_SECONDS);
  // A CAS certificate that does not cover the hostname is refused before anything is created or adopted.
  if (inputs.sslFlag === "on" && inputs.certType === "cas" && inputs.casId !== undefined)
    await assertCasCovers(api, inputs.hostname, inputs.casId, inputs.casRegion);
  const taken = await takeOver(api, inputs, resume);
  const hostnameId = taken?.hostnameId ?? (await createOnce(api, inputs, deadline));
  let latest = defined<CustomHostnameOutputs>({ ...inputs, hostnameId });
  try {
    let model = taken?.model ?? (await getHostname(api, hostnameId));
    if (taken?.how === "adopted") model = await reconcile(api, inputs, model, deadline);
    latest = outputsOf(inputs, model);
    model = await waitForTarget(api, hostnameId, inputs, model, (seen) => (latest = outputsOf(inputs, seen)));
    return { id: hostnameId, outs: outputsOf(inputs, model) };
  } catch (error: unknown) {
    throw hostnamePartialFailure(taken?.how ?? "created", bag, latest, error);
  }
}
