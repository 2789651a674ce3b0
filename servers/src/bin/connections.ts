import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { connectBounded } from "../connect.ts";
import { exitWithParent } from "./parent.ts";

/**
 * The "many connections" client of the addrnotavail scenarios and the time-wait exercise, run in
 * the client namespace: `--mode hold` opens connections to one server one by one and keeps them
 * open (each takes an ephemeral port for as long as it lives); `--mode churn` opens and closes
 * them, the client closing first so each port sits in TIME_WAIT. `--waves N --pause-ms MS`
 * repeats `--max` connections N times with a pause between (tcp_tw_reuse reuses ports whose
 * TIME_WAIT is older than 1 s). Stops at the first error and prints
 * `{"done": N, "error": "CODE" | null, "message": "…"}`; held sockets stay open until stdin closes.
 * Bounded: at most 70 000 connections, 20 s of connecting.
 */
const { values } = parseArgs({
  options: {
    host: { type: "string" },
    port: { type: "string" },
    mode: { type: "string", default: "hold" },
    max: { type: "string", default: "16" },
    waves: { type: "string", default: "1" },
    "pause-ms": { type: "string", default: "0" },
    "timeout-ms": { type: "string", default: "2000" },
  },
});
const host = values.host ?? "";
const port = Number(values.port);
const max = Math.min(Number(values.max), 70_000);
const waves = Math.min(Number(values.waves), 10);
const timeoutMs = Number(values["timeout-ms"]);
const held: Socket[] = [];

/** Active close: we send FIN first, so TIME_WAIT (2 × MSL, 60 s on Linux) is on our side. */
function closeFirst(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.once("close", () => resolve());
    socket.resume();
    socket.end();
  });
}

let done = 0;
let failure: { error: string; message: string } | undefined;
const deadline = Date.now() + 20_000;
for (let wave = 0; wave < waves && !failure; wave++) {
  if (wave > 0) await sleep(Number(values["pause-ms"]));
  for (let i = 0; i < max && !failure && Date.now() < deadline; i++) {
    const result = await connectBounded({ host, port, timeoutMs });
    if (!result.ok) failure = { error: result.code, message: result.message };
    else if (values.mode === "churn") await closeFirst(result.socket);
    else held.push(result.socket);
    if (result.ok) done += 1;
  }
}
process.stdout.write(`${JSON.stringify({ done, ...(failure ?? { error: null, message: "" }) })}\n`);
exitWithParent(() => {
  for (const socket of held) socket.destroy();
});
