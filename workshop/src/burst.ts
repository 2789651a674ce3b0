/**
 * Many short connections in a row, as a busy client makes them: each connects, reads the server's
 * greeting and closes first, so its local port stays in TIME_WAIT (RFC 9293 §3.6). Two waves of
 * `wave` connections with a pause between them: with net.ipv4.tcp_tw_reuse=1 the second wave may
 * take ports whose TIME_WAIT is older than tcp_tw_reuse_delay (1 s); with 0 it cannot.
 * Usage: burst.ts <host> <port> [wave=8] [pauseMs=2100]. Prints one JSON line.
 */
import { Socket } from "node:net";

const [host = "127.0.0.1", portText = "0", waveText = "8", pauseText = "2100"] = process.argv.slice(2);
const port = Number(portText);
const wave = Number(waveText);

function once(): Promise<{ code: string; message: string }> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ code: "ETIMEDOUT", message: `connect ETIMEDOUT ${host}:${port}` });
    }, 2_000);
    socket.once("data", () => socket.end());
    socket.once("close", () => {
      clearTimeout(timer);
      resolve({ code: "OK", message: "" });
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ code: error.code ?? "ERROR", message: error.message });
    });
    socket.connect({ host, port });
  });
}

let connected = 0;
let failure: { code: string; message: string } | undefined;
for (let round = 0; round < 2 && !failure; round++) {
  if (round > 0) await new Promise((resolve) => setTimeout(resolve, Number(pauseText)));
  for (let i = 0; i < wave && !failure; i++) {
    const result = await once();
    if (result.code === "OK") connected++;
    else failure = result;
  }
}
process.stdout.write(
  `${JSON.stringify({ attempted: wave * 2, connected, ...(failure ?? { code: "OK", message: "" }) })}\n`,
);
