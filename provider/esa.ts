/** The `esa` namespace of pulumi-alicloud-certs: ESA (Edge Security Acceleration) resources. */
export {
  CustomHostname,
  CUSTOM_HOSTNAME_TYPE,
  customHostnameProvider,
  type CasRegion,
  type CertType,
  type CustomHostnameArgs,
  type CustomHostnameInputs,
  type CustomHostnameOutputs,
  type SslFlag,
  type WaitFor,
} from "./resources/esa/custom-hostname";
