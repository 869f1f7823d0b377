/**
 * GA error responses. Codes and messages marked "documented" are copied from GA's published error tables (all HTTP
 * 400); the others are chosen in GA's `<Kind>.<Object>` style because the real ones are not published.
 */
import { ApiError } from "../../core/contract";

/** HTTP status GA uses for all of its documented client errors. */
const BAD_REQUEST = 400;

/** Documented (GA tables): unknown accelerator id. */
export function acceleratorNotFound(): ApiError {
  return new ApiError(BAD_REQUEST, "NotExist.Accelerator", "The accelerated instance does not exist.");
}

/** Documented (GA tables): unknown listener id, or a listener of another accelerator. */
export function listenerNotFound(): ApiError {
  return new ApiError(BAD_REQUEST, "NotExist.Listener", "The listener does not exist.");
}

/** Documented (GA tables): the instance is not `active` (the exclusive lock of an in-flight write, or a forced state). */
export function acceleratorStateError(state: string): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "StateError.Accelerator",
    `The state of the accelerated instance is invalid. (current state: ${state})`,
  );
}

/** Code per Terraform's retry list; message chosen by analogy with `StateError.Accelerator`. */
export function listenerStateError(state: string): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "StateError.Listener",
    `The state of the listener is invalid. (current state: ${state})`,
  );
}

/** Chosen: the RegionId is not `cn-hangzhou`. */
export function invalidRegion(regionId: string): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "InvalidRegionId",
    `The specified RegionId "${regionId}" is not supported. Set the value to cn-hangzhou.`,
  );
}

/**
 * A mandatory parameter is absent: GA's `Missing<Name>`, "<Name> is mandatory for this action." (wire: `MissingListenerId`,
 * alibaba-api-facts.md §4.3), the code the core answers for `required` ones. For a list entry's field the name is the
 * flattened one (`MissingCertificates.1.Id`), and for an empty list the list's (`MissingCertificates`): the same rule
 * applied (chosen; only the top-level form was seen).
 */
export function missingParameter(name: string): ApiError {
  return new ApiError(BAD_REQUEST, `Missing${name}`, `${name} is mandatory for this action.`);
}

/** Chosen: a syntactically invalid parameter value. */
export function invalidParameter(message: string): ApiError {
  return new ApiError(BAD_REQUEST, "InvalidParameter", message);
}

/**
 * Documented (AssociateAdditionalCertificatesWithListener table), spelling included: `ProtocalIllegal.Listener`, "The
 * specified listener protocol is invalid." Additional certificates need an HTTPS listener.
 */
export function protocolIllegal(protocol: string): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "ProtocalIllegal.Listener",
    `The specified listener protocol is invalid. Additional certificates are supported only by HTTPS listeners; the listener protocol is ${protocol}.`,
  );
}

/** Chosen: the CAS certificate behind `<id>-<region>` does not exist. */
export function certificateNotFound(certificateId: string): ApiError {
  return new ApiError(BAD_REQUEST, "NotExist.Certificate", `The certificate ${certificateId} does not exist.`);
}

/** Chosen: the domain already carries an additional certificate (one per domain, documented rule). */
export function bindingExists(domain: string): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "Exist.AdditionalCertificate",
    `The domain ${domain} is already associated with an additional certificate.`,
  );
}

/** Chosen: the domain carries no additional certificate on this listener. */
export function bindingNotFound(domain: string): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "NotExist.AdditionalCertificate",
    `The domain ${domain} is not associated with an additional certificate.`,
  );
}

/** Documented (code in the GA Update doc; message and 400 as ECS documents it): a dry run passed. */
export function dryRunPassed(): ApiError {
  return new ApiError(BAD_REQUEST, "DryRunOperation", "Request validation has been passed with DryRun flag set.");
}

/** ECS-documented code, reused: the ClientToken was already used with different parameters. */
export function idempotentMismatch(): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "IdempotentParameterMismatch",
    "The request uses the same client token as a previous, but non-identical request.",
  );
}

/** Documented (AssociateAdditionalCertificatesWithListener table): ports 65500-65535 are reserved. Seed files only. */
export function systemPort(): ApiError {
  return new ApiError(BAD_REQUEST, "SystemPort.Listener", "Ports 65500-65535 are system reserved ports.");
}

/** Documented (same table): UDP ports 250, 4789 and 4790 are reserved. Seed files only. */
export function udpPortReserved(): ApiError {
  return new ApiError(BAD_REQUEST, "PortRangeIllegal.UDP", "UDP ports 250, 4789, and 4790 are system reserved ports.");
}

/** Documented (same table): two listeners of one accelerator on the same port. Seed files only. */
export function portConflict(port: number): ApiError {
  return new ApiError(
    BAD_REQUEST,
    "PortConflict.Listener",
    `The listener port configuration is in conflict. (port ${port})`,
  );
}
