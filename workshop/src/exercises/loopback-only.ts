import { isIP } from "node:net";
import { join } from "node:path";
import { startHttp } from "@connlab/servers";
import { CONNECTED, describeSeen, probe, seeWith } from "../clients.ts";
import { readConf, required } from "../conf.ts";
import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";

const file = "server.conf";
const port = (ctx: ExerciseContext) => ctx.portBase + 2;
/** Stands for "the LAN address": another local address, a different segment from 127.0.0.1. */
const otherAddress = "127.0.0.2";

function serverConf(ctx: ExerciseContext): { host: string; port: number } {
  const conf = readConf(join(ctx.dir, file), file);
  const host = required(conf, "host", file);
  if (isIP(host) === 0) throw new Error(`${file}: host "${host}" is not an IP address (try 0.0.0.0)`);
  return { host, port: Number(required(conf, "port", file)) };
}

/** The server binds 127.0.0.1: a client that comes in through 127.0.0.2 gets a RST. */
export const loopbackOnlyExercise: Exercise = {
  name: "loopback-only",
  scenario: "refused-loopback-only",
  tier: "lab",
  summary: "the server listens on 127.0.0.1 only; clients use another address",
  ports: [{ offset: 2, use: "the HTTP server (127.0.0.1, then 0.0.0.0)" }],
  files: (ctx) => ({
    [file]: [
      "# The server of the loopback-only exercise: the address and port it listens on.",
      "# After editing, restart it: pnpm connlab workshop restart loopback-only",
      "host: 127.0.0.1",
      `port: ${port(ctx)}`,
      "",
    ].join("\n"),
  }),
  serve: async (ctx) => {
    const conf = serverConf(ctx);
    const server = await startHttp({ host: conf.host, port: conf.port });
    return { listening: { protocol: "http", host: server.host, port: server.port }, close: server.close };
  },
  hints: (ctx) => [
    `server config: ${join(ctx.dir, file)}`,
    `try:  curl -v http://${otherAddress}:${port(ctx)}/   (refused)`,
    `      curl -v http://127.0.0.1:${port(ctx)}/   (works)`,
    `look: ss -ltnp 'sport = :${port(ctx)}'`,
  ],
  see: (ctx) => seeWith(["curl", "fetch"], `http://${otherAddress}:${port(ctx)}/`),
  check: async (ctx, state) => {
    const conf = serverConf(ctx);
    if (conf.port !== port(ctx)) {
      return fail(`${file} says port ${conf.port}; the clients use ${port(ctx)}: put the port back.`);
    }
    if (conf.host !== state.listening.host) {
      return fail(
        `${file} says host ${conf.host}, but the running server still listens on ${state.listening.host}.`,
        "Restart it so it reads the file again: pnpm connlab workshop restart loopback-only",
      );
    }
    const urls = [`http://${otherAddress}:${port(ctx)}/`, `http://127.0.0.1:${port(ctx)}/`];
    const seen = await Promise.all(urls.map((url) => probe("fetch", url)));
    const failed = seen.findIndex((s) => s.code !== CONNECTED);
    if (failed >= 0 && seen[failed]) {
      return fail(
        `${urls[failed]}: ${describeSeen(seen[failed])}`,
        `The server listens on ${conf.host} only: listen on 0.0.0.0 so every local address can connect.`,
      );
    }
    return pass(
      `the server listens on ${conf.host}:${conf.port}; ${otherAddress} and 127.0.0.1 both connect`,
    );
  },
};
