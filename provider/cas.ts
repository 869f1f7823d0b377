/**
 * The `cas` namespace of pulumi-alicloud-certs: Alibaba Cloud SSL Certificates Service (CAS, API 2020-04-07).
 *
 * - {@link DvCertificateOrder}: a DV certificate ordered from a CSR (`pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder`).
 * - {@link DvCertificateValidation}: waits until an order is issued (`pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateValidation`).
 */
export {
  DvCertificateOrder,
  DV_CERTIFICATE_ORDER_TYPE,
  dvCertificateOrderProvider,
  type DvCertificateOrderArgs,
  type DvCertificateOrderInputs,
  type DvCertificateOrderOutputs,
  type DvOrderState,
  type DvProductCode,
  type DnsRecordOutput,
  type ValidationDelegation,
} from "./resources/cas/dv-certificate-order";
export {
  DvCertificateValidation,
  DV_CERTIFICATE_VALIDATION_TYPE,
  dvCertificateValidationProvider,
  type DvCertificateValidationArgs,
  type DvCertificateValidationInputs,
  type DvCertificateValidationOutputs,
} from "./resources/cas/dv-certificate-validation";
