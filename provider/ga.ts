/** The `ga` namespace of pulumi-alicloud-certs. Resources are added by their issues. */
export {};
