// Generated from ./listener-additional-certificates/declaration.ts by `npm run generate`; do not edit.
/**
 * `ga.ListenerAdditionalCertificates`: the additional certificates of one GA HTTPS listener, managed as one set `{
 * [domain]: certificateId }` (AssociateAdditionalCertificatesWithListener / UpdateAdditionalCertificateWithListener /
 * DissociateAdditionalCertificatesFromListener, API 2019-11-20). Adding, removing and rotating bindings is one `pulumi
 * up` step with batched calls. Bindings of domains the resource does not list are left alone.
 */
import * as pulumi from "@pulumi/pulumi";
import { registration } from "../common/dynamic-registration";
import { LISTENER_ADDITIONAL_CERTIFICATES_TYPE } from "../common/type-tokens";
import { DECLARATION } from "./listener-additional-certificates/declaration";
// A TypeScript-compiled module is `__esModule`, so `__importStar` returns its exports object itself (no wrapper).
import * as provider from "./listener-additional-certificates/provider";
import {
  type ListenerAdditionalCertificatesInputs,
  type ListenerAdditionalCertificatesOutputs,
} from "./listener-additional-certificates/types";

export type { ListenerAdditionalCertificatesInputs, ListenerAdditionalCertificatesOutputs };
export { LISTENER_ADDITIONAL_CERTIFICATES_TYPE };

/** Arguments of {@link ListenerAdditionalCertificates}. */
export interface ListenerAdditionalCertificatesArgs {
  /** The GA instance (`AcceleratorId`), e.g. `ga-bp1odcab8tmno0hdq1234`. Changing it replaces the resource. */
  readonly acceleratorId: pulumi.Input<string>;
  /**
   * The HTTPS listener (`ListenerId`), e.g. `lsr-bp1bpn0kn908w4nbw1234`. Only HTTPS listeners take additional
   * certificates. Changing it replaces the resource: the new listener's bindings are created before the old ones are
   * dissociated (when only `acceleratorId` changes, the old ones are dissociated first).
   */
  readonly listenerId: pulumi.Input<string>;
  /**
   * The bindings this resource owns: domain (`Certificates.N.Domain`; an RFC 1123 hostname, optionally `*.` wildcard,
   * compared case-insensitively and stored lower-cased, each at most once) → CAS server certificate
   * (`Certificates.N.Id`, `<certId>-<region>` such as `6092123-cn-hangzhou`, the region `cn-hangzhou` or
   * `ap-southeast-1`, where CAS serves certificates). At most 10 distinct certificates (the documented per-listener
   * quota `gaplus_quota_additional_certs_per_listener`: 3 by default, 10 at most). Changes update in place: new domains
   * are associated (≤ 10 per call), removed ones dissociated (≤ 10 per call), and changed certificates replaced with
   * UpdateAdditionalCertificateWithListener (one call per domain, so the domain keeps being served). Domains bound on
   * the listener but not listed here are never touched. A claim is exclusive: check refuses a domain another GA
   * resource of the program claims on the same listener (compared as DNS compares names: case, trailing dot, IDNA
   * A-labels; `*.x` is its own name), naming both. Each certificate must cover its domain (RFC 6125 §6.4.3); one that
   * does not is refused before any write for that domain, naming its names.
   * @default no bindings (an empty map)
   */
  readonly certificates?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * How long, in seconds, each GA write may take: its retries while the accelerator is busy, then the wait for the
   * listener and the accelerator to be `active` again. Whole seconds in [1, 86400]. Changing it touches no API.
   * @default 600 (10 minutes)
   */
  readonly timeoutSeconds?: pulumi.Input<number>;
}

/**
 * The dynamic provider of {@link ListenerAdditionalCertificates}: the module
 * `./listener-additional-certificates/provider` itself, so the serialized `__provider` is one `require` of this package
 * and holds no client, config or credential. Provider entry (stored state, never moved):
 * `dist/provider/resources/ga/listener-additional-certificates/provider.js`.
 */
export const listenerAdditionalCertificatesProvider: pulumi.dynamic.ResourceProvider<
  ListenerAdditionalCertificatesInputs,
  ListenerAdditionalCertificatesOutputs
> = provider;

/**
 * The additional certificates of one GA HTTPS listener, owned as a set. ID: `<acceleratorId>:<listenerId>`.
 *
 * Stored type token: `pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates`
 * ({@link LISTENER_ADDITIONAL_CERTIFICATES_TYPE}; never renamed); provider entry
 * `dist/provider/resources/ga/listener-additional-certificates/provider.js` (never moved).
 *
 * API calls for N changed domains (the GA queue also shares them with other GA resources on the accelerator):
 * - create / update: 1 ListListenerCertificates page per 50 bindings; ⌈added/10⌉ Associate + ⌈removed/10⌉ Dissociate +
 *   1 UpdateAdditionalCertificateWithListener per changed certificate; 1 wait (≥ 1 DescribeListener + ≥ 1
 *   DescribeAccelerator) after each write. Domains already bound to the wanted certificate are adopted with no write.
 *   Before the writes, 1 CAS GetUserCertificateDetail (CertFilter=true) per distinct certificate to be written, once
 *   per `pulumi` command and shared by every GA resource of the command, checks coverage. A removed domain that another
 *   GA resource of the deployment claims (moved to its own resource) is handed over: not dissociated.
 * - delete: the read, then ⌈owned/10⌉ Dissociate + waits; domains already gone are skipped, a gone listener is success;
 *   domains another GA resource of the deployment claims are left bound (a progress line names it).
 * - read (refresh): the read only, shared with concurrent refreshes of other GA resources on the listener. A domain
 *   found carrying the certificate another resource of the stack claims is recorded as found, and a progress line names
 *   that resource. check, diff and an unchanged preview: none.
 *
 * Existing bindings: `pulumi import` does not work for dynamic providers. List them in `certificates` and run `pulumi
 * up`: bindings with the same certificate are adopted without a write; a binding of a listed domain with a different
 * certificate is updated to the listed one. Use {@link ListenerAdditionalCertificates.get} for a read-only lookup of
 * every additional certificate on a listener.
 */
export class ListenerAdditionalCertificates extends pulumi.CustomResource {
  /** The GA instance id. */
  declare readonly acceleratorId: pulumi.Output<string>;
  /** The HTTPS listener id. */
  declare readonly listenerId: pulumi.Output<string>;
  /** Owned bindings, lower-case domain → `<certId>-<region>` (as last read). */
  declare readonly certificates: pulumi.Output<Record<string, string>>;
  /** The owned domains, sorted. */
  declare readonly domains: pulumi.Output<string[]>;
  /** The timeout in seconds, when set. */
  declare readonly timeoutSeconds: pulumi.Output<number | undefined>;

  constructor(name: string, args: ListenerAdditionalCertificatesArgs, opts?: pulumi.CustomResourceOptions);
  /** @internal read-only lookup (see {@link ListenerAdditionalCertificates.get}) */
  constructor(name: string, args: undefined, opts: pulumi.CustomResourceOptions);
  constructor(name: string, args: ListenerAdditionalCertificatesArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    super(...registration(DECLARATION, listenerAdditionalCertificatesProvider, name, args, opts));
  }

  /**
   * Look up every additional certificate of a listener by ID `<acceleratorId>:<listenerId>` without managing them (1
   * ListListenerCertificates page per 50 bindings).
   */
  static get(
    name: string,
    id: pulumi.Input<string>,
    opts: pulumi.CustomResourceOptions = {},
  ): ListenerAdditionalCertificates {
    return new ListenerAdditionalCertificates(name, undefined, { ...opts, id });
  }
}
