/**
 * The emulator's public DNS (core/dns.ts) over the real DNS protocol: a UDP (and TCP) server that answers A, AAAA, TXT and
 * CNAME queries as a recursive resolver does, so any DNS client (node's `dns.promises.Resolver` with `setServers`,
 * `dig @127.0.0.1 -p PORT`) sees exactly what the emulated CAs and ESA see. Packets are parsed and built with
 * `dns-packet` (the RFC 1035 wire format is not hand-written here).
 *
 * What an answer holds (RFC 1034 §4.3.2, §3.6.2; RFC 2308; RFC 6604):
 * - a query of A, AAAA or TXT at a CNAME: the CNAME chain in the answer section, each hop's CNAME record in order,
 *   then the records of the queried type at the chain's target;
 * - a CNAME query: the CNAME at the name itself, not followed;
 * - nothing of the type at the last name: NXDOMAIN when that name does not exist at all (no record at it or below it),
 *   NOERROR with no data (NODATA) when it does; the CNAMEs leading there are still in the answer, and the RCODE
 *   describes the last name (RFC 6604 §2.1);
 * - a CNAME loop or a chain longer than dns.ts follows: SERVFAIL with no answer, as resolvers answer;
 * - other query types: NOTIMP (a published record's text cannot be encoded as, say, MX data); other opcodes: NOTIMP;
 *   not exactly one question: FORMERR; a class other than IN: REFUSED.
 *
 * Every record has TTL 0: the emulator's DNS has no caching, and a resolver in front of it must not add any. The
 * answer is recursive (RA set, AA clear), echoes RD and the opcode, and carries an EDNS(0) OPT record when the query
 * did (RFC 6891 §6.1.1). An answer larger than the client's UDP payload size (512 without EDNS) is sent truncated
 * with TC set, and the client asks again over TCP on the same port (RFC 7766), where nothing is cut.
 */
import { createSocket, type RemoteInfo, type Socket } from "node:dgram";
import { createServer, isIPv4, isIPv6, type Socket as TcpSocket } from "node:net";
import * as dnsPacket from "dns-packet";
import type { DnsAnswer } from "./dns";

/** What the server reads: the emulator's public DNS. */
export interface DnsSource {
  resolve(name: string, type: string): DnsAnswer;
  /** True when the name holds a record or has one below it. */
  exists(name: string): boolean;
}

/** DNS RCODEs (RFC 1035 §4.1.1; RFC 6895). */
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
type Rcode = (typeof RCODE)[keyof typeof RCODE];

/** The query types answered. */
const ANSWERED = new Set(["A", "AAAA", "TXT", "CNAME"]);
/** A DNS character-string is at most 255 bytes (RFC 1035 §3.3); a longer TXT value is split into several. */
const MAX_CHARACTER_STRING = 255;
/** The payload size this server announces and the most it sends over UDP (the DNS Flag Day 2020 value). */
const EDNS_PAYLOAD = 1232;
/** RFC 1035 §4.2.1: without EDNS a UDP message is at most 512 bytes. */
const CLASSIC_UDP_LIMIT = 512;

/** A TXT value as its character-strings (bytes, not characters, are counted). */
export function txtStrings(value: string): Buffer[] {
  const bytes = Buffer.from(value, "utf8");
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += MAX_CHARACTER_STRING) chunks.push(bytes.subarray(i, i + MAX_CHARACTER_STRING));
  return chunks.length === 0 ? [Buffer.alloc(0)] : chunks;
}

/** The records of `type` at `name` for the values DNS can carry (an A value that is not an IPv4 address cannot). */
function dataRecords(type: string, name: string, values: readonly string[]): dnsPacket.Answer[] {
  const records: dnsPacket.Answer[] = [];
  for (const value of values) {
    if (type === "A" && isIPv4(value)) records.push({ type: "A", name, ttl: 0, data: value });
    if (type === "AAAA" && isIPv6(value)) records.push({ type: "AAAA", name, ttl: 0, data: value });
    if (type === "TXT") records.push({ type: "TXT", name, ttl: 0, data: txtStrings(value) });
    if (type === "CNAME") records.push({ type: "CNAME", name, ttl: 0, data: value });
  }
  return records;
}

