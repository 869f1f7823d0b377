/**
 * Every provider setting, declared once: each `ALICLOUD_CERTS_*` environment variable, each stack config key
 * (`alicloud:*`) and each other variable this package reads. The reader is `read.ts`; docs/settings.md is generated
 * from this table (`npm run docs:settings`) and a unit test fails when it is stale.
 *
 * Names are public API: a variable or key is never renamed, and its meaning never changes.
 */
import {
  duration,
  endpoint,
  endpointMap,
  httpUrl,
  onOff,
  oneOf,
  resolverList,
  text,
  trueFalseOrList,
  type EndpointValue,
} from "./kinds";
import { setting, type AnySetting, type Setting } from "./setting";

/** The tuning windows read before this module existed fell back to their default on a malformed value: kept. */
const TUNING_WINDOW = {
  fallsBackBecause:
    "a tuning window: a typo keeps the default window instead of failing a refresh or a write (the behaviour " +
    "since the window was added)",
};

/** The override of one product's endpoint. */
function productEndpoint(product: "esa" | "cas" | "ga", name: string): Setting<EndpointValue, undefined> {
  return setting({
    section: "Connection",
    env: [`ALICLOUD_CERTS_${product.toUpperCase()}_ENDPOINT`],
    kind: endpoint,
    default: undefined,
    defaultNote: "`ALICLOUD_CERTS_ENDPOINT`",
    malformed: "fails",
    description: `The endpoint of ${name} API calls, before \`ALICLOUD_CERTS_ENDPOINT\`.`,
    readBy: `Every ${name} API call.`,
  });
}

