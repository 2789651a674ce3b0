import { RecordedObservation } from "@connlab/probes/artifact";
import { z } from "zod";

/**
 * What Chromium printed against three non-HTTP peers (site/scripts/record-ws-raw-peers.ts): one
 * that sends bytes, one that closes without a byte, one that stays silent.
 */
export const WsRawPeers = z
  .object({
    recordedAt: z.string(),
    peers: z
      .object({ bytes: RecordedObservation, close: RecordedObservation, silent: RecordedObservation })
      .strict(),
  })
  .strict();
export type WsRawPeers = z.infer<typeof WsRawPeers>;
export type PeerBehaviour = keyof WsRawPeers["peers"];
