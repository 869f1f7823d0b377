/**
 * GA resources declared from stack config, so one stack can step through programs: `resources` is a JSON list of
 * `{ "name", "domain", "certificateId" }` (a `ga.ListenerAdditionalCertificate`) or `{ "name", "certificates" }` (a
 * `ga.ListenerAdditionalCertificates`), all on the listener of `acceleratorId` / `listenerId`.
 */
import * as pulumi from "@pulumi/pulumi";
import { ga } from "pulumi-alicloud-certs";

interface Declared {
  readonly name: string;
  readonly domain?: string;
  readonly certificateId?: string;
  readonly certificates?: Record<string, string>;
}

const config = new pulumi.Config();
const acceleratorId = config.require("acceleratorId");
const listenerId = config.require("listenerId");

for (const r of config.requireObject<Declared[]>("resources")) {
  if (r.certificates !== undefined) {
    new ga.ListenerAdditionalCertificates(r.name, { acceleratorId, listenerId, certificates: r.certificates });
  } else {
    new ga.ListenerAdditionalCertificate(r.name, {
      acceleratorId,
      listenerId,
      domain: r.domain ?? "",
      certificateId: r.certificateId ?? "",
    });
  }
}