/** The answer section and RCODE for one IN question of an answered type. */
function lookup(source: DnsSource, qname: string, qtype: string): { rcode: Rcode; answers: dnsPacket.Answer[] } {
  const answer = source.resolve(qname, qtype);
  if (answer.status === "SERVFAIL") return { rcode: RCODE.SERVFAIL, answers: [] };
  // The first owner name is the question's, as asked (a client may compare it case-sensitively, e.g. DNS 0x20).
  const owner = (i: number): string => (i === 0 ? qname.replace(/\.$/, "") : (answer.chain[i] ?? ""));
  const answers: dnsPacket.Answer[] = [];
  for (let i = 0; i + 1 < answer.chain.length; i++) {
    answers.push({ type: "CNAME", name: owner(i), ttl: 0, data: answer.chain[i + 1] ?? "" });
  }
  const last = answer.chain.length - 1;
  const data = dataRecords(qtype, owner(last), answer.values);
  answers.push(...data);
  const target = answer.chain[last] ?? "";
  return { rcode: data.length === 0 && !source.exists(target) ? RCODE.NXDOMAIN : RCODE.NOERROR, answers };
}

function isOpt(record: dnsPacket.Answer): record is dnsPacket.OptAnswer {
  return record.type === "OPT";
}

/**
 * The response to one query message, or undefined when none is due (not a query, or too short to answer). Pure: the
 * servers and the tests call it with a {@link DnsSource}. `maxSize`: the transport's limit (TCP: none); by default
 * the UDP limit the query announces.
 */
export function answerQuery(message: Buffer, source: DnsSource, maxSize?: number): Buffer | undefined {
  let query: dnsPacket.DecodedPacket;
  try {
    query = dnsPacket.decode(message);
  } catch {
    // RFC 1035 §4.1.1: FORMERR when the query cannot be interpreted, if at least its header can be answered.
    if (message.length < 12 || (message.readUInt16BE(2) & 0x8000) !== 0) return undefined;
    const header = { id: message.readUInt16BE(0), flags: message.readUInt16BE(2) };
    return encode(header, RCODE.FORMERR, [], [], undefined, maxSize);
  }
  if (query.type !== "query") return undefined;
  const opt = (query.additionals ?? []).find(isOpt);
  const header = { id: query.id ?? 0, flags: query.flags ?? 0 };
  const questions = query.questions ?? [];
  const question = questions[0];
  const opcode = (header.flags >> 11) & 0xf;
  const reply = (rcode: Rcode, answers: dnsPacket.Answer[] = []): Buffer =>
    encode(header, rcode, questions, answers, opt, maxSize);
  if (opcode !== 0) return reply(RCODE.NOTIMP);
  if (question === undefined || questions.length !== 1) return reply(RCODE.FORMERR);
  if ((question.class ?? "IN") !== "IN") return reply(RCODE.REFUSED);
  if (!ANSWERED.has(question.type)) return reply(RCODE.NOTIMP);
  try {
    const { rcode, answers } = lookup(source, question.name, question.type);
    return reply(rcode, answers);
  } catch {
    // A published name DNS cannot carry (a label over 63 bytes, say): a resolver would fail the lookup.
    return reply(RCODE.SERVFAIL);
  }
}

/** Build the response: QR, the query's opcode and RD, RA; AA clear (a recursive answer); TC when it had to be cut. */
function encode(
  query: { id: number; flags: number },
  rcode: Rcode,
  questions: dnsPacket.Question[],
  answers: dnsPacket.Answer[],
  opt: dnsPacket.OptAnswer | undefined,
  maxSize: number | undefined,
): Buffer {
  const keep = query.flags & ((0xf << 11) | dnsPacket.RECURSION_DESIRED);
  const flags = keep | dnsPacket.RECURSION_AVAILABLE | rcode;
  const edns: dnsPacket.OptAnswer = {
    type: "OPT",
    name: ".",
    udpPayloadSize: EDNS_PAYLOAD,
    extendedRcode: 0,
    ednsVersion: 0,
    flags: 0,
    flag_do: false,
    options: [],
  };
  const additionals: dnsPacket.Answer[] = opt === undefined ? [] : [edns];
  const udpLimit =
    opt === undefined ? CLASSIC_UDP_LIMIT : Math.min(Math.max(opt.udpPayloadSize, CLASSIC_UDP_LIMIT), EDNS_PAYLOAD);
  const limit = maxSize ?? udpLimit;
  const full = dnsPacket.encode({ type: "response", id: query.id, flags, questions, answers, additionals });
  if (full.length <= limit) return full;
  // RFC 2181 §9: a truncated answer is marked TC, and a client wanting all of it asks again over TCP.
  const truncated = flags | dnsPacket.TRUNCATED_RESPONSE;
  return dnsPacket.encode({ type: "response", id: query.id, flags: truncated, questions, answers: [], additionals });
}

