/**
 * The `cas` namespace of pulumi-alicloud-certs: Alibaba Cloud SSL Certificates Service (CAS, API 2020-04-07).
 *
 * - {@link DvCertificateOrder}: a DV certificate ordered from a CSR (`pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder`).
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
} from "./resources/cas/dv-certificate-order";
