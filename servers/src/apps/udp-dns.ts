import { createSocket } from "node:dgram";
import type { Listening } from "./http.ts";

/**
 * A tiny authoritative DNS server (UDP, RFC 1035): an A query for a name in `records` gets that
 * address, anything else NXDOMAIN. Enough for clients that resolve through getaddrinfo.
 */
export async function startUdpDns(options: {
  host: string;
  port?: number;
  records: Readonly<Record<string, string>>;
}): Promise<Listening> {
  const socket = createSocket("udp4");
  socket.on("message", (query, peer) => {
    const reply = answer(query, options.records);
    if (reply) socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(options.port ?? 0, options.host, resolve);
  });
  return {
    host: options.host,
    port: socket.address().port,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function answer(query: Buffer, records: Readonly<Record<string, string>>): Buffer | undefined {
  if (query.length < 12) return undefined;
  // Question: labels until a zero byte, then QTYPE and QCLASS.
  const labels: string[] = [];
  let offset = 12;
  while (offset < query.length && query[offset] !== 0) {
    const length = query[offset] ?? 0;
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString("ascii"));
    offset += length + 1;
  }
  const questionEnd = offset + 5;
  if (questionEnd > query.length) return undefined;
  const type = query.readUInt16BE(offset + 1);
  const address = records[labels.join(".").toLowerCase()];
  const header = Buffer.from(query.subarray(0, 12));
  const found = address !== undefined;
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | (found ? 0 : 3), 2); // QR AA RD, rcode
  header.writeUInt16BE(1, 4); // QDCOUNT
  header.writeUInt16BE(found && type === 1 ? 1 : 0, 6); // ANCOUNT: A only; AAAA gets no data
  header.writeUInt32BE(0, 8); // NSCOUNT, ARCOUNT
  const question = query.subarray(12, questionEnd);
  if (!found || type !== 1) return Buffer.concat([header, question]);
  const record = Buffer.alloc(16);
  record.writeUInt16BE(0xc00c, 0); // name: pointer to the question's
  record.writeUInt16BE(1, 2); // TYPE A
  record.writeUInt16BE(1, 4); // CLASS IN
  record.writeUInt32BE(5, 6); // TTL 5 s
  record.writeUInt16BE(4, 10);
  address.split(".").forEach((part, i) => {
    record.writeUInt8(Number(part), 12 + i);
  });
  return Buffer.concat([header, question, record]);
}
