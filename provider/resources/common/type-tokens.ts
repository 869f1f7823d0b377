/**
 * The stored type tokens of every resource, and the module each one's provider object lives in. Both are stored
 * state: the token names the resource in users' stacks, and `__provider` is a `require()` of the entry module, which
 * refresh and destroy load long after the next upgrade. Neither is ever renamed or moved; `provider-entries.json`
 * at the repository root lists the released entry paths and the packaging test fails if one leaves the tarball.
 */

/** The `module` of every token: `pulumi-nodejs:dynamic/<module>:<type>`. */
export const TOKEN_MODULE = "alicloud-certs";

/**
 * `esa.CustomHostname`: token `pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname`, provider entry
 * `dist/provider/resources/esa/custom-hostname/provider.js`.
 */
export const CUSTOM_HOSTNAME_TYPE = "EsaCustomHostname";

/**
 * `cas.DvCertificateOrder`: token `pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder`, provider entry
 * `dist/provider/resources/cas/dv-certificate-order/provider.js`.
 */
export const DV_CERTIFICATE_ORDER_TYPE = "CasDvCertificateOrder";

/**
 * `cas.DvCertificateValidation`: token `pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateValidation`, provider
 * entry `dist/provider/resources/cas/dv-certificate-validation/provider.js`.
 */
export const DV_CERTIFICATE_VALIDATION_TYPE = "CasDvCertificateValidation";

/**
 * `ga.ListenerAdditionalCertificate`: token `pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate`,
 * provider entry `dist/provider/resources/ga/listener-additional-certificate/provider.js`.
 */
export const LISTENER_ADDITIONAL_CERTIFICATE_TYPE = "GaListenerAdditionalCertificate";

/**
 * `ga.ListenerAdditionalCertificates`: token `pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates`,
 * provider entry `dist/provider/resources/ga/listener-additional-certificates/provider.js`.
 */
export const LISTENER_ADDITIONAL_CERTIFICATES_TYPE = "GaListenerAdditionalCertificates";

/** Every resource type: its token's type and its provider entry module, relative to the package root. */
export const PROVIDER_ENTRIES: Readonly<Record<string, string>> = {
  [CUSTOM_HOSTNAME_TYPE]: "dist/provider/resources/esa/custom-hostname/provider.js",
  [DV_CERTIFICATE_ORDER_TYPE]: "dist/provider/resources/cas/dv-certificate-order/provider.js",
  [DV_CERTIFICATE_VALIDATION_TYPE]: "dist/provider/resources/cas/dv-certificate-validation/provider.js",
  [LISTENER_ADDITIONAL_CERTIFICATE_TYPE]: "dist/provider/resources/ga/listener-additional-certificate/provider.js",
  [LISTENER_ADDITIONAL_CERTIFICATES_TYPE]: "dist/provider/resources/ga/listener-additional-certificates/provider.js",
};
