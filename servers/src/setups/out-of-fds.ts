import { join } from "node:path";
import WebSocket from "ws";
import { descriptorsOf } from "../descriptors.ts";
import { spawnInNetns } from "../netns/spawn.ts";
import type { RunningSetup, Setup } from "../setup.ts";
import type { ServerSetting } from "../target.ts";

const serveMain = join(import.meta.dirname, "..", "bin", "serve-in-lab.ts");

/** `nofile`: the server's open-files limit, soft and hard (default 64; 32…1024). */
function limitOf(params: Readonly<Record<string, unknown>>): number {
  const nofile = Number(params.nofile ?? 64);
  if (!Number.isInteger(nofile) || nofile < 32 || nofile > 1_024) throw new Error("nofile must be 32…1024");
  return nofile;
}

/**
 * Opens WebSockets to the server one by one and keeps them open (each holds one of the server's
 * descriptors for as long as it lives, as a chat app's clients do), until `max` are open or the
 * server closes one at once. Bounded: `max` attempts, 2 s each, 20 s in all.
 */
async function holdWebSockets(url: string, max: number) {
  const held: WebSocket[] = [];
  let error: string | null = null;
  const deadline = Date.now() + 20_000;
  while (held.length < max && error === null && Date.now() < deadline) {
    error = await new Promise<string | null>((resolve) => {
      const socket = new WebSocket(url, { handshakeTimeout: 2_000 });
      socket.once("open", () => {
        held.push(socket);
        resolve(null);
      });
      socket.once("error", (e) => resolve(e.message));
    });
  }
  return { held, error };
}

/** The lowered limit as the lab starts the server, with what this run measured in its process. */
function loweredLimit(nofile: number, measured: { limit: number; openFds: number; held: number }) {
  const { limit, openFds, held } = measured;
  return {
    setting: `prlimit --nofile=${nofile}:${nofile}`,
    where: "server process",
    defaultNote: {
      es: `Medido en esta ejecución: «Max open files» ${limit} en /proc/PID/limits y ${openFds} descriptores abiertos por debajo en /proc/PID/fd, ${held} de ellos WebSocket. Node sube su límite blando al duro al arrancar: con el duro habitual (524288 en un servicio de systemd) esos ${held} WebSocket dejarían descriptores de sobra.`,
      en: `Measured in this run: "Max open files" ${limit} in /proc/PID/limits and ${openFds} descriptors open below it in /proc/PID/fd, ${held} of them WebSockets. Node raises its soft limit to the hard one at start: with the usual hard limit (524288 for a systemd service) those ${held} WebSockets would leave descriptors to spare.`,
    },
  } satisfies ServerSetting;
}

/**
 * The healthy web app (HTTP and WebSocket echo on one port, 127.0.0.1) in a process of its own,
 * `limited` or with the lab's own limit, and `nofile` WebSockets held open to it (fewer once the
 * server closes one at once). Its facts are what /proc says of that process once they are held.
 */
async function heldServer(nofile: number, limited: boolean): Promise<RunningSetup> {
  const args = ["--app", "web", "--host", "127.0.0.1"];
  const server = await spawnInNetns<{ port: number }>(undefined, serveMain, args, limited ? { nofile } : {});
  const url = `http://127.0.0.1:${server.ready.port}/`;
  const { held, error } = await holdWebSockets(url.replace(/^http/, "ws"), nofile).catch(async (e) => {
    await server.stop();
    throw e;
  });
  const close = async () => {
    for (const socket of held) socket.terminate();
    await server.stop();
  };
  const seen = await descriptorsOf(server.pid);
  if (!seen) {
    await close();
    throw new Error(`cannot read /proc/${server.pid}: the server's process is gone`);
  }
  const measured = { limit: seen.limit, openFds: seen.openFds, held: held.length };
  return {
    target: { url, ...(limited ? { serverSettings: [loweredLimit(nofile, measured)] } : {}) },
    facts: { ...measured, heldError: error },
    close,
  };
}

/**
 * Every descriptor below the limit is in use: the kernel still completes each client's
 * handshake, and libuv, on accept()'s EMFILE, frees the one it keeps in reserve, accepts and
 * closes every waiting connection, and takes the reserve back. Node logs nothing. A client that
 * sent its request before that close gets a RST, one that had not yet a FIN.
 */
export const fdsExhausted: Setup = {
  name: "fds-exhausted",
  tier: "lab",
  describe:
    "the web app on 127.0.0.1:PORT, started with a low open-files limit, every descriptor held by open WebSockets: it accepts and closes each new connection",
  start: (params) => heldServer(limitOf(params), true),
};

/** The fix: the same server and WebSockets with the lab's own limit (no prlimit): every client connects. */
export const fdsToSpare: Setup = {
  name: "fds-to-spare",
  tier: "lab",
  describe:
    "the same web app and open WebSockets, with the lab's own open-files limit: every client connects",
  start: (params) => heldServer(limitOf(params), false),
};
