import { Socket } from "node:net";
import { parseArgs } from "node:util";

/**
 * The client side of server-holds-more, run inside the bench namespace: opens `--count`
 * WebSocket connections to 127.0.0.1:PORT, spread over `--sources` source addresses
 * (127.0.0.2, 127.0.0.3, …: each has its own ephemeral-port range), at most `--in-flight`
 * handshakes at a time. Each is a bare socket sending the upgrade request by hand and waiting
 * for "101", so the client stays light and the server does the real ws handshake. Prints one
 * JSON line when done (or at the deadline) and holds every connection until stdin closes.
 * Connection i uses source 127.0.0.(2 + i mod sources), port first-port + ⌊i / sources⌋.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string" },
    count: { type: "string", default: "100000" },
    sources: { type: "string", default: "4" },
    "in-flight": { type: "string", default: "200" },
    "deadline-ms": { type: "string", default: "240000" },
    /** This process's connection numbers start here, so several processes never share a pair. */
    offset: { type: "string", default: "0" },
    "first-port": { type: "string", default: "10000" },
  },
});
const port = Number(values.port);
const count = Math.min(Number(values.count), 200_000);
const sources = Math.min(Number(values.sources), 250);
const maxInFlight = Number(values["in-flight"]);
const deadline = Date.now() + Number(values["deadline-ms"]);
const offset = Number(values.offset);
const firstPort = Number(values["first-port"]);

const upgrade =
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

const held: Socket[] = [];
const errors = new Map<string, number>();
let started = 0;
let inFlight = 0;
const start = performance.now();

function open(i: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const fail = (code: string) => {
      errors.set(code, (errors.get(code) ?? 0) + 1);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(() => fail("ETIMEDOUT"), 20_000);
    socket.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.code ?? "ERROR");
    });
    socket.once("data", (chunk: Buffer) => {
      clearTimeout(timer);
      if (!chunk.toString("latin1", 0, 12).startsWith("HTTP/1.1 101")) return fail("NOT_101");
      socket.pause();
      held.push(socket);
      resolve();
    });
    // Source address and port chosen here, not by bind(port 0): as a range fills up, the
    // kernel's search for a free port to bind makes each connect slower (quadratic overall).
    const localAddress = `127.0.0.${2 + (i % sources)}`;
    const localPort = firstPort + Math.floor(i / sources);
    socket.connect({ host: "127.0.0.1", port, localAddress, localPort }, () => socket.write(upgrade));
  });
}

await new Promise<void>((resolve) => {
  const next = () => {
    while (inFlight < maxInFlight && started < count && Date.now() < deadline) {
      const i = offset + started++;
      inFlight++;
      void open(i).then(() => {
        inFlight--;
        next();
      });
    }
    if (inFlight === 0) resolve();
  };
  next();
});

const elapsedMs = Math.round(performance.now() - start);
process.stdout.write(
  `${JSON.stringify({ held: held.length, attempted: started, errors: Object.fromEntries(errors), elapsedMs })}\n`,
);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
