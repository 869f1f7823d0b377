/**
 * Runs examples/python/csr.py (the Python flagship's CSR maker, pyca/cryptography) in the program venv, so a test
 * can hold what it makes to the provider's own CSR rules.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "./engine";
import { PROGRAM_VENV } from "./python-venv";

/** The names one CSR asks for. */
export interface CsrRequest {
  readonly commonName: string;
  readonly extraNames: readonly string[];
}

/** Two CSRs for the same request and the same (fresh P-256) key: ECDSA signs with a new nonce each time. */
export interface CsrPair {
  readonly first: string;
  readonly second: string;
}

/** Reads the requests as JSON on stdin; writes one pair per request as JSON on stdout. */
const SCRIPT = `
import json, sys
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from csr import create_csr
pairs = []
for request in json.load(sys.stdin):
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    make = lambda: create_csr(pem, request["commonName"], request["extraNames"])
    pairs.append({"first": make(), "second": make()})
json.dump(pairs, sys.stdout)
`;

/** Make a {@link CsrPair} for each request in one Python process. */
export function pythonCsrs(requests: readonly CsrRequest[]): Promise<CsrPair[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      path.join(PROGRAM_VENV, "bin/python"),
      ["-c", SCRIPT],
      { cwd: path.join(REPO_ROOT, "examples/python"), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`csr.py failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as CsrPair[]);
      },
    );
    child.stdin?.end(JSON.stringify(requests));
  });
}
