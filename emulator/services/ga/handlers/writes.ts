/**
 * The three asynchronous GA writes on listener additional certificates. Checks run in this order: region and
 * parameter syntax, object existence, listener protocol, the lock (StateError.*), then the rules that depend on
 * current bindings and on CAS, and finally DryRun — so a dry run passes only if the real call would be accepted.
 */
import { type ActionDefinition, type ApiCall, type ServiceContext } from "../../../core/contract";
import {
  bindingExists,
  bindingNotFound,
  certificateNotFound,
  dryRunPassed,
  invalidParameter,
  missingParameter,
  protocolIllegal,
} from "../errors";
import { oncePerClientToken } from "../model/idempotency";
import { assertWritable, beginWrite } from "../lifecycle";
import {
  casIdOf,
  checkDomain,
  flattenedObjects,
  flattenedStrings,
  optionalBool,
  requireParam,
  requireRegion,
  sameDomain,
} from "../params";
import { findAccelerator, findListener } from "../lookups";
import { type AcceleratorRecord, type BindingRecord, type GaState, type ListenerRecord } from "../state";

/** Documented: at most 10 certificates (or domains) per call. */
export const MAX_PER_CALL = 10;

const WRITE_REQUIRED = ["RegionId", "AcceleratorId", "ListenerId"] as const;

interface Target {
  accelerator: AcceleratorRecord;
  listener: ListenerRecord;
}

/** Resolves AcceleratorId + ListenerId, requires HTTPS and an unlocked listener and accelerator. */
function writableTarget(state: GaState, call: ApiCall): Target {
  const accelerator = findAccelerator(state, requireParam(call.params, "AcceleratorId"));
  const listener = findListener(state, requireParam(call.params, "ListenerId"), accelerator.acceleratorId);
  if (listener.protocol !== "HTTPS") throw protocolIllegal(listener.protocol);
  assertWritable(accelerator, listener);
  return { accelerator, listener };
}

function bindingFor(listener: ListenerRecord, domain: string): BindingRecord | undefined {
  return listener.additionalCertificates.find((binding) => sameDomain(binding.domain, domain));
}

function checkCount(count: number, name: string): void {
  if (count === 0) throw missingParameter(name);
  if (count > MAX_PER_CALL) throw invalidParameter(`At most ${MAX_PER_CALL} ${name} entries are allowed per call.`);
}

function checkDistinct(domains: readonly string[], name: string): void {
  const seen = new Set<string>();
  for (const domain of domains) {
    const key = domain.toLowerCase();
    if (seen.has(key)) throw invalidParameter(`The domain ${domain} appears more than once in ${name}.`);
    seen.add(key);
  }
}

function requireCasCertificate(ctx: ServiceContext, certificateId: string, paramName: string): void {
  if (!ctx.lookup.casCertificateExists(casIdOf(certificateId, paramName))) throw certificateNotFound(certificateId);
}

/**
 * A write action: it takes the lock, so it is idempotent by ClientToken (GA's documented idempotency), and every GA
 * call needs `RegionId=cn-hangzhou` before anything else. `write` runs at most once per ClientToken.
 */
function clientTokenWrite(
  required: readonly string[],
  write: (call: ApiCall, state: GaState, ctx: ServiceContext) => Record<string, unknown>,
): ActionDefinition<GaState> {
  return {
    required,
    write: true,
    idempotentByClientToken: true,
    handler: (call, state, ctx) => {
      requireRegion(call.params);
      return oncePerClientToken(state, call, ctx, () => write(call, state, ctx));
    },
  };
}

const associate = clientTokenWrite(WRITE_REQUIRED, (call, state, ctx) => {
  const certificates = flattenedObjects(call.params, "Certificates", ["Domain", "Id"] as const);
  checkCount(certificates.length, "Certificates");
  certificates.forEach((c, i) => {
    checkDomain(c.Domain, `Certificates.${i + 1}.Domain`);
    casIdOf(c.Id, `Certificates.${i + 1}.Id`);
  });
  checkDistinct(
    certificates.map((c) => c.Domain),
    "Certificates",
  );
  const { accelerator, listener } = writableTarget(state, call);
  certificates.forEach((c, i) => {
    if (bindingFor(listener, c.Domain) !== undefined) throw bindingExists(c.Domain);
    requireCasCertificate(ctx, c.Id, `Certificates.${i + 1}.Id`);
  });
  for (const c of certificates) {
    // Why: the binding is visible at once but `updating` until the write settles (inferred; undocumented).
    listener.additionalCertificates.push({
      domain: c.Domain,
      certificateId: c.Id,
      state: "updating",
      pending: { kind: "associate" },
    });
  }
  beginWrite(accelerator, listener, ctx);
  return { ListenerId: listener.listenerId };
});

const update = clientTokenWrite([...WRITE_REQUIRED, "Domain", "CertificateId"], (call, state, ctx) => {
  const domain = requireParam(call.params, "Domain");
  const certificateId = requireParam(call.params, "CertificateId");
  const dryRun = optionalBool(call.params, "DryRun");
  checkDomain(domain, "Domain");
  casIdOf(certificateId, "CertificateId");
  const { accelerator, listener } = writableTarget(state, call);
  const binding = bindingFor(listener, domain);
  if (binding === undefined) throw bindingNotFound(domain);
  requireCasCertificate(ctx, certificateId, "CertificateId");
  if (dryRun) throw dryRunPassed();
  // Why: the doc says the certificate "being replaced" is `updating`; the new id shows once it is in effect.
  binding.state = "updating";
  binding.pending = { kind: "update", certificateId };
  beginWrite(accelerator, listener, ctx);
  return { ListenerId: listener.listenerId };
});

const dissociate = clientTokenWrite(WRITE_REQUIRED, (call, state, ctx) => {
  const domains = flattenedStrings(call.params, "Domains");
  checkCount(domains.length, "Domains");
  domains.forEach((domain, i) => checkDomain(domain, `Domains.${i + 1}`));
  checkDistinct(domains, "Domains");
  const { accelerator, listener } = writableTarget(state, call);
  // Why: an unbound domain is an error (as TF's pre-check suggests), so a caller must list before it deletes.
  const bindings = domains.map((domain) => bindingFor(listener, domain) ?? throwNotBound(domain));
  for (const binding of bindings) {
    binding.state = "updating";
    binding.pending = { kind: "dissociate" };
  }
  beginWrite(accelerator, listener, ctx);
  return {};
});

function throwNotBound(domain: string): never {
  throw bindingNotFound(domain);
}

/** The write actions by name. */
export const gaWriteActions: Readonly<Record<string, ActionDefinition<GaState>>> = {
  AssociateAdditionalCertificatesWithListener: associate,
  UpdateAdditionalCertificateWithListener: update,
  DissociateAdditionalCertificatesFromListener: dissociate,
};
