import { join } from "node:path";
import { startHttp } from "@connlab/servers";
import { CONNECTED, describeSeen, probe, seeWith } from "../clients.ts";
import { readConf, required } from "../conf.ts";
import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";

const file = "client.conf";
const serverPort = (ctx: ExerciseContext) => ctx.portBase + 1;
/** Where the broken client.conf points: nothing listens there, so the SYN gets a RST. */
const wrongPort = (ctx: ExerciseContext) => ctx.portBase + 10;

function clientUrl(ctx: ExerciseContext): URL {
  const raw = required(readConf(join(ctx.dir, file), file), "url", file);
  try {
    return new URL(raw);
  } catch {
    throw new Error(`${file}: "${raw}" is not a URL (expected http://127.0.0.1:PORT/)`);
  }
}

/** The server is up, the client's configuration names another port: ECONNREFUSED. */
export const wrongPortExercise: Exercise = {
  name: "wrong-port",
  scenario: "refused-wrong-port",
  tier: "lab",
  summary: "the client's config names a port nobody listens on",
  ports: [
    { offset: 1, use: "the HTTP server (127.0.0.1)" },
    { offset: 10, use: "the wrong port client.conf starts with (nothing listens)" },
  ],
  files: (ctx) => ({
    [file]: [
      "# The client of the wrong-port exercise: the URL it connects to.",
      "# The server is running. Find the port it really listens on and fix the URL,",
      "# then run: pnpm connlab workshop check wrong-port",
      `url: http://127.0.0.1:${wrongPort(ctx)}/`,
      "",
    ].join("\n"),
  }),
  serve: async (ctx) => {
    const server = await startHttp({ host: "127.0.0.1", port: serverPort(ctx) });
    return { listening: { protocol: "http", host: server.host, port: server.port }, close: server.close };
  },
  hints: (ctx) => [
    `client config: ${join(ctx.dir, file)}`,
    `try:  curl -v $(sed -n 's/^url: //p' ${join(ctx.dir, file)})`,
    "look: ss -ltnp    (which ports do node processes listen on?)",
  ],
  see: async (ctx) => {
    const url = clientUrl(ctx);
    return [`${file}: url ${url.href}`, ...(await seeWith(["curl", "fetch"], url.href))];
  },
  check: async (ctx, state) => {
    const url = clientUrl(ctx);
    const seen = await probe("fetch", url.href);
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    if (seen.code !== CONNECTED) {
      return fail(
        `${file} points at ${url.host}, and ${describeSeen(seen)}`,
        "Nothing listens on that port: find the port the server really uses (ss -ltnp) and put it in the URL.",
      );
    }
    if (port !== state.listening.port || !["127.0.0.1", "localhost"].includes(url.hostname)) {
      return fail(`${url.host} answers, but it is not the exercise's server: look again with ss -ltnp.`);
    }
    return pass(`${describeSeen(seen)} at ${url.href}`);
  },
};
