/**
 * The emulator's public DNS over the real DNS protocol (emulator/core/dns-server.ts): node's own c-ares resolver
 * pointed at `RunningEmulator.dnsServer` sees what the services see (CNAME chains, NXDOMAIN vs NODATA, SERVFAIL);
 * the wire answers have the shape a recursive resolver gives (answer order, flags, TTL 0, EDNS, RCODEs); and over
 * generated zones the wire answer is exactly what core/dns.ts resolves.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { promises as dns } from "node:dns";
import { connect } from "node:net";
import * as path from "node:path";
import * as dnsPacket from "dns-packet";
import fc from "fast-check";
import { startEmulator, type PublishedRecord, type RunningEmulator } from "../../emulator";
import { DnsView, MAX_CNAME_HOPS } from "../../emulator/core/dns";
import { answerQuery, txtStrings, type DnsSource } from "../../emulator/core/dns-server";

const REPO_ROOT = path.resolve(__dirname, "../..");

function dnsRecord(name: string, type: string, value: string): PublishedRecord {
  return { kind: "dns", name, type, value };
}

/** A c-ares resolver that asks only `server`, once, quickly. */
function resolverFor(server: string): dns.Resolver {
  const resolver = new dns.Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([server]);
  return resolver;
}

/** The error code a lookup rejects with (c-ares's, as node reports it). */
async function failure(lookup: Promise<unknown>): Promise<string | undefined> {
  return lookup.then(
    () => undefined,
    (e: NodeJS.ErrnoException) => e.code,
  );
}

/** One query message. */
function query(name: string, type: dnsPacket.RecordType, extra: Partial<dnsPacket.Packet> = {}): Buffer {
  return dnsPacket.encode({
    type: "query",
    id: 4242,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: "IN" }],
    ...extra,
  });
}

function sourceOf(records: readonly PublishedRecord[]): DnsSource {
  const view = new DnsView(records, 1);
  return { resolve: (n, t) => view.resolve(n, t), exists: (n) => view.exists(n) };
}

function ask(records: readonly PublishedRecord[], message: Buffer): dnsPacket.DecodedPacket & { rcode?: string } {
  const reply = answerQuery(message, sourceOf(records));
  assert.ok(reply !== undefined, "a reply");
  return dnsPacket.decode(reply) as dnsPacket.DecodedPacket & { rcode?: string };
}

/** TXT data as node's decoder returns it: an array of character-strings. */
function txtText(answer: dnsPacket.Answer): string {
  assert.equal(answer.type, "TXT");
  const data = answer.data;
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => (typeof p === "string" ? p : p.toString("utf8"))).join("");
}

