import { join } from "node:path";
import { startHttp } from "@connlab/servers";
import { CONNECTED, describeSeen, probe, seeWith } from "../clients.ts";
import { readConf, required } from "../conf.ts";
import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";

const file = "client.conf";
const port = (ctx: ExerciseContext) => ctx.portBase + 4;

function clientUrl(ctx: ExerciseContext): URL {
  const raw = required(readConf(join(ctx.dir, file), file), "url", file);
  try {
    return new URL(raw);
  } catch {
    throw new Error(`${file}: "${raw}" is not a URL`);
  }
}

/**
 * The client opens with a TLS ClientHello; the plain HTTP server reads it as a malformed request
 * and answers "400 Bad Request" in clear text, which OpenSSL rejects as "wrong version number".
 */
export const tlsMismatchExercise: Exercise = {
  name: "tls-mismatch",
  scenario: "protocol-tls-mismatch",
  tier: "lab",
  summary: "an https:// URL against a port without TLS",
  ports: [{ offset: 4, use: "the plain HTTP server (no TLS) on 127.0.0.1" }],
  files: (ctx) => ({
    [file]: [
      "# The client of the tls-mismatch exercise: the URL it connects to.",
      "# Does the server on that port speak TLS? Fix the URL, then run:",
      "#   pnpm connlab workshop check tls-mismatch",
      `url: https://127.0.0.1:${port(ctx)}/`,
      "",
    ].join("\n"),
  }),
  serve: async (ctx) => {
    const server = await startHttp({ host: "127.0.0.1", port: port(ctx) });
    return { listening: { protocol: "http", host: server.host, port: server.port }, close: server.close };
  },
  hints: (ctx) => [
    `client config: ${join(ctx.dir, file)}`,
    `try:  curl -v https://127.0.0.1:${port(ctx)}/`,
    `look: openssl s_client -connect 127.0.0.1:${port(ctx)} </dev/null`,
  ],
  see: async (ctx) => {
    const url = clientUrl(ctx);
    return [`${file}: url ${url.href}`, ...(await seeWith(["curl", "node-http"], url.href))];
  },
  check: async (ctx, state) => {
    const url = clientUrl(ctx);
    if (url.protocol === "https:" || url.protocol === "wss:") {
      const seen = await probe("curl", url.href);
      return fail(
        `${file} uses ${url.protocol}// and ${describeSeen(seen)}`,
        `Port ${state.listening.port} speaks plain HTTP, without TLS: use the scheme that matches it.`,
      );
    }
    if (url.protocol !== "http:") return fail(`${file}: the server speaks HTTP, not ${url.protocol}//`);
    if (Number(url.port) !== state.listening.port) {
      return fail(
        `${file} now points at port ${url.port || 80}; keep the exercise's port ${state.listening.port}.`,
      );
    }
    const seen = await probe("curl", url.href);
    if (seen.code !== CONNECTED) return fail(describeSeen(seen));
    return pass(`${describeSeen(seen)} at ${url.href}`);
  },
};
