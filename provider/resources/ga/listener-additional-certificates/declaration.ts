/**
 * The declaration of `ga.ListenerAdditionalCertificates` (GA API 2019-11-20: AssociateAdditionalCertificatesWithListener,
 * the API page in `shared/reference/seeds` 004; UpdateAdditionalCertificateWithListener;
 * DissociateAdditionalCertificatesFromListener): every input and output, once. The public
 * `../listener-additional-certificates.ts`, the schema and `docs/reference/ga-listener-additional-certificates.md` are
 * generated from it (`npm run generate`); check and diff read their lists from it.
 */
import { declaredSets, STRING_MAP_SCHEMA, STRING_SCHEMA, type ResourceDeclaration } from "../../common/declaration";
import { hookValue } from "../../common/value-rules";
import { RESOURCE_NAME_KEY } from "../claims/claimant";
import { MAX_CERTIFICATES_PER_LISTENER } from "../ids";
import { acceleratorIdInput, LISTENER_OUTPUTS, listenerIdInput, TIMEOUT_INPUT } from "../declaration-parts";

/** `ga.ListenerAdditionalCertificates`. */
export const DECLARATION = {
  namespace: "ga",
  className: "ListenerAdditionalCertificates",
  storedType: "GaListenerAdditionalCertificates",
  typeConstant: "LISTENER_ADDITIONAL_CERTIFICATES_TYPE",
  providerName: "listenerAdditionalCertificatesProvider",
  providerType:
    "pulumi.dynamic.ResourceProvider<ListenerAdditionalCertificatesInputs, ListenerAdditionalCertificatesOutputs>",
  folder: "ga/listener-additional-certificates",
  moduleDoc:
    "`ga.ListenerAdditionalCertificates`: the additional certificates of one GA HTTPS listener, managed as one set `{ [domain]: certificateId }` (AssociateAdditionalCertificatesWithListener / UpdateAdditionalCertificateWithListener / DissociateAdditionalCertificatesFromListener, API 2019-11-20). Adding, removing and rotating bindings is one `pulumi up` step with batched calls. Bindings of domains the resource does not list are left alone.",
  argsDoc: "Arguments of {@link ListenerAdditionalCertificates}.",
  providerDoc:
    "The dynamic provider of {@link ListenerAdditionalCertificates}: the module `./listener-additional-certificates/provider` itself, so the serialized `__provider` is one `require` of this package and holds no client, config or credential. Provider entry (stored state, never moved): `dist/provider/resources/ga/listener-additional-certificates/provider.js`.",
  classDoc: [
    "The additional certificates of one GA HTTPS listener, owned as a set. ID: `<acceleratorId>:<listenerId>`.",
    "",
    "Stored type token: `pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates` ({@link LISTENER_ADDITIONAL_CERTIFICATES_TYPE}; never renamed); provider entry `dist/provider/resources/ga/listener-additional-certificates/provider.js` (never moved).",
    "",
    "API calls for N changed domains (the GA queue also shares them with other GA resources on the accelerator):",
    "- create / update: 1 ListListenerCertificates page per 50 bindings; ⌈added/10⌉ Associate + ⌈removed/10⌉ Dissociate + 1 UpdateAdditionalCertificateWithListener per changed certificate; 1 wait (≥ 1 DescribeListener + ≥ 1 DescribeAccelerator) after each write. Domains already bound to the wanted certificate are adopted with no write. Before the writes, 1 CAS GetUserCertificateDetail (CertFilter=true) per distinct certificate to be written, once per `pulumi` command and shared by every GA resource of the command, checks coverage. A removed domain that another GA resource of the deployment claims (moved to its own resource) is handed over: not dissociated.",
    "- delete: the read, then ⌈owned/10⌉ Dissociate + waits; domains already gone are skipped, a gone listener is success; domains another GA resource of the deployment claims are left bound (a progress line names it).",
    "- read (refresh): the read only, shared with concurrent refreshes of other GA resources on the listener. A domain found carrying the certificate another resource of the stack claims is recorded as found, and a progress line names that resource. check, diff and an unchanged preview: none.",
    "",
    "Existing bindings: `pulumi import` does not work for dynamic providers. List them in `certificates` and run `pulumi up`: bindings with the same certificate are adopted without a write; a binding of a listed domain with a different certificate is updated to the listed one. Use {@link ListenerAdditionalCertificates.get} for a read-only lookup of every additional certificate on a listener.",
  ],
  constructorDoc: "",
  lookup: {
    doc: "Look up every additional certificate of a listener by ID `<acceleratorId>:<listenerId>` without managing them (1 ListListenerCertificates page per 50 bindings).",
    args: "undefined",
  },
  nameInput: RESOURCE_NAME_KEY,
  publicTypes: ["ListenerAdditionalCertificatesInputs", "ListenerAdditionalCertificatesOutputs"],
  inputs: {
    acceleratorId: acceleratorIdInput(
      "The GA instance (`AcceleratorId`), e.g. `ga-bp1odcab8tmno0hdq1234`. Changing it replaces the resource.",
    ),
    listenerId: listenerIdInput(
      "The HTTPS listener (`ListenerId`), e.g. `lsr-bp1bpn0kn908w4nbw1234`. Only HTTPS listeners take additional certificates. Changing it replaces the resource: the new listener's bindings are created before the old ones are dissociated (when only `acceleratorId` changes, the old ones are dissociated first).",
      false,
    ),
    certificates: {
      doc: "The bindings this resource owns: domain (`Certificates.N.Domain`; an RFC 1123 hostname, optionally `*.` wildcard, compared case-insensitively and stored lower-cased, each at most once) → CAS server certificate (`Certificates.N.Id`, `<certId>-<region>` such as `6092123-cn-hangzhou`, the region `cn-hangzhou` or `ap-southeast-1`, where CAS serves certificates). At most 10 distinct certificates (the documented per-listener quota `gaplus_quota_additional_certs_per_listener`: 3 by default, 10 at most). Changes update in place: new domains are associated (≤ 10 per call), removed ones dissociated (≤ 10 per call), and changed certificates replaced with UpdateAdditionalCertificateWithListener (one call per domain, so the domain keeps being served). Domains bound on the listener but not listed here are never touched. A claim is exclusive: check refuses a domain another GA resource of the program claims on the same listener (compared as DNS compares names: case, trailing dot, IDNA A-labels; `*.x` is its own name), naming both. Each certificate must cover its domain (RFC 6125 §6.4.3); one that does not is refused before any write for that domain, naming its names.",
      argsType: "pulumi.Input<Record<string, pulumi.Input<string>>>",
      schema: STRING_MAP_SCHEMA,
      api: "Certificates.N.Domain → Certificates.N.Id",
      change: "update",
      default: "no bindings (an empty map)",
      range: `at most ${MAX_CERTIFICATES_PER_LISTENER} distinct certificates`,
      // The map, or the unknown sentinel at preview (a string): read by the check's own hook.
      value: hookValue<Record<string, string> | string>(),
    },
    timeoutSeconds: TIMEOUT_INPUT,
  },
  outputs: {
    acceleratorId: LISTENER_OUTPUTS.acceleratorId,
    listenerId: LISTENER_OUTPUTS.listenerId,
    certificates: {
      doc: "Owned bindings, lower-case domain → `<certId>-<region>` (as last read).",
      outputType: "Record<string, string>",
      schema: STRING_MAP_SCHEMA,
      always: true,
    },
    domains: {
      doc: "The owned domains, sorted.",
      outputType: "string[]",
      schema: { type: "array", items: STRING_SCHEMA },
      always: true,
    },
    timeoutSeconds: LISTENER_OUTPUTS.timeoutSeconds,
  },
} satisfies ResourceDeclaration;

/** The name check's inputs; the replacing ones; the certificates and timeout, updated in place. */
export const { inputs: INPUT_NAMES, replacing: REPLACE_ON_CHANGES, updatable: UPDATABLE } = declaredSets(DECLARATION);