describe("core: the DNS server (c-ares through RunningEmulator.dnsServer)", function () {
  this.timeout(30_000);
  let emu: RunningEmulator;
  let resolver: dns.Resolver;

  before(async () => {
    emu = await startEmulator({ quiet: true, speed: 0 });
    resolver = resolverFor(emu.dnsServer);
  });
  after(async () => {
    await emu.close();
  });
  afterEach(async () => {
    await emu.control.reset();
  });

  it("listens on 127.0.0.1 and reports its address on the handle and in health", async () => {
    assert.match(emu.dnsServer, /^127\.0\.0\.1:\d+$/);
    assert.notEqual(emu.dnsServer, "127.0.0.1:0");
    assert.equal((await emu.control.health()).dnsServer, emu.dnsServer);
  });

  it("resolveTxt of a CNAMEd name returns the target's TXT; resolveCname returns the CNAME", async () => {
    await emu.control.publishRecord(
      dnsRecord("_dnsauth.shop.customer.com", "CNAME", "shop.customer.com.dcv.saas.test"),
    );
    await emu.control.publishRecord(dnsRecord("shop.customer.com.dcv.saas.test", "TXT", "token-1"));
    assert.deepEqual(await resolver.resolveTxt("_dnsauth.shop.customer.com"), [["token-1"]]);
    assert.deepEqual(await resolver.resolveCname("_dnsauth.shop.customer.com"), ["shop.customer.com.dcv.saas.test"]);
    assert.deepEqual(await resolver.resolveTxt("_DNSAUTH.Shop.Customer.COM."), [["token-1"]], "names ignore case");
  });

  it("answers A and AAAA through CNAMEs, and splits a TXT over 255 bytes into character-strings", async () => {
    await emu.control.publishRecord(dnsRecord("www.customer.com", "CNAME", "edge.saas.test"));
    await emu.control.publishRecord(dnsRecord("edge.saas.test", "A", "203.0.113.7"));
    await emu.control.publishRecord(dnsRecord("edge.saas.test", "AAAA", "2001:db8::7"));
    const long = "v".repeat(600);
    await emu.control.publishRecord(dnsRecord("long.saas.test", "TXT", long));
    assert.deepEqual(await resolver.resolve4("www.customer.com"), ["203.0.113.7"]);
    assert.deepEqual(await resolver.resolve6("www.customer.com"), ["2001:db8::7"]);
    const [chunks] = await resolver.resolveTxt("long.saas.test");
    assert.deepEqual(
      chunks?.map((c) => c.length),
      [255, 255, 90],
    );
    assert.equal(chunks?.join(""), long);
  });

  it("a name that does not exist rejects ENOTFOUND (NXDOMAIN); one without the type ENODATA (NODATA)", async () => {
    await emu.control.publishRecord(dnsRecord("_dnsauth.shop.customer.com", "TXT", "t"));
    assert.equal(await failure(resolver.resolveTxt("missing.customer.com")), "ENOTFOUND");
    assert.equal(await failure(resolver.resolveCname("missing.customer.com")), "ENOTFOUND");
    // shop.customer.com holds nothing but has a name below it: it exists (RFC 8020).
    assert.equal(await failure(resolver.resolveTxt("shop.customer.com")), "ENODATA");
    assert.equal(await failure(resolver.resolveCname("_dnsauth.shop.customer.com")), "ENODATA");
    // A CNAME to a name that does not exist: NXDOMAIN for the chain's end (RFC 6604).
    await emu.control.publishRecord(dnsRecord("dangling.customer.com", "CNAME", "gone.saas.test"));
    assert.equal(await failure(resolver.resolveTxt("dangling.customer.com")), "ENOTFOUND");
  });

  it("a CNAME loop or a chain longer than the resolver follows is SERVFAIL", async () => {
    await emu.control.publishRecord(dnsRecord("a.loop.test", "CNAME", "b.loop.test"));
    await emu.control.publishRecord(dnsRecord("b.loop.test", "CNAME", "a.loop.test"));
    assert.equal(await failure(resolver.resolveTxt("a.loop.test")), "ESERVFAIL");
    for (let i = 0; i <= MAX_CNAME_HOPS; i++) {
      await emu.control.publishRecord(dnsRecord(`h${i}.chain.test`, "CNAME", `h${i + 1}.chain.test`));
    }
    await emu.control.publishRecord(dnsRecord(`h${MAX_CNAME_HOPS + 1}.chain.test`, "TXT", "far"));
    assert.equal(await failure(resolver.resolveTxt("h0.chain.test")), "ESERVFAIL");
    assert.deepEqual(await resolver.resolveTxt("h1.chain.test"), [["far"]], "8 hops are followed");
  });

  it("answers what is published now: a removed record is gone at once (TTL 0, no cache)", async () => {
    await emu.control.publishRecord(dnsRecord("now.saas.test", "TXT", "first"));
    assert.deepEqual(await resolver.resolveTxt("now.saas.test"), [["first"]]);
    await emu.control.unpublishRecord({ kind: "dns", name: "now.saas.test" });
    assert.equal(await failure(resolver.resolveTxt("now.saas.test")), "ENOTFOUND");
  });

  it("serves TCP on the same port: length-prefixed messages, several on one connection (RFC 7766)", async () => {
    await emu.control.publishRecord(dnsRecord("tcp.saas.test", "TXT", "x".repeat(2000)));
    const [host, port] = emu.dnsServer.split(":");
    const frame = (m: Buffer): Buffer => Buffer.concat([Buffer.from([m.length >> 8, m.length & 0xff]), m]);
    const replies = await new Promise<Buffer[]>((resolve, reject) => {
      const conn = connect(Number(port), host ?? "", () => {
        conn.write(Buffer.concat([frame(query("tcp.saas.test", "TXT")), frame(query("missing.saas.test", "TXT"))]));
      });
      let data = Buffer.alloc(0);
      const messages: Buffer[] = [];
      conn.on("error", reject);
      conn.on("data", (chunk: Buffer) => {
        data = Buffer.concat([data, chunk]);
        while (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
          messages.push(data.subarray(2, 2 + data.readUInt16BE(0)));
          data = data.subarray(2 + data.readUInt16BE(0));
        }
        if (messages.length === 2) {
          conn.end();
          resolve(messages);
        }
      });
    });
    const [big, missing] = replies.map((r) => dnsPacket.decode(r) as dnsPacket.DecodedPacket & { rcode?: string });
    assert.equal(big?.flag_tc, false, "nothing is cut over TCP");
    assert.equal(txtText(big?.answers?.[0] ?? { type: "A", name: "", data: "" }), "x".repeat(2000));
    assert.equal(missing?.rcode, "NXDOMAIN");
  });

  it("binds the configured dnsPort", async () => {
    const probe = createSocket("udp4");
    const free = await new Promise<number>((resolve) =>
      probe.bind(0, "127.0.0.1", () => resolve(probe.address().port)),
    );
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const other = await startEmulator({ quiet: true, dnsPort: free });
    try {
      assert.equal(other.dnsServer, `127.0.0.1:${free}`);
      await other.control.publishRecord(dnsRecord("port.saas.test", "TXT", "p"));
      assert.deepEqual(await resolverFor(other.dnsServer).resolveTxt("port.saas.test"), [["p"]]);
      await assert.rejects(startEmulator({ quiet: true, dnsPort: free }), /EADDRINUSE/, "a taken port fails the start");
    } finally {
      await other.close();
    }
  });
});

