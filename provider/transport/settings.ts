/**
 * The transport's view of the provider settings (provider/settings/): the sources it is given, and the region.
 * Every setting is declared and read there; this module only names what the transport asks of it.
 */
import { readSetting } from "../settings/read";
import { type ConfigSource, type Environment } from "../settings/sources";
import { SETTINGS } from "../settings/table";

export { configFromRecord, type ConfigSource, type Environment } from "../settings/sources";

/**
 * The region: stack config `alicloud:region`, then `ALICLOUD_REGION`, then `ALIBABA_CLOUD_REGION`, else `cn-hangzhou`.
 * It picks the ESA site (China vs international) and the CAS endpoint; GA is always `cn-hangzhou`.
 */
export function resolveRegion(config: ConfigSource, env: Environment): string {
  return readSetting(SETTINGS.region, { config, env });
}
