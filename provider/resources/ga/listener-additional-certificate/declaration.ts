/**
 * The declaration of `ga.ListenerAdditionalCertificate` (GA API 2019-11-20: AssociateAdditionalCertificatesWithListener,
 * the API page in `shared/reference/seeds` 004; UpdateAdditionalCertificateWithListener;
 * DissociateAdditionalCertificatesFromListener): every input and output, once. The public
 * `../listener-additional-certificate.ts`, the schema and `docs/reference/ga-listener-additional-certificate.md` are
 * generated from it (`npm run generate`); check and diff read their lists from it.
 */
import { declaredSets, STRING_SCHEMA, type ResourceDeclaration } from "../../common/declaration";
import { hookValue, hostnameValue } from "../../common/value-rules";
import { RESOURCE_NAME_KEY } from "../claims/claimant";
import { acceleratorIdInput, LISTENER_OUTPUTS, listenerIdInput, TIMEOUT_INPUT } from "../declaration-parts";

/** `ga.ListenerAdditionalCertificate`. */
export const DECLARATION = {
  namespace: "ga",
  className: "ListenerAdditionalCertificate",
  storedType: "GaListenerAdditionalCertificate",
  typeConstant: "LISTENER_ADDITIONAL_CERTIFICATE_TYPE",
  providerName: "listenerAdditionalCertificateProvider",
  providerType:
    "pulumi.dynamic.ResourceProvider<ListenerAdditionalCertificateInputs, ListenerAdditionalCertificateOutputs>",
  folder: "ga/listener-additional-certificate",
  moduleDoc: [
    "`ga.ListenerAdditionalCertificate`: one additional certificate bound to one domain of a GA HTTPS listener (AssociateAdditionalCertificatesWithListener / UpdateAdditionalCertificateWithListener / DissociateAdditionalCertificatesFromListener, API 2019-11-20), the resource Terraform calls `alicloud_ga_additional_certificate`.",
    "",
    "Many of these on one accelerator are cheap: the provider host queues every GA write per accelerator and coalesces pending bindings of the same listener into batched calls (50 resources created together cost about 5 Associate calls and 5 waits). See {@link ListenerAdditionalCertificate} for API calls per operation.",
  ],
  argsDoc: "Arguments of {@link ListenerAdditionalCertificate}.",
  providerDoc:
    "The dynamic provider of {@link ListenerAdditionalCertificate}: the module `./listener-additional-certificate/provider` itself, so the serialized `__provider` is one `require` of this package and holds no client, config or credential. Provider entry (stored state, never moved): `dist/provider/resources/ga/listener-additional-certificate/provider.js`.",
  classDoc: [
    "One domain → certificate binding on a GA HTTPS listener. ID: `<acceleratorId>:<listenerId>:<domain>`.",
    "",
    "Stored type token: `pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate` ({@link LISTENER_ADDITIONAL_CERTIFICATE_TYPE}; never renamed); provider entry `dist/provider/resources/ga/listener-additional-certificate/provider.js` (never moved).",
    "",
    "API calls (uncoalesced; the GA queue shares reads, writes and waits between resources on one accelerator):",
    "- create: 1 ListListenerCertificates page per 50 bindings, then 1 Associate and 1 wait (≥ 1 DescribeListener + ≥ 1 DescribeAccelerator). If the domain already carries this certificate the binding is adopted with no write; if it carries another one, create updates it (1 UpdateAdditionalCertificateWithListener + 1 wait). Before a write, 1 CAS GetUserCertificateDetail (CertFilter=true) per distinct certificate per `pulumi` command, shared by every GA resource of the command, checks that the certificate covers the domain.",
    "- update: the read, then 1 UpdateAdditionalCertificateWithListener + 1 wait when the certificate differs (a binding removed out of band is associated again), after the same coverage read.",
    "- delete: the read, then 1 Dissociate + 1 wait; nothing when the domain or listener is already gone, and nothing when another GA resource of the deployment claims the domain (a rename without an alias: the domain stays bound, and a progress line names that resource).",
    "- read (refresh): the read only, shared: concurrent refreshes of bindings on one listener share one listing, so a refresh costs at most 1 ListListenerCertificates page per 50 bindings per listener, however many of these resources it holds (a listing is reused for 5 s unless this provider writes to the listener meanwhile). The resource is gone when the domain is unbound or the listener or accelerator no longer exists. A domain found carrying the certificate another resource of the stack claims is recorded as found, and a progress line names that resource (it is known when refreshed by the same command, or declared by the program being run). check, diff and an unchanged preview: none.",
    "",
    "Existing bindings: `pulumi import` does not work for dynamic providers. Declare the resource with the binding's current values and run `pulumi up`: create adopts it without a write. Use {@link ListenerAdditionalCertificate.get} for a read-only lookup.",
  ],
  constructorDoc: "",
  lookup: {
    doc: "Look up an existing binding by ID `<acceleratorId>:<listenerId>:<domain>` without managing it (1 ListListenerCertificates page per 50 bindings). Fails when the binding does not exist.",
    args: "undefined",
  },
  nameInput: RESOURCE_NAME_KEY,
  publicTypes: ["ListenerAdditionalCertificateInputs", "ListenerAdditionalCertificateOutputs"],
  inputs: {
    acceleratorId: acceleratorIdInput(
      "The GA instance (`AcceleratorId`), e.g. `ga-bp1odcab8tmno0hdq1234`. Changing it replaces the resource (the old binding is dissociated first).",
    ),
    listenerId: listenerIdInput(
      "The HTTPS listener (`ListenerId`), e.g. `lsr-bp1bpn0kn908w4nbw1234`. Only HTTPS listeners take additional certificates (other protocols are rejected by GA at create). Changing it replaces the resource (the old binding is dissociated first).",
      true,
    ),
    domain: {
      doc: "The domain served with this certificate (`Certificates.N.Domain` / `Domain`): an RFC 1123 hostname, optionally a `*.` wildcard. Compared case-insensitively and stored lower-cased. GA allows one additional certificate per domain, so changing it replaces the resource, dissociating the old domain first. A claim is exclusive: check refuses a domain that another GA resource of the program (per-domain or set) claims on the same listener, compared as DNS compares names (case, trailing dot, IDNA A-labels; `*.x` is its own name), naming both.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Certificates.N.Domain / Domain",
      change: "replace",
      deleteBeforeReplace: true,
      required: true,
      range: "an RFC 1123 hostname, optionally `*.` wildcard",
      value: hostnameValue(true),
    },
    certificateId: {
      doc: "The CAS server certificate (`Certificates.N.Id` / `CertificateId`) in `<certId>-<region>` form, e.g. `6092123-cn-hangzhou` (the CAS `CertIdentifier`); the region must be one CAS serves certificates from, `cn-hangzhou` or `ap-southeast-1` (check rejects others). Changing it updates the binding in place with UpdateAdditionalCertificateWithListener; the domain keeps being served throughout. It must cover `domain` (RFC 6125 §6.4.3: a subjectAltName equal to it, or `*.<parent>` for a domain one label under `<parent>`; a wildcard domain needs the same wildcard): before any write the certificate is read from CAS and one that does not cover the domain is refused, naming its names. When CAS cannot be read (no permission, another CAS site) the binding goes ahead unchecked, with a progress line saying so.",
      argsType: "pulumi.Input<string>",
      schema: STRING_SCHEMA,
      api: "Certificates.N.Id / CertificateId",
      change: "update",
      required: true,
      range: "`<certId>-<region>`",
      value: hookValue<string>(),
    },
    timeoutSeconds: TIMEOUT_INPUT,
  },
  outputs: {
    acceleratorId: LISTENER_OUTPUTS.acceleratorId,
    listenerId: LISTENER_OUTPUTS.listenerId,
    domain: { doc: "The domain, lower-case.", outputType: "string", schema: STRING_SCHEMA, always: true },
    certificateId: {
      doc: "The bound certificate, `<certId>-<region>`.",
      outputType: "string",
      schema: STRING_SCHEMA,
      always: true,
    },
    timeoutSeconds: LISTENER_OUTPUTS.timeoutSeconds,
    state: {
      doc: "`active`, or `updating` while a write is in flight (as last read).",
      outputType: "string",
      schema: STRING_SCHEMA,
      api: "State (ListListenerCertificates)",
      always: true,
    },
  },
} satisfies ResourceDeclaration;

/** The name check's inputs; the replacing ones (GA cannot move a binding); the certificate and timeout, updated in place. */
export const { inputs: INPUT_NAMES, replacing: REPLACE_ON_CHANGES, updatable: UPDATABLE } = declaredSets(DECLARATION);
