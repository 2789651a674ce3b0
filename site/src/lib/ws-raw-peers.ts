import recorded from "../data/ws-raw-peers.json" with { type: "json" };
import { type PeerBehaviour, WsRawPeers } from "./ws-raw-peers-schema.ts";

/** Chromium against three non-HTTP peers, validated at build time like the observations. */
export const wsRawPeers: WsRawPeers = WsRawPeers.parse(recorded);

/** In the order a reader meets them: an answer, a hang-up, silence. */
export const peerBehaviours: readonly PeerBehaviour[] = ["bytes", "close", "silent"];
