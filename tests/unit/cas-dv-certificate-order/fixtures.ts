/** Shared inputs of the `cas.DvCertificateOrder` unit tests: contact details, PEM normalization and test CSRs. */
import "reflect-metadata"; // before @peculiar/x509 (the example's CSR module loads it)
import { createCsr, generateKeyPair, type PemKeyPair } from "../../../examples/dv-certificate-order/csr";
import { certificateRequest } from "../../helpers/x509";

/** Applicant details that pass check (the phone is normalized to `+8613900001234`). */
export const CONTACT = { username: "Ada Lovelace", phone: "+86 139-0000-1234", email: "ada@example.com" };

/** A property bag as the host passes it. */
export type Bag = Record<string, unknown>;

/** PEM as check normalizes it: LF line endings, one final newline. */
export function pem(text: string): string {
  return `${text.trim()}\n`;
}

/** A CSR from raw x509 parameters (for the shapes the example's generator never makes); RSA when `rsaBits` is set. */
export async function rawCsr(options: {
  name: string;
  rsaBits?: number;
  names?: { type: "dns" | "ip"; value: string }[];
}): Promise<string> {
  const keyType = options.rsaBits === undefined ? "ECDSA" : "RSA";
  return (await certificateRequest({ subject: options.name, names: options.names, keyType, rsaBits: options.rsaBits }))
    .pem;
}

let shop: Promise<{ keys: PemKeyPair; csr: string }> | undefined;

/** The example's key pair and its CSR for shop.example.com (+ www.shop.example.com), made once per run. */
export function shopCsr(): Promise<{ keys: PemKeyPair; csr: string }> {
  shop ??= (async () => {
    const keys = generateKeyPair();
    return { keys, csr: pem(await createCsr(keys, "shop.example.com", ["www.shop.example.com"])) };
  })();
  return shop;
}
