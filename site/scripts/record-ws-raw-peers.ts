/**
 * Records what Chromium prints when `new WebSocket(ws://…)` meets a TCP peer that speaks no HTTP,
 * in the three ways such a peer behaves: it sends bytes that are not an HTTP status line, it
 * closes (FIN) without a byte, or it stays silent with the connection open. Each peer listens on
 * 127.0.0.1; the lines go to site/src/data/ws-raw-peers.json, which the protocol/ws-to-raw-tcp
 * page renders. Chromium runs with its defaults, so the silent peer lasts until Chromium's own
 * opening-handshake timer; the watchdog below only ends a run that outlives it (a failed run).
 * Run: node site/scripts/record-ws-raw-peers.ts
 */
import { writeFileSync } from "node:fs";
import { clients, closeChromium } from "@connlab/probes";
import { startMute, startNet, startSilentClose } from "@connlab/servers";
import { WsRawPeers } from "../src/lib/ws-raw-peers-schema.ts";

const output = new URL("../src/data/ws-raw-peers.json", import.meta.url);
/** Longer than Chromium's opening-handshake timer (240 s): if it fires, the run failed. */
const watchdogMs = 300_000;

const peers = {
  bytes: () => startNet({ host: "127.0.0.1" }),
  close: () => startSilentClose({ host: "127.0.0.1" }),
  silent: () => startMute({ host: "127.0.0.1" }),
} as const;

const chromium = clients.chromium;
if (!chromium) throw new Error("the chromium client is missing");

const runs = await Promise.all(
  Object.entries(peers).map(async ([behaviour, start]) => {
    const peer = await start();
    try {
      const observation = await chromium.probe({ url: `ws://127.0.0.1:${peer.port}/` }, { watchdogMs });
      return [behaviour, observation] as const;
    } finally {
      await peer.close();
    }
  }),
);
await closeChromium();
const recorded = WsRawPeers.parse({ recordedAt: new Date().toISOString(), peers: Object.fromEntries(runs) });
const failed = Object.entries(recorded.peers).filter(
  ([, o]) => !o.message.startsWith("WebSocket connection to "),
);
if (failed.length > 0) {
  process.stderr.write(
    `no Chromium console line for: ${failed.map(([b, o]) => `${b} (${o.message})`).join(", ")}\n`,
  );
  process.exit(1);
}
writeFileSync(output, `${JSON.stringify(recorded, null, 2)}\n`);
process.stdout.write("recorded → site/src/data/ws-raw-peers.json\n");