describe("core: DNS wire answers (dns-packet)", () => {
  const zone = [
    dnsRecord("_dnsauth.shop.customer.com", "CNAME", "mid.saas.test"),
    dnsRecord("mid.saas.test", "CNAME", "end.saas.test"),
    dnsRecord("end.saas.test", "TXT", "one"),
    dnsRecord("end.saas.test", "TXT", "two"),
    dnsRecord("broken.saas.test", "CNAME", "nowhere.saas.test"),
  ];

  it("the CNAME chain first, each hop in order, then the records at the target; recursive flags, TTL 0", () => {
    const reply = ask(zone, query("_dnsauth.Shop.customer.com", "TXT"));
    assert.equal(reply.id, 4242);
    assert.equal(reply.type, "response");
    assert.equal(reply.rcode, "NOERROR");
    assert.equal(reply.flag_rd, true, "RD echoed");
    assert.equal(reply.flag_ra, true, "a recursive resolver");
    assert.equal(reply.flag_aa, false, "not authoritative");
    assert.equal(reply.flag_tc, false);
    assert.deepEqual(reply.questions, [{ name: "_dnsauth.Shop.customer.com", type: "TXT", class: "IN" }]);
    const answers = reply.answers ?? [];
    assert.deepEqual(
      answers.slice(0, 2).map((a) => [a.type, a.name, "data" in a ? a.data : undefined]),
      [
        ["CNAME", "_dnsauth.Shop.customer.com", "mid.saas.test"],
        ["CNAME", "mid.saas.test", "end.saas.test"],
      ],
    );
    assert.deepEqual(answers.slice(2).map(txtText), ["one", "two"]);
    assert.deepEqual(
      answers.map((a) => [a.name === "end.saas.test" || a.type === "CNAME", "ttl" in a ? a.ttl : -1]),
      answers.map(() => [true, 0]),
    );
  });

  it("NXDOMAIN at the end of a chain keeps the CNAME in the answer (RFC 6604)", () => {
    const reply = ask(zone, query("broken.saas.test", "TXT"));
    assert.equal(reply.rcode, "NXDOMAIN");
    assert.deepEqual(
      (reply.answers ?? []).map((a) => a.type),
      ["CNAME"],
    );
    assert.equal(ask(zone, query("saas.test", "TXT")).rcode, "NOERROR", "an ancestor of a record exists");
  });

  it("NOTIMP for other types and opcodes, FORMERR for two questions or garbage, REFUSED for another class", () => {
    assert.equal(ask(zone, query("end.saas.test", "MX")).rcode, "NOTIMP");
    const notify = dnsPacket.encode({
      type: "query",
      id: 7,
      flags: 4 << 11, // opcode NOTIFY
      questions: [{ type: "TXT", name: "end.saas.test", class: "IN" }],
    });
    assert.equal(ask(zone, notify).rcode, "NOTIMP");
    const two = dnsPacket.encode({
      type: "query",
      id: 8,
      questions: [
        { type: "TXT", name: "end.saas.test", class: "IN" },
        { type: "A", name: "end.saas.test", class: "IN" },
      ],
    });
    assert.equal(ask(zone, two).rcode, "FORMERR");
    assert.equal(
      ask(zone, query("end.saas.test", "TXT", { questions: [{ type: "TXT", name: "x", class: "CH" }] })).rcode,
      "REFUSED",
    );
    const garbage = Buffer.concat([
      Buffer.from([0x12, 0x34, 0x01, 0x00, 0x00, 0x01]),
      Buffer.alloc(8),
      Buffer.from([0xff]),
    ]);
    const formerr = ask(zone, garbage);
    assert.equal(formerr.rcode, "FORMERR");
    assert.equal(formerr.id, 0x1234);
    assert.equal(answerQuery(Buffer.from([1, 2, 3]), sourceOf(zone)), undefined, "no header, no answer");
    const response = dnsPacket.encode({ type: "response", id: 9, questions: [] });
    assert.equal(answerQuery(response, sourceOf(zone)), undefined, "responses are not answered");
  });

  it("echoes EDNS(0) and truncates (TC) an answer larger than the client's payload size", () => {
    const big = Array.from({ length: 4 }, (_, i) => dnsRecord("big.saas.test", "TXT", `${i}`.repeat(200)));
    const classic = ask(big, query("big.saas.test", "TXT"));
    assert.equal(classic.flag_tc, true, "over 512 bytes without EDNS");
    assert.deepEqual(classic.answers, []);
    assert.equal((classic.additionals ?? []).length, 0);
    const opt: dnsPacket.OptAnswer = {
      type: "OPT",
      name: ".",
      udpPayloadSize: 4096,
      extendedRcode: 0,
      ednsVersion: 0,
      flags: 0,
      flag_do: false,
      options: [],
    };
    const edns = ask(big, query("big.saas.test", "TXT", { additionals: [opt] }));
    assert.equal(edns.flag_tc, false, "fits the announced 1232 bytes");
    assert.equal((edns.answers ?? []).length, 4);
    assert.deepEqual(
      (edns.additionals ?? []).map((a) => [a.type, "udpPayloadSize" in a ? a.udpPayloadSize : 0]),
      [["OPT", 1232]],
    );
  });

  it("splits TXT values by bytes, not characters", () => {
    assert.deepEqual(
      txtStrings("é".repeat(200)).map((b) => b.length),
      [255, 145],
    );
    assert.deepEqual(txtStrings(""), [Buffer.alloc(0)]);
  });

  it("over generated zones, the wire answer is what core/dns.ts resolves", () => {
    const names = ["a.z.test", "b.z.test", "c.z.test", "d.z.test", "e.y.z.test", "f.y.z.test"];
    const name = fc.constantFrom(...names);
    const content = fc.oneof(
      fc.record({ cname: name }),
      fc.record({ txt: fc.uniqueArray(fc.string({ minLength: 0, maxLength: 300 }), { maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(name, content, { maxKeys: 6 }),
        name,
        fc.constantFrom("TXT", "CNAME"),
        (raw, qname, qtype) => {
          const records: PublishedRecord[] = Object.entries(raw).flatMap(([owner, c]) =>
            "cname" in c ? [dnsRecord(owner, "CNAME", c.cname)] : c.txt.map((v) => dnsRecord(owner, "TXT", v)),
          );
          const resolved = new DnsView(records, 1).resolve(qname, qtype);
          const reply = ask(records, query(qname, qtype as dnsPacket.RecordType));
          if (resolved.status === "SERVFAIL") {
            assert.equal(reply.rcode, "SERVFAIL");
            assert.deepEqual(reply.answers, []);
            return;
          }
          const answers = reply.answers ?? [];
          const hops = resolved.chain.length - 1;
          assert.deepEqual(
            answers.slice(0, hops).map((a) => ("data" in a ? a.data : undefined)),
            resolved.chain.slice(1),
            "one CNAME per hop, in order",
          );
          const data = answers.slice(hops);
          assert.deepEqual(
            data.map((a) => (a.type === "TXT" ? txtText(a) : "data" in a ? a.data : undefined)),
            resolved.values,
          );
          const last = resolved.chain[hops] ?? "";
          const exists = records.some((r) => r.name === last || r.name.endsWith(`.${last}`));
          assert.equal(reply.rcode, resolved.values.length === 0 && !exists ? "NXDOMAIN" : "NOERROR");
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("core: the alicloud-emulator command prints the DNS server", function () {
  this.timeout(60_000);

  it("prints `dns server: 127.0.0.1:PORT` and answers there", async () => {
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "emulator/bin.ts", "--port", "0"],
      { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const server = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /dns server:\s+(127\.0\.0\.1:\d+)/.exec(out);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      assert.equal(await failure(resolverFor(server).resolveTxt("nothing.example")), "ENOTFOUND");
    } finally {
      child.kill("SIGTERM");
    }
  });
});
