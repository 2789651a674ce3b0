import { join } from "node:path";
import { startHttp, startWs } from "@connlab/servers";
import { CONNECTED, describeSeen, probe, seeWith } from "../clients.ts";
import { readConf, required } from "../conf.ts";
import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";

const file = "server.conf";
const port = (ctx: ExerciseContext) => ctx.portBase + 3;
const protocols = ["http", "websocket"] as const;

function declaredProtocol(ctx: ExerciseContext): (typeof protocols)[number] {
  const value = required(readConf(join(ctx.dir, file), file), "protocol", file);
  const known = protocols.find((p) => p === value);
  if (!known) throw new Error(`${file}: protocol "${value}" is unknown; use one of: ${protocols.join(", ")}`);
  return known;
}

/**
 * The port speaks plain HTTP (fastify): a WebSocket client's upgrade request gets an ordinary
 * "200 OK" instead of "101 Switching Protocols", and the handshake fails.
 */
export const wsToHttpExercise: Exercise = {
  name: "ws-to-http",
  scenario: "protocol-ws-to-http",
  tier: "lab",
  summary: "a WebSocket client against a port that speaks only HTTP",
  ports: [{ offset: 3, use: "the server (HTTP, then WebSocket) on 127.0.0.1" }],
  files: (ctx) => ({
    [file]: [
      "# The server declaration of the ws-to-http exercise: the protocol its port speaks.",
      `# What the port speaks, one of: ${protocols.join(", ")}.`,
      "# After editing, restart it: pnpm connlab workshop restart ws-to-http",
      "protocol: http",
      "host: 127.0.0.1",
      `port: ${port(ctx)}`,
      "",
    ].join("\n"),
  }),
  serve: async (ctx) => {
    const protocol = declaredProtocol(ctx);
    const start = protocol === "websocket" ? startWs : startHttp;
    const server = await start({ host: "127.0.0.1", port: port(ctx) });
    return { listening: { protocol, host: server.host, port: server.port }, close: server.close };
  },
  hints: (ctx) => [
    `server declaration: ${join(ctx.dir, file)}`,
    `try:  pnpm connlab workshop try ws-to-http   (a WebSocket client on ws://127.0.0.1:${port(ctx)}/)`,
    `      curl -v -H 'Connection: Upgrade' -H 'Upgrade: websocket' http://127.0.0.1:${port(ctx)}/`,
    `      in Chromium's console: new WebSocket('ws://127.0.0.1:${port(ctx)}/')`,
  ],
  see: async (ctx) => {
    const url = `ws://127.0.0.1:${port(ctx)}/`;
    return [
      describeSeen(await probe("ws", url)),
      ...(await seeWith(["curl"], `http://127.0.0.1:${port(ctx)}/`)),
    ];
  },
  check: async (ctx, state) => {
    const protocol = declaredProtocol(ctx);
    if (protocol !== "websocket") {
      return fail(`${file} still declares protocol: ${protocol}; the client speaks WebSocket (ws://).`);
    }
    if (state.listening.protocol !== protocol) {
      return fail(
        `${file} declares ${protocol}, but the running server still speaks ${state.listening.protocol}.`,
        "Restart it so it reads the file again: pnpm connlab workshop restart ws-to-http",
      );
    }
    const seen = await probe("ws", `ws://127.0.0.1:${port(ctx)}/`);
    if (seen.code !== CONNECTED) return fail(describeSeen(seen));
    return pass(`${describeSeen(seen)} over ws://127.0.0.1:${port(ctx)}/`);
  },
};
