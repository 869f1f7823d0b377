import { readSetting, readSettingFrom } from "../settings/read";
import { SETTINGS } from "../settings/table";
import { type ConfigSource, type Environment } from "./settings";

/** Where the credentials of a call come from (first that is set wins; documented in the README). */
export type CredentialSourceKind =
  /** Stack config `alicloud:accessKey` + `alicloud:secretKey` (+ `alicloud:securityToken`), as @pulumi/alicloud reads them. */
  | "stack-config"
  /** `ALICLOUD_ACCESS_KEY` + `ALICLOUD_SECRET_KEY` (+ `ALICLOUD_SECURITY_TOKEN`), the Terraform/Pulumi variables. */
  | "alicloud-env"
  /**
   * The `@alicloud/credentials` default chain: `ALIBABA_CLOUD_ACCESS_KEY_ID`/`_SECRET` (+ token), OIDC role
   * (`ALIBABA_CLOUD_ROLE_ARN` + `_OIDC_PROVIDER_ARN` + `_OIDC_TOKEN_FILE`, for CI pipelines), the CLI profile
   * (`~/.aliyun/config.json`), the credentials file, the ECS instance role, the credentials URI.
   */
  | "default-chain";

/** Resolved static keys, or a request to use the default chain (with an optional profile name). */
export type CredentialSource =
  | {
      readonly kind: "stack-config" | "alicloud-env";
      readonly accessKeyId: string;
      readonly accessKeySecret: string;
      readonly securityToken: string | undefined;
    }
  | { readonly kind: "default-chain"; readonly profile: string | undefined };

/**
 * Decide where credentials come from, without reading any secret into a long-lived place: this runs at call time
 * in the provider host, never at program time, so nothing here is ever serialized into `__provider`.
 */
export function resolveCredentialSource(config: ConfigSource, env: Environment): CredentialSource {
  const sources = { config, env };
  // A key pair comes from one source, whole: an id in the stack config never pairs with a secret in the environment;
  // the stack config wins over the environment (the order @pulumi/alicloud reads them in).
  const kinds = [
    ["config", "stack-config"],
    ["env", "alicloud-env"],
  ] as const;
  for (const [only, kind] of kinds) {
    const accessKeyId = readSettingFrom(SETTINGS.accessKey, only, sources);
    const accessKeySecret = readSettingFrom(SETTINGS.secretKey, only, sources);
    if (accessKeyId !== undefined && accessKeySecret !== undefined)
      return {
        kind,
        accessKeyId,
        accessKeySecret,
        securityToken: readSettingFrom(SETTINGS.securityToken, only, sources),
      };
  }
  return { kind: "default-chain", profile: readSetting(SETTINGS.profile, sources) };
}

/**
 * The secret credential values this call may use (access-key secret, security token), so error messages can be
 * scrubbed of them. For the default chain only what the environment holds is known; the chain's other sources never
 * reach a message through this package.
 */
export function credentialSecrets(config: ConfigSource, env: Environment): string[] {
  const source = resolveCredentialSource(config, env);
  const values =
    source.kind === "default-chain"
      ? [
          readSetting(SETTINGS.chainAccessKeySecret, { config, env }),
          readSetting(SETTINGS.chainSecurityToken, { config, env }),
        ]
      : [source.accessKeySecret, source.securityToken];
  return values.filter((v): v is string => v !== undefined && v !== "");
}
