/**
 * The timers that decide how long a client waits, by whose clock. The lab never cuts a client
 * off: it shortens the kernel's own SYN retries inside its client namespaces, so a dropped SYN
 * ends in the kernel's ETIMEDOUT in seconds instead of minutes, with the same errno and text.
 */

/** Linux's default `net.ipv4.tcp_syn_retries`: the kernel gives up after about 127 s. */
export const defaultSynRetries = 6;

/**
 * The lab's value in its client namespaces. 3 retries end at 15 s: later than undici's 10 s
 * connect timer, so fetch and Node's WebSocket still fail by their own clock, as by default.
 */
export const labSynRetries = 3;

/**
 * When connect() fails with ETIMEDOUT, nominally: the first SYN's 1 s timeout, doubled per
 * retry (RFC 6298). The kernel's timer wheel fires such long timers late (measured on Linux 6.18:
 * 19.5 s for 3 retries, 135 s for 6), so windows allow a third more.
 */
export function synTimeoutMs(retries: number): number {
  return (2 ** (retries + 1) - 1) * 1_000;
}

/** Linux's neighbour defaults: 3 unanswered ARP requests (mcast_solicit), 1 s apart (retrans_time_ms). */
export const arpGiveUpMs = 3_000;

/**
 * Of the clients that wait for ARP in one run, the longest waiter started the query and saw it
 * give up: at least this long, which an immediate ICMP reject never takes.
 */
export const arpFirstWaiterMinMs = arpGiveUpMs - 1_000;
/** undici's default connect timeout (fetch, Node's WebSocket): "Connect Timeout Error". */
export const undiciConnectTimeoutMs = 10_000;

/**
 * Chromium's own bound on a WebSocket's opening handshake, TCP and TLS included (measured:
 * "WebSocket opening handshake timed out" 30 s after `new WebSocket`).
 */
export const chromiumHandshakeTimeoutMs = 30_000;

/**
 * Firefox's own bound on a WebSocket's opening (TCP and TLS included): its preference
 * `network.websocket.timeout.open`, 20 s by default (measured: the close 20.1 s after `new WebSocket`).
 */
export const firefoxOpenTimeoutMs = 20_000;

/** Linux's default `net.ipv4.tcp_retries2`: unacknowledged data is retransmitted for ~15 min. */
export const defaultDataRetries = 15;

/**
 * The lab's value where data can vanish once connected (a black hole on the path): 7 retries
 * end at ~51 s, after undici's 10 s and Chromium's 30 s, so those still fail by their own
 * timers, as by default; only clients with no timer of their own wait for the kernel.
 */
export const labDataRetries = 7;

/**
 * When the kernel stops retransmitting unacknowledged data, nominally: as if the retransmission
 * timeout started at 200 ms (TCP_RTO_MIN) and doubled per retry up to 120 s (TCP_RTO_MAX).
 */
export function retransmitTimeoutMs(retries: number): number {
  let total = 0;
  for (let i = 0; i <= retries; i++) total += Math.min(200 * 2 ** i, 120_000);
  return total;
}

/**
 * nginx's default `proxy_read_timeout`: a proxied WebSocket that carries nothing for 60 s is
 * closed (https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout).
 */
export const nginxDefaultReadTimeoutMs = 60_000;

/**
 * The lab's `proxy_read_timeout`, shortened from the default so a run takes seconds: the same
 * close, by the same timer, sooner. Recorded beside each row as a setting of the proxy's.
 */
export const labProxyReadTimeoutMs = 3_000;

/**
 * How long the lab's WebSocket application stays silent once open before it sends its text:
 * twice the proxy's limit, so a connection still open then has outlived the limit.
 */
export const labIdleMs = 2 * labProxyReadTimeoutMs;

/** The fix's heartbeat: the server pings every second, a third of the proxy's limit. */
export const labPingEveryMs = 1_000;

/**
 * Whose timer ends a client's attempt, declared per expectation so tests derive a timing window
 * from it: an answer (RST, ICMP, a reply), ARP giving up, the kernel's SYN retries, undici's
 * connect timer, Chromium's handshake timer, the kernel's retransmissions of data, or a
 * proxy's idle limit on an open connection.
 */
export const waitsKinds = [
  "answer",
  "arp",
  "syn-retries",
  "undici-connect",
  "chromium-handshake",
  "firefox-open",
  "data-retries",
  "proxy-idle",
] as const;
export type Waits = (typeof waitsKinds)[number];

/** The earliest and latest elapsed time a run may show, with room for a loaded 2-core machine. */
export function waitWindowMs(waits: Waits): { readonly min: number; readonly max: number } {
  switch (waits) {
    case "answer":
      // No timer ends it; on a busy machine the client's own start-up is most of it. The bound
      // only says it came before any timer that ends a silent attempt (undici's, the kernel's).
      return { min: 0, max: undiciConnectTimeoutMs - 2_000 };
    case "arp":
      // Clients that start while the first one's ARP query is pending queue behind it and fail
      // with it, however late they started: only the first waits the whole ~3 s (see
      // `arpFirstWaiterMinMs`), a late one may fail a few milliseconds after its start. One whose
      // SYN a busy machine holds back past the query's end starts a new ~3 s query: its time is
      // that delay plus 3 s (a fresh-clone CI run saw one past 6 s). Still short of undici's 10 s.
      return { min: 0, max: arpGiveUpMs + 5_000 };
    case "syn-retries":
      return { min: synTimeoutMs(labSynRetries) - 200, max: synTimeoutMs(labSynRetries) * 1.35 + 3_000 };
    case "undici-connect":
      // Scheduling on a busy machine, yet short of the lab's SYN timeout (15 s): the two never overlap.
      return { min: undiciConnectTimeoutMs - 200, max: undiciConnectTimeoutMs + 4_500 };
    case "chromium-handshake":
      return { min: chromiumHandshakeTimeoutMs - 200, max: chromiumHandshakeTimeoutMs + 4_500 };
    case "firefox-open":
      return { min: firefoxOpenTimeoutMs - 200, max: firefoxOpenTimeoutMs + 4_500 };
    case "data-retries":
      // The same timer wheel as the SYN's: long timers fire late.
      return {
        min: retransmitTimeoutMs(labDataRetries) - 200,
        max: retransmitTimeoutMs(labDataRetries) * 1.35 + 3_000,
      };
    case "proxy-idle":
      // nginx arms its timer when the 101 passes, after the client's clock started; it may fire
      // up to its lazy delay (300 ms) early. Late only by a busy machine's scheduling.
      return { min: labProxyReadTimeoutMs - 300, max: labProxyReadTimeoutMs + 4_500 };
  }
}