/** The settings, in the order docs/settings.md lists them within each section. */
export const SETTINGS = {
  /** `alicloud:region`, `ALICLOUD_REGION`, `ALIBABA_CLOUD_REGION`. */
  region: setting({
    section: "Connection",
    config: "alicloud:region",
    env: ["ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"],
    kind: text,
    default: "cn-hangzhou",
    malformed: "fails",
    description:
      "Picks the ESA control plane (`esa.cn-hangzhou.aliyuncs.com` for `cn-*` regions, " +
      "`esa.ap-southeast-1.aliyuncs.com` otherwise), the CAS endpoint and the `RegionId` of regional calls. GA is " +
      "always `cn-hangzhou`.",
    readBy: "Every API call.",
  }),
  /** `alicloud:protocol`. */
  protocol: setting({
    section: "Connection",
    config: "alicloud:protocol",
    env: [],
    kind: oneOf([{ value: "HTTPS" }, { value: "HTTP" }]),
    default: undefined,
    defaultNote: "HTTPS",
    malformed: "fails",
    description:
      "The protocol of an endpoint given without a scheme (`alicloud:endpoints`, a bare host in an " +
      "`ALICLOUD_CERTS_*ENDPOINT`); a URL's own scheme wins.",
    readBy: "Every API call.",
  }),
  /** `alicloud:endpoints`. */
  endpoints: setting({
    section: "Connection",
    config: "alicloud:endpoints",
    env: [],
    kind: endpointMap(["esa", "cas", "ga"]),
    default: undefined,
    defaultNote: "Alibaba's public endpoint for the region",
    malformed: "fails",
    description:
      "Per-product endpoints, the key `@pulumi/alicloud` uses (`[{esa: …, cas: …, ga: …}]`); the keys of other " +
      "products are ignored. `ALICLOUD_CERTS_*ENDPOINT` wins over it.",
    readBy: "Every API call.",
  }),
  /** `ALICLOUD_CERTS_ENDPOINT`. */
  endpoint: setting({
    section: "Connection",
    env: ["ALICLOUD_CERTS_ENDPOINT"],
    kind: endpoint,
    default: undefined,
    defaultNote: "`alicloud:endpoints`, else Alibaba's public endpoint for the region",
    malformed: "fails",
    description:
      "The endpoint of every product's API calls (how tests and CI point the provider at the local emulator, " +
      "`http://127.0.0.1:8123`), after the product's own variable.",
    readBy: "Every API call.",
  }),
  /** `ALICLOUD_CERTS_ESA_ENDPOINT`. */
  esaEndpoint: productEndpoint("esa", "ESA"),
  /** `ALICLOUD_CERTS_CAS_ENDPOINT`. */
  casEndpoint: productEndpoint("cas", "CAS"),
  /** `ALICLOUD_CERTS_GA_ENDPOINT`. */
  gaEndpoint: productEndpoint("ga", "GA"),

  /** `alicloud:accessKey`, `ALICLOUD_ACCESS_KEY`. */
  accessKey: setting({
    section: "Credentials",
    config: "alicloud:accessKey",
    env: ["ALICLOUD_ACCESS_KEY"],
    kind: text,
    default: undefined,
    defaultNote: "the `@alicloud/credentials` default chain",
    malformed: "fails",
    description:
      "The AccessKey id. Read as a pair with the secret: both from the stack config, else both from the " +
      "environment, else the default chain (`ALIBABA_CLOUD_*` variables, OIDC role, CLI profile, ECS role).",
    readBy: "Each product's API client, built at a host process's first call to that product.",
  }),
  /** `alicloud:secretKey`, `ALICLOUD_SECRET_KEY`. */
  secretKey: setting({
    section: "Credentials",
    config: "alicloud:secretKey",
    env: ["ALICLOUD_SECRET_KEY"],
    kind: text,
    default: undefined,
    defaultNote: "the default chain",
    malformed: "fails",
    secret: true,
    description: "The AccessKey secret, paired with the id (set it with `pulumi config set --secret`).",
    readBy: "Each product's API client; every API call (to keep it out of error messages).",
  }),
  /** `alicloud:securityToken`, `ALICLOUD_SECURITY_TOKEN`. */
  securityToken: setting({
    section: "Credentials",
    config: "alicloud:securityToken",
    env: ["ALICLOUD_SECURITY_TOKEN"],
    kind: text,
    default: undefined,
    defaultNote: "none (long-lived keys)",
    malformed: "fails",
    secret: true,
    description: "An STS token, read from the same source as the key pair.",
    readBy: "Each product's API client; every API call (to keep it out of error messages).",
  }),
  /** `alicloud:profile`, `ALICLOUD_PROFILE`. */
  profile: setting({
    section: "Credentials",
    config: "alicloud:profile",
    env: ["ALICLOUD_PROFILE"],
    kind: text,
    default: undefined,
    defaultNote: "the chain's own choice",
    malformed: "fails",
    description:
      "The default chain's profile (`~/.aliyun/config.json`), when no key pair is set; passed on as " +
      "`ALIBABA_CLOUD_PROFILE` unless that is set.",
    readBy: "Each product's API client.",
  }),
  /** `ALIBABA_CLOUD_ACCESS_KEY_SECRET`. */
  chainAccessKeySecret: setting({
    section: "Credentials",
    env: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
    kind: text,
    default: undefined,
    defaultNote: "unset",
    malformed: "fails",
    secret: true,
    description:
      "The default chain's own variable: this package reads it only to keep it out of error messages, when " +
      "the chain supplies the credentials.",
    readBy: "Every API call.",
  }),
  /** `ALIBABA_CLOUD_SECURITY_TOKEN`. */
  chainSecurityToken: setting({
    section: "Credentials",
    env: ["ALIBABA_CLOUD_SECURITY_TOKEN"],
    kind: text,
    default: undefined,
    defaultNote: "unset",
    malformed: "fails",
    secret: true,
    description: "As `ALIBABA_CLOUD_ACCESS_KEY_SECRET`: read only to keep it out of error messages.",
    readBy: "Every API call.",
  }),

  /** `ALICLOUD_CERTS_MIN_POLL_MS`. */
  minPollMs: setting({
    section: "Waits",
    env: ["ALICLOUD_CERTS_MIN_POLL_MS"],
    kind: duration("refused"),
    default: 2000,
    malformed: "fails",
    description:
      "The pacing floor of every wait: polls start 2 × this apart and then wait 20 % of the time already " +
      'waited (README "Waits"). Also the first pause between retries of a refused ESA create. Lower it ' +
      "against the fast local emulator.",
    readBy: "Every wait (ESA, CAS, GA) and the ESA create quota, when it starts.",
  }),
  /** `ALICLOUD_CERTS_MAX_POLL_MS`. */
  maxPollMs: setting({
    section: "Waits",
    env: ["ALICLOUD_CERTS_MAX_POLL_MS"],
    kind: duration("refused"),
    default: 20_000,
    defaultNote: "or `ALICLOUD_CERTS_MIN_POLL_MS` when that is larger",
    malformed: "fails",
    description:
      "The longest pause of the `backoff` poll schedule, which no resource uses today; raised to " +
      "`ALICLOUD_CERTS_MIN_POLL_MS` when lower.",
    readBy: "Every wait, when it starts.",
  }),

  /** `alicloud:esaCreateQuota`, `ALICLOUD_CERTS_ESA_CREATE_QUOTA`. */
  esaCreateQuota: setting({
    section: "esa.CustomHostname",
    config: "alicloud:esaCreateQuota",
    env: ["ALICLOUD_CERTS_ESA_CREATE_QUOTA"],
    kind: oneOf([
      { value: "wait", means: "queue creates past the CreateCustomHostname quota" },
      { value: "fail", means: "fail them at once" },
    ]),
    default: "wait",
    malformed: "fails",
    description:
      "What a create does past ESA's quota of 100 CreateCustomHostname calls per hour: wait for a slot (for at " +
      'most `waitTimeoutSeconds`, saying so), or fail at once with "quota: N of 100 … used this hour".',
    readBy: "`esa.CustomHostname` create, before its CreateCustomHostname call.",
  }),
  /** `ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS`. */
  esaCreateWindowMs: setting({
    section: "esa.CustomHostname",
    env: ["ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS"],
    kind: duration("refused"),
    default: 3_600_000,
    defaultNote: "one hour: ESA's quota window",
    malformed: "fails",
    description:
      "The length of the quota window this process counts creates in. For the emulator with a sped-up clock " +
      "(its hour lasts `3600000 / speed` ms), not for the real service.",
    readBy: "`esa.CustomHostname`'s first create in a provider host process (the window is kept for the process).",
  }),
  /** `alicloud:esaResumeLostCreates`, `ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES`. */
  esaResumeLostCreates: setting({
    section: "esa.CustomHostname",
    config: "alicloud:esaResumeLostCreates",
    env: ["ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES"],
    kind: trueFalseOrList("hostnames"),
    default: { kind: "none" },
    malformed: "fails",
    description:
      'Which hostnames a create may resume after a lost run (README "Recovering from a lost run"): an existing ' +
      "hostname identical to the create's inputs is taken over. `true` for every hostname, or the hostnames " +
      "(each checked as a hostname, wildcards allowed).",
    readBy: "`esa.CustomHostname` check (a malformed value fails the preview) and create.",
  }),
  /** `ALICLOUD_CERTS_ESA_LIST_READS`. */
  esaListReads: setting({
    section: "esa.CustomHostname",
    env: ["ALICLOUD_CERTS_ESA_LIST_READS"],
    kind: onOff,
    default: true,
    malformed: "fails",
    description:
      "`on`: a refresh of a hostname with SSL off shares its site's ListCustomHostnames listing; `off`: every " +
      "refresh reads its hostname with GetCustomHostname.",
    readBy: "`esa.CustomHostname` read (refresh, `get`).",
  }),
  /** `ALICLOUD_CERTS_ESA_GATHER_MS`. */
  esaGatherMs: setting({
    section: "esa.CustomHostname",
    env: ["ALICLOUD_CERTS_ESA_GATHER_MS"],
    kind: duration("allowed"),
    default: 0,
    defaultNote: "a listing starts at once",
    malformed: TUNING_WINDOW,
    description: "How long a site listing waits for more reads to share it before it starts.",
    readBy: "`esa.CustomHostname` read, when a site listing starts.",
  }),

  /** `ALICLOUD_CERTS_GA_GATHER_MS`. */
  gaGatherMs: setting({
    section: "GA listener certificates",
    env: ["ALICLOUD_CERTS_GA_GATHER_MS"],
    kind: duration("allowed"),
    default: 100,
    malformed: TUNING_WINDOW,
    description:
      "How long the GA engine gathers the intents Pulumi sends together into one write round (and reads into " +
      "one listener listing); `0` sends at once.",
    readBy: "`ga.ListenerAdditionalCertificate(s)` create, update, delete and read, per round.",
  }),
  /** `ALICLOUD_CERTS_GA_READ_REUSE_MS`. */
  gaReadReuseMs: setting({
    section: "GA listener certificates",
    env: ["ALICLOUD_CERTS_GA_READ_REUSE_MS"],
    kind: duration("allowed"),
    default: 5000,
    malformed: TUNING_WINDOW,
    description:
      "How long a finished listener listing answers later reads in the same host process; `0`: only reads in " +
      "flight share one.",
    readBy: "`ga.ListenerAdditionalCertificate(s)` read (refresh).",
  }),

  /** `ALICLOUD_CERTS_CLOCK_URL`. */
  clockUrl: setting({
    section: "Clock and DNS",
    env: ["ALICLOUD_CERTS_CLOCK_URL"],
    kind: httpUrl,
    default: undefined,
    defaultNote: "the system clock",
    malformed: "fails",
    description:
      "Where the provider's clock reads the time (an HTTP GET answering `{now}`, `{iso}` or a `Date` header), " +
      "such as the emulator's `/__emulator/clock`. Every `esa.CustomHostname` check reads the clock (an uploaded " +
      "certificate's validity), so with this set each such check makes one request to it: the one request a " +
      "check makes (never an Alibaba Cloud API call).",
    readBy:
      "`esa.CustomHostname` check, diff and update; `cas.DvCertificateOrder` diff, read and create (its create " +
      "token).",
  }),
  /** `ALICLOUD_CERTS_DNS_SERVERS`. */
  dnsServers: setting({
    section: "Clock and DNS",
    env: ["ALICLOUD_CERTS_DNS_SERVERS"],
    kind: resolverList,
    default: undefined,
    defaultNote: "the system's resolvers",
    malformed: "fails",
    description:
      "The resolvers asked what DNS shows of a validation record, such as the emulator's DNS server. Lookups " +
      "only sharpen the message of a stalled wait; they never decide anything.",
    readBy: "`cas.DvCertificateOrder` and `cas.DvCertificateValidation` waits, when they start.",
  }),

  /** `ALICLOUD_CERTS_ENGINE_WATCH`. */
  engineWatch: setting({
    section: "Provider host",
    env: ["ALICLOUD_CERTS_ENGINE_WATCH"],
    kind: onOff,
    default: true,
    malformed: {
      fallsBackBecause:
        "it is read when a provider module loads, where an error would fail every resource, and a watchdog " +
        "stays on unless turned off on purpose",
    },
    description:
      "`off` turns off the watch that ends a provider host (and every wait and retry in it) once the engine " +
      'that started it is gone (README "Recovering from a lost run").',
    readBy: "Each provider host process, once, when the first resource module loads.",
  }),
} as const;

/** Every setting, in table order. */
export const ALL_SETTINGS: readonly AnySetting[] = Object.values(SETTINGS);
