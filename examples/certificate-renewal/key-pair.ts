import { createHash, generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

/**
 * A key pair generated once, when the resource is created, and kept in the stack state (the private key as a
 * secret, so only encrypted). Later runs reuse it, so the CSR asks for the same key every time. In a project with
 * registry access, `@pulumi/tls`'s `PrivateKey` does the same job.
 */
const keyPairProvider: pulumi.dynamic.ResourceProvider = {
  async create() {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
    return {
      id: createHash("sha256").update(publicKeyPem).digest("hex").slice(0, 16),
      outs: { privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKeyPem },
    };
  },
  // No inputs: nothing ever changes, so the key is never regenerated.
  async diff() {
    return { changes: false };
  },
};

/** An ECDSA P-256 key pair held in the stack state. */
export class KeyPair extends pulumi.dynamic.Resource {
  /** PKCS#8 PEM; a secret output. */
  declare readonly privateKeyPem: pulumi.Output<string>;
  /** SPKI PEM. */
  declare readonly publicKeyPem: pulumi.Output<string>;

  constructor(name: string, opts?: pulumi.CustomResourceOptions) {
    super(
      keyPairProvider,
      name,
      { privateKeyPem: undefined, publicKeyPem: undefined },
      { ...opts, additionalSecretOutputs: ["privateKeyPem"] },
      "example",
      "KeyPair",
    );
  }
}
