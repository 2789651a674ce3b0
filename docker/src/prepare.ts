/**
 * What a client container does before the catalogue's clients run, on its own kernel (its
 * network namespace has the scenario's sysctls). Returns how to undo it.
 */
import { lookup } from "node:dns/promises";
import { Socket } from "node:net";
import type { Scenario } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import { execa } from "execa";
import type { ClientContainer } from "./stack.ts";

const connectTimeoutMs = 2_000;

/** One TCP connection to host:port; resolves with the socket, or undefined when it failed. */
function open(host: string, port: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, connectTimeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("error", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    socket.connect({ host, port });
  });
}

/**
 * Closes from our side first, after reading the server's greeting: a close with unread data
 * would send RST instead of FIN and leave no TIME_WAIT behind (RFC 1122, 4.2.2.13).
 */
function closeFirst(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve();
    }, connectTimeoutMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once("data", () => socket.end());
    socket.resume();
  });
}

async function hostAndPort(target: Target): Promise<{ host: string; port: number }> {
  const url = new URL(target.url);
  // Resolve once: the client containers' tiny port range is for TCP to the server only.
  const { address } = await lookup(url.hostname, { family: 4 });
  return { host: address, port: Number(url.port) };
}

export async function prepare(
  kind: ClientContainer["prepare"],
  target: Target,
  scenario: Scenario,
): Promise<() => Promise<void>> {
  const size = Number(scenario.fault.params.size ?? 0);
  if (kind === "hold") {
    const { host, port } = await hostAndPort(target);
    // Every port of the range held open to the same server: the next connect has none left.
    const held = await Promise.all(Array.from({ length: size }, () => open(host, port)));
    return async () => {
      for (const socket of held) socket?.destroy();
    };
  }
  if (kind === "time-wait") {
    const { host, port } = await hostAndPort(target);
    // Short connections one after another: each leaves its port in TIME_WAIT for 60 s.
    for (let i = 0; i < size; i++) {
      const socket = await open(host, port);
      if (socket) await closeFirst(socket);
    }
    return async () => {};
  }
  if (kind === "route-via-wan") {
    const { address } = await lookup("wan", { family: 4 });
    // Replace (not add): the client may run this again; `wan` forwards nothing.
    await execa("ip", ["route", "replace", "default", "via", address], { timeout: 5_000 });
    return async () => {};
  }
  return async () => {};
}
