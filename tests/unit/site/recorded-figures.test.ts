import { describe, expect, it } from "vitest";
import { serverHoldsMore } from "../../../site/src/lib/server-holds-more.ts";
import { peerBehaviours, wsRawPeers } from "../../../site/src/lib/ws-raw-peers.ts";

// The figures pages render from recorded runs (site/src/data/*.json): the page's prose states
// what they show, so the data must still show it.
describe("recorded figures the guide renders", () => {
  it("server-holds-more: one server port held more connections than one client address has ports", () => {
    const run = serverHoldsMore;
    expect(run.held).toBe(run.requested);
    expect(run.held).toBeGreaterThan(run.clientPortRange.size);
    expect(run.established).toBeGreaterThanOrEqual(run.held);
    expect(run.clientPortRange.size).toBe(run.clientPortRange.last - run.clientPortRange.first + 1);
    expect(run.errors).toEqual({});
  });

  it("ws-raw-peers: three different Chromium lines, each the browser's own, none a watchdog's", () => {
    const lines = peerBehaviours.map((b) => wsRawPeers.peers[b]);
    for (const o of lines) {
      expect(o.client).toBe("chromium");
      expect(o.message).toMatch(/^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed: \S/);
    }
    expect(new Set(lines.map((o) => o.message.replace(/:\d+\//, ":PORT/"))).size).toBe(3);
    expect(wsRawPeers.peers.bytes.code).toBe("ERR_INVALID_HTTP_RESPONSE");
    // The silent peer is ended by Chromium's opening-handshake timer (240 s), before the
    // recorder's 300 s watchdog.
    expect(wsRawPeers.peers.silent.message).toMatch(/opening handshake timed out$/);
    expect(wsRawPeers.peers.silent.elapsedMs).toBeGreaterThan(200_000);
    expect(wsRawPeers.peers.silent.elapsedMs).toBeLessThan(300_000);
  });
});
