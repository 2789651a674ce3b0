import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * A port nothing listens on right now: bind port 0, read it back, close. Another process could
 * take it in between; for a server that listens on it at once, that is rare enough to accept.
 */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return address.port;
}

/** Whether a server can listen on this port now (then closes it again). */
function canListen(port: number, host: string): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** The low end of the kernel's ephemeral range: listen(0) and connect() take ports from there up. */
function ephemeralLow(): number {
  try {
    return Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
  } catch {
    return 32_768;
  }
}

/**
 * A port where nothing must listen for as long as a setup runs (a refused port, a proxy that is
 * not there): one below the kernel's ephemeral range, which no other server's listen(0) or
 * client's connect() is ever given, so it stays unanswered for minutes (`connlab start`'s lab)
 * and not only for the moment freePort's does. A try-it run once found a port freePort had
 * given answered by a server another setup started later on port 0. Falls back to freePort
 * where the range leaves no room below it.
 */
export async function unusedPort(host = "127.0.0.1"): Promise<number> {
  const high = ephemeralLow() - 1;
  const low = Math.max(10_000, high - 12_000);
  for (let attempt = 0; attempt < 20 && high > low; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canListen(port, host)) return port;
  }
  return freePort(host);
}
