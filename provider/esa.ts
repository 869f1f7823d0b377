/** The `esa` namespace of pulumi-alicloud-certs: ESA (Edge Security Acceleration) resources. */
export {
  CustomHostname,
  customHostnameProvider,
  type CasRegion,
  type CertType,
  type CustomHostnameArgs,
  type CustomHostnameInputs,
  type CustomHostnameOutputs,
  type SslFlag,
  type WaitFor,
} from "./resources/esa/custom-hostname";