/** A running DNS server. */
export interface DnsServer {
  /** The bound port (the same for UDP and TCP). */
  readonly port: number;
  close(): Promise<void>;
}

/** Bind UDP on `port` (0: a free one), then TCP on the same port; undefined when TCP finds that port taken. */
async function bindBoth(
  source: DnsSource,
  host: string,
  port: number,
  onError: (message: string) => void,
): Promise<DnsServer | undefined> {
  const udp: Socket = createSocket(isIPv6(host) ? "udp6" : "udp4");
  await new Promise<void>((resolve, reject) => {
    udp.once("error", reject);
    udp.bind(port, host, () => {
      udp.off("error", reject);
      resolve();
    });
  });
  const bound = udp.address().port;
  const closeUdp = (): Promise<void> => new Promise<void>((resolve) => udp.close(() => resolve()));
  const tcp = createServer((conn) => serveTcp(conn, source));
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen(bound, host, () => {
        tcp.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await closeUdp();
    if (port === 0 && (err as NodeJS.ErrnoException).code === "EADDRINUSE") return undefined;
    throw err;
  }
  udp.on("error", (err) => onError(`DNS server (UDP): ${err.message}`));
  tcp.on("error", (err) => onError(`DNS server (TCP): ${err.message}`));
  udp.on("message", (message: Buffer, peer: RemoteInfo) => {
    const reply = answerQuery(message, source);
    if (reply !== undefined) udp.send(reply, peer.port, peer.address);
  });
  const connections = new Set<TcpSocket>();
  tcp.on("connection", (conn) => {
    connections.add(conn);
    conn.on("close", () => connections.delete(conn));
  });
  return {
    port: bound,
    close: async () => {
      for (const conn of connections) conn.destroy();
      await Promise.all([closeUdp(), new Promise<void>((resolve) => tcp.close(() => resolve()))]);
    },
  };
}

/** RFC 1035 §4.2.2 / RFC 7766: over TCP each message is preceded by its two-byte length; a connection may carry many. */
function serveTcp(conn: TcpSocket, source: DnsSource): void {
  let pending = Buffer.alloc(0);
  conn.on("error", () => conn.destroy());
  conn.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2) {
      const length = pending.readUInt16BE(0);
      if (pending.length < 2 + length) return;
      const message = pending.subarray(2, 2 + length);
      pending = pending.subarray(2 + length);
      const reply = answerQuery(message, source, Number.POSITIVE_INFINITY);
      if (reply !== undefined)
        conn.write(Buffer.concat([Buffer.from([reply.length >> 8, reply.length & 0xff]), reply]));
    }
  });
}

/**
 * Serve the emulator's DNS on `host`:`port`, UDP and TCP (a truncated UDP answer is asked again over TCP, RFC 7766);
 * 0 picks a port free for both.
 */
export async function startDnsServer(
  source: DnsSource,
  host: string,
  port: number,
  onError: (message: string) => void,
): Promise<DnsServer> {
  // With port 0 the UDP port is free but the same TCP port may not be: try another (a bound number of times: each
  // attempt is two local binds, not a remote call).
  for (let attempt = 0; attempt < 20; attempt++) {
    const server = await bindBoth(source, host, port, onError);
    if (server !== undefined) return server;
  }
  throw new Error("No port is free for both UDP and TCP DNS.");
}
