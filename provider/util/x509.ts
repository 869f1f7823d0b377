import reflectMetadata = require("reflect-metadata");
import x509Module = require("@peculiar/x509");
import { webcrypto } from "node:crypto";

// @peculiar/x509 (maintained PKCS#10/X.509 parsing and building, RSA and ECDSA; no hand-written ASN.1 here) resolves
// its internals through tsyringe, which needs the Reflect metadata API loaded first.
void reflectMetadata;
x509Module.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509Module.cryptoProvider.set>[0]);

/** @peculiar/x509, ready to use (Reflect metadata loaded, Node's WebCrypto set as its crypto provider). */
export const x509 = x509Module;
