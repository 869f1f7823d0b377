/**
 * The native alicloud-certs provider from a TypeScript program without a generated SDK: providers are
 * `pulumi.ProviderResource`s of package `alicloud-certs`, resources `pulumi.CustomResource`s with the tokens of
 * schema.json. Everything is declared from stack config, so one project serves every native engine test:
 *
 * - `providers`: `[{ name, endpoint?, region?, accessKey?, secretKeyFrom? | secretKey? }]`, explicit provider
 *   instances; `endpoint` points all three products at one URL; `secretKeyFrom` names a secret config key,
 *   `secretKey` is the key typed in plain text (the provider stores it as a secret all the same);
 * - `resources`: `[{ type, name, provider?, args?, secretArgs?, aliases? }]`: `type` is a schema token, or
 *   `dynamic:esa.CustomHostname`, `dynamic:cas.DvCertificateOrder` or `dynamic:ga.ListenerAdditionalCertificate`
 *   for the dynamic classes (a stack before its move to the native provider);
 *   `secretArgs` maps an input to a secret config key; `aliases` lists earlier types of the resource.
 *
 * Exports `ids`: each resource's id by name.
 */
import * as pulumi from "@pulumi/pulumi";
import { cas, esa, ga } from "pulumi-alicloud-certs";

interface ProviderDeclaration {
  readonly name: string;
  readonly endpoint?: string;
  readonly region?: string;
  readonly accessKey?: string;
  readonly secretKeyFrom?: string;
  readonly secretKey?: string;
}

interface ResourceDeclaration {
  readonly type: string;
  readonly name: string;
  readonly provider?: string;
  readonly args?: Record<string, unknown>;
  readonly secretArgs?: Record<string, string>;
  readonly aliases?: string[];
}

/** A provider instance of package alicloud-certs (`pulumi.ProviderResource` is abstract). */
class AlicloudCertsProvider extends pulumi.ProviderResource {
  constructor(name: string, args: pulumi.Inputs) {
    super("alicloud-certs", name, args);
  }
}

/** A resource of the native provider by its schema token (`pulumi.CustomResource` is abstract). */
class NativeResource extends pulumi.CustomResource {
  constructor(type: string, name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
    super(type, name, args, opts);
  }
}

/**
 * A resource of the native provider, or of a dynamic class (`dynamic:<namespace>.<Class>`). The dynamic classes check
 * their arguments themselves; this program only passes the configured ones through.
 */
function declareResource(
  type: string,
  name: string,
  args: Record<string, unknown>,
  opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource {
  switch (type) {
    case "dynamic:esa.CustomHostname":
      return new esa.CustomHostname(name, args as unknown as esa.CustomHostnameArgs, opts);
    case "dynamic:cas.DvCertificateOrder":
      return new cas.DvCertificateOrder(name, args as unknown as cas.DvCertificateOrderArgs, opts);
    case "dynamic:ga.ListenerAdditionalCertificate":
      return new ga.ListenerAdditionalCertificate(name, args as unknown as ga.ListenerAdditionalCertificateArgs, opts);
    default:
      return new NativeResource(type, name, args, opts);
  }
}

const config = new pulumi.Config();

const providers = new Map<string, pulumi.ProviderResource>();
for (const p of config.getObject<ProviderDeclaration[]>("providers") ?? []) {
  const endpoints = p.endpoint === undefined ? undefined : [{ esa: p.endpoint, cas: p.endpoint, ga: p.endpoint }];
  const secretKey = p.secretKeyFrom === undefined ? p.secretKey : config.requireSecret(p.secretKeyFrom);
  providers.set(
    p.name,
    new AlicloudCertsProvider(p.name, {
      region: p.region,
      endpoints,
      accessKey: p.accessKey,
      secretKey,
    }),
  );
}

const ids: Record<string, pulumi.Output<string>> = {};
for (const r of config.requireObject<ResourceDeclaration[]>("resources")) {
  const args: Record<string, unknown> = { ...r.args };
  for (const [input, key] of Object.entries(r.secretArgs ?? {})) args[input] = config.requireSecret(key);
  const provider = r.provider === undefined ? undefined : providers.get(r.provider);
  if (r.provider !== undefined && provider === undefined) throw new Error(`no provider named ${r.provider}`);
  const opts: pulumi.CustomResourceOptions = {
    ...(provider === undefined ? {} : { provider }),
    aliases: (r.aliases ?? []).map((type) => ({ type })),
  };
  ids[r.name] = declareResource(r.type, r.name, args, opts).id;
}

export { ids };
