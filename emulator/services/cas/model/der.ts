/**
 * Minimal DER encoding and decoding: just enough to assemble, sign and take apart X.509 structures synchronously.
 * Action handlers are synchronous, while @peculiar/x509's generators and verifiers are WebCrypto-based (async), so the
 * envelope is built here and signed with node:crypto's synchronous `sign`/`verify`.
 */

/** A parsed TLV. `raw` is the whole element (header + content); `content` is the value bytes. */
export interface DerNode {
  readonly tag: number;
  readonly raw: Buffer;
  readonly content: Buffer;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One element with a single-byte tag. */
export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

/** SEQUENCE of the given encoded elements. */
export function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, ...items);
}

/** SET of the given encoded elements (callers pass them already in DER order). */
export function set(...items: Buffer[]): Buffer {
  return tlv(0x31, ...items);
}

/** A non-negative INTEGER from a small number or an unsigned big-endian magnitude. */
export function integer(value: number | Buffer): Buffer {
  const hex = typeof value === "number" ? value.toString(16) : "";
  let bytes = typeof value === "number" ? Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, "hex") : value;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  // A set high bit would read as negative: prefix a zero byte.
  if (bytes.length === 0 || (bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

/** OBJECT IDENTIFIER from dotted notation. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split(".").map((a) => Number(a));
  const [first = 0, second = 0, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const groups: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    out.push(...groups);
  }
  return tlv(0x06, Buffer.from(out));
}

/** Dotted notation of an OBJECT IDENTIFIER's content bytes. */
export function decodeOid(content: Buffer): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join(".");
}

/** BIT STRING with no unused bits. */
export function bitString(data: Buffer): Buffer {
  return tlv(0x03, Buffer.from([0]), data);
}

/** UTF8String. */
export function utf8String(text: string): Buffer {
  return tlv(0x0c, Buffer.from(text, "utf8"));
}

/** Context-specific, constructed, explicit tag `[n]`. */
export function explicit(tagNumber: number, inner: Buffer): Buffer {
  return tlv(0xa0 | tagNumber, inner);
}

/** An X.509 `Time`: UTCTime for 1950–2049 (RFC 5280 §4.1.2.5), GeneralizedTime otherwise; whole seconds. */
export function time(epochMs: number): Buffer {
  const iso = new Date(epochMs).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const year = Number(iso.slice(0, 4));
  const digits = iso.slice(0, 19).replace(/[-T:]/g, "") + "Z";
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2), "ascii"))
    : tlv(0x18, Buffer.from(digits, "ascii"));
}

/** Read the element that starts at `offset`. Throws on truncated or unsupported (multi-byte tag) input. */
export function readNode(buf: Buffer, offset = 0): DerNode {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) throw new Error("malformed DER");
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error("malformed DER length");
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = buf[offset + 2 + i];
      if (b === undefined) throw new Error("truncated DER");
      length = length * 256 + b;
    }
    header += count;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new Error("truncated DER");
  return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + header, end) };
}

/** The children of a constructed element. */
export function readChildren(node: DerNode): DerNode[] {
  const children: DerNode[] = [];
  for (let offset = 0; offset < node.content.length;) {
    const child = readNode(node.content, offset);
    children.push(child);
    offset += child.raw.length;
  }
  return children;
}

/** PEM armour for DER bytes (64-column base64 lines). */
export function toPem(der: Buffer, label: string): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** The DER inside the first PEM block with one of `labels`, or undefined when there is none. */
export function fromPem(pem: string, labels: readonly string[]): Buffer | undefined {
  for (const label of labels) {
    const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
    if (match?.[1] !== undefined) {
      const body = match[1].replace(/\s+/g, "");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length === 0) return undefined;
      return Buffer.from(body, "base64");
    }
  }
  return undefined;
}
