/**
 * The `ga` namespace of pulumi-alicloud-certs: GA (Global Accelerator) listener additional certificates.
 *
 * - {@link ListenerAdditionalCertificates}: one resource per HTTPS listener owning a set of domain → certificate bindings.
 * - {@link ListenerAdditionalCertificate}: one binding per resource (ID `<acceleratorId>:<listenerId>:<domain>`).
 *
 * Both share one engine in the provider host that serializes writes per accelerator and batches them.
 */
export {
  ListenerAdditionalCertificate,
  listenerAdditionalCertificateProvider,
  LISTENER_ADDITIONAL_CERTIFICATE_TYPE,
  type ListenerAdditionalCertificateArgs,
  type ListenerAdditionalCertificateInputs,
  type ListenerAdditionalCertificateOutputs,
} from "./resources/ga/listener-additional-certificate";
export {
  ListenerAdditionalCertificates,
  listenerAdditionalCertificatesProvider,
  LISTENER_ADDITIONAL_CERTIFICATES_TYPE,
  type ListenerAdditionalCertificatesArgs,
  type ListenerAdditionalCertificatesInputs,
  type ListenerAdditionalCertificatesOutputs,
} from "./resources/ga/listener-additional-certificates";
