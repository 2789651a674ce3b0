import { Socket } from "node:net";
import { parseArgs } from "node:util";
import { exitWithParent } from "./parent.ts";

/**
 * The "many connections" client of the addrnotavail scenarios, run in the client namespace:
 * `--mode hold` opens connections to one server one by one and keeps them open (each takes an
 * ephemeral port for as long as it lives); `--mode churn` opens and closes them, the client
 * closing first so each port sits in TIME_WAIT. Both stop at the first error or at `--max`, and
 * print `{"done": N, "error": "CODE" | null}`; held sockets stay open until stdin closes.
 */
const { values } = parseArgs({
  options: {
    host: { type: "string" },
    port: { type: "string" },
    mode: { type: "string", default: "hold" },
    max: { type: "string", default: "16" },
    "timeout-ms": { type: "string", default: "2000" },
  },
});
const host = values.host ?? "";
const port = Number(values.port);
const max = Math.min(Number(values.max), 70_000);
const timeoutMs = Number(values["timeout-ms"]);
const held: Socket[] = [];

function connect(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" }));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.connect({ host, port });
  });
}

/** Active close: we send FIN first, so TIME_WAIT (2 × MSL, 60 s on Linux) is on our side. */
function closeFirst(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.once("close", () => resolve());
    socket.resume();
    socket.end();
  });
}

let done = 0;
let error: string | null = null;
const deadline = Date.now() + 20_000;
while (done < max && Date.now() < deadline) {
  try {
    const socket = await connect();
    if (values.mode === "churn") await closeFirst(socket);
    else held.push(socket);
    done += 1;
  } catch (caught) {
    error = (caught as NodeJS.ErrnoException).code ?? "ERROR";
    break;
  }
}
process.stdout.write(`${JSON.stringify({ done, error })}\n`);
exitWithParent(() => {
  for (const socket of held) socket.destroy();
});
