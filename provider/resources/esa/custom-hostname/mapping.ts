/**
 * Pure mappings between `esa.CustomHostname` inputs/state and the ESA API: request parameters, outputs from a
 * `GetCustomHostname` model, and inputs rebuilt from live state (refresh). No I/O here, so it is table-tested.
 */
import {
  type CreateCustomHostnameRequest,
  type CustomHostnameModel,
  type CustomHostnameSslParams,
  type UpdateCustomHostnameRequest,
} from "../../../transport/operations/esa";
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { storedSettings, storedValues } from "../../common/stored";
import { COMPUTED_KEYS, DECLARATION } from "./declaration";
import {
  CERT_TYPES,
  SSL_FLAGS,
  type CustomHostnameComputed,
  type CustomHostnameInputs,
  type CustomHostnameOutputs,
} from "./types";

/**
 * Drop `undefined` members (protobuf Struct conversion rejects them) and give the result its declared type: the one
 * place where a loosely built object is narrowed, so every mapping below stays a plain object literal.
 */
export function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return plainJson(value as Record<string, unknown>) as T;
}

/** The SSL parameters with the always-required `SslFlag`. */
export type SslBlock = CustomHostnameSslParams & { readonly SslFlag: "on" | "off" };

/** The SSL block of Create/UpdateCustomHostname: `SslFlag` plus exactly the fields its `CertType` needs. */
export function sslParams(inputs: CustomHostnameInputs): SslBlock {
  if (inputs.sslFlag === "off" || inputs.certType === undefined) return { SslFlag: "off" };
  switch (inputs.certType) {
    case "free":
      return { SslFlag: "on", CertType: "free" };
    case "upload":
      return defined<SslBlock>({
        SslFlag: "on",
        CertType: "upload",
        Certificate: inputs.certificate,
        PrivateKey: inputs.privateKey,
      });
    case "cas":
      return defined<SslBlock>({ SslFlag: "on", CertType: "cas", CasId: inputs.casId, CasRegion: inputs.casRegion });
  }
}

/** `CreateCustomHostname` parameters. */
export function createRequest(inputs: CustomHostnameInputs): CreateCustomHostnameRequest {
  return { SiteId: inputs.siteId, Hostname: inputs.hostname, RecordId: inputs.recordId, ...sslParams(inputs) };
}

/** The state fields the SSL block is made of; a change to any of them resends the whole block. */
export const SSL_FIELDS = ["sslFlag", "certType", "certificate", "privateKey", "casId", "casRegion"] as const;

/** True when the SSL configuration differs between stored state and new inputs. */
export function sslChanged(olds: StoredState, news: CustomHostnameInputs): boolean {
  return SSL_FIELDS.some((key) => (olds[key] ?? undefined) !== (news[key] ?? undefined));
}

/**
 * `UpdateCustomHostname` parameters for a change from `olds` to `news`: the record when it changed, and the complete
 * SSL block when any SSL field changed (whether omitted SSL fields are kept is undocumented, so never send half of
 * it). `undefined` when nothing the API holds has changed.
 */
export function updateRequest(
  hostnameId: string,
  olds: StoredState,
  news: CustomHostnameInputs,
): UpdateCustomHostnameRequest | undefined {
  const recordChanged = olds.recordId !== news.recordId;
  const ssl = sslChanged(olds, news);
  if (!recordChanged && !ssl) return undefined;
  return {
    HostnameId: hostnameId,
    ...(recordChanged ? { RecordId: news.recordId } : {}),
    ...(ssl ? sslParams(news) : {}),
  };
}

/** Computed outputs from a `GetCustomHostname` (or List) model. */
export function computedFromModel(model: CustomHostnameModel): CustomHostnameComputed {
  return defined<CustomHostnameComputed>({
    hostnameId: model.hostnameId,
    status: model.status,
    verifyHost: model.verifyHost,
    verifyCode: model.verifyCode,
    certStatus: model.certStatus,
    certId: model.certId,
    certApplyCode: model.certApplyCode,
    certApplyMessage: model.certApplyMessage,
    certTxtKey: model.certTxtKey,
    certTxtValue: model.certTxtValue,
    certHttpKey: model.certHttpKey,
    certHttpValue: model.certHttpValue,
    certNotAfter: model.certNotAfter,
    conflictWith: model.conflictWith,
    offlineReason: model.offlineReason,
    recordName: model.recordName,
    siteName: model.siteName,
  });
}

/** Outputs: the inputs echoed (so diffs compare like with like) plus what ESA computed. */
export function outputsOf(inputs: CustomHostnameInputs, model: CustomHostnameModel): CustomHostnameOutputs {
  return defined<CustomHostnameOutputs>({ ...inputs, ...computedFromModel(model) });
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The stored PEM when ESA holds the same one up to line breaks and spaces (so a reformatted echo is no diff). */
export function preferStoredPem(stored: string | undefined, live: string | undefined): string | undefined {
  const squash = (pem: string): string => pem.replace(/\s+/g, "");
  return stored !== undefined && live !== undefined && squash(stored) === squash(live) ? stored : live;
}

/**
 * Inputs rebuilt from live state (refresh), so an out-of-band change shows up as a diff and `pulumi up` repairs it.
 * ESA-held fields come from the model; the ones ESA does not return (`casRegion`, which is not in the Get model, and
 * the trigger) and the provider-only settings (declared `change: "provider"`: wait, adoption) come from the stored
 * state.
 */
export function inputsFromModel(model: CustomHostnameModel, stored: StoredState): CustomHostnameInputs {
  const sslFlag = oneOf(model.sslFlag, SSL_FLAGS) ?? "off";
  const certType = sslFlag === "on" ? oneOf(model.certType, CERT_TYPES) : undefined;
  const casId = certType === "cas" ? model.casId : undefined;
  const casRegion = certType === "cas" ? stored.casRegion : undefined;
  const identifierStillTrue = stored.certIdentifier !== undefined && stored.certIdentifier === `${casId}-${casRegion}`;
  return defined<CustomHostnameInputs>({
    siteId: model.siteId ?? stored.siteId ?? "",
    hostname: model.hostname,
    recordId: model.recordId ?? stored.recordId ?? "",
    sslFlag,
    certType,
    certificate: certType === "upload" ? preferStoredPem(stored.certificate, model.certificate) : undefined,
    privateKey: certType === "upload" ? preferStoredPem(stored.privateKey, model.privateKey) : undefined,
    casId,
    casRegion,
    certIdentifier: identifierStillTrue ? stored.certIdentifier : undefined,
    applyCertificateTrigger: stored.applyCertificateTrigger,
    ...storedSettings(DECLARATION, stored),
  });
}

/** Inputs and outputs as stored in state, read leniently (stored values were checked when they were written). */
export type StoredState = { readonly [K in keyof CustomHostnameOutputs]?: CustomHostnameOutputs[K] | undefined };

/**
 * Read a stored property bag (olds in diff/update/delete, props in read): every declared input and output, each by its
 * declared schema type (`common/stored.ts` `storedValues`), the type {@link StoredState} gives it. Unknown or
 * malformed fields read as absent.
 */
export function storedState(bag: PropertyBag): StoredState {
  return defined<StoredState>(storedValues(DECLARATION, bag) as StoredState);
}

/** The computed (ESA-held) part of stored outputs, without any input echo. */
export function computedOf(stored: StoredState): Partial<CustomHostnameComputed> {
  const out: Record<string, string> = {};
  for (const key of COMPUTED_KEYS) {
    const value = stored[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
