import * as pulumi from "@pulumi/pulumi";
import { ga } from "pulumi-alicloud-certs";

// N per-domain bindings on one listener, named like bench/fixture.ts names them (customer<i>.example.com on one of
// 10 certificates), so a listener seeded with those bindings is adopted without a write.
const config = new pulumi.Config();
const acceleratorId = config.require("acceleratorId");
const listenerId = config.require("listenerId");
const count = config.requireNumber("count");

export const ids = Array.from(
  { length: count },
  (_, i) =>
    new ga.ListenerAdditionalCertificate(`binding${i + 1}`, {
      acceleratorId,
      listenerId,
      domain: `customer${i + 1}.example.com`,
      certificateId: `${20_000_001 + (i % 10)}-cn-hangzhou`,
    }).id,
);
