import { type ClientName, chromiumClosedBeforeAnswer, type Expectation } from "@connlab/scenarios";

/**
 * Variants of the protocol setups that the catalogue does not declare as faults but the guide
 * mentions: a path with no route (404), a TCP service that closes without a byte, and the
 * reverse TLS mismatch (plain client, TLS server). Expected observations from real runs.
 */
export interface Variant {
  readonly name: string;
  readonly setup: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly expect: readonly (Expectation & { client: ClientName })[];
}

const closed1006 = '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$';
const closedBeforeHandshake = chromiumClosedBeforeAnswer("[^/']+").closedBeforeHandshake.message;

export const protocolVariants: readonly Variant[] = [
  {
    name: "WebSocket client on a path the HTTP server has no route for",
    setup: "http-only-on-ws-port",
    params: { path: "/ws" },
    expect: [
      {
        client: "chromium",
        code: "WS_UNEXPECTED_RESPONSE",
        message:
          "^WebSocket connection to 'ws://[^/']+/ws' failed: Error during WebSocket handshake: Unexpected response code: 404$",
      },
      { client: "ws", code: "WS_UNEXPECTED_RESPONSE", message: "^Unexpected server response: 404$" },
      { client: "node-websocket", code: "WS_CLOSED_1006", message: closed1006 },
      { client: "curl", code: "HTTP_404", message: "^HTTP/1\\.1 404 Not Found$" },
    ],
  },
  {
    name: "WebSocket client against a TCP server that closes without a byte",
    setup: "raw-tcp-on-ws-port",
    params: { silent: true },
    expect: [
      { client: "chromium", code: "WS_CLOSED_BEFORE_HANDSHAKE", message: closedBeforeHandshake },
      { client: "ws", code: "ECONNRESET", message: "^socket hang up$" },
      { client: "node-websocket", code: "WS_CLOSED_1006", message: closed1006 },
      { client: "curl", code: "CURLE_GOT_NOTHING", message: "^curl: \\(52\\) Empty reply from server$" },
    ],
  },
  {
    name: "plain ws:// and http:// against a TLS port",
    setup: "tls-scheme-mismatch",
    params: { client: "plain" },
    expect: [
      { client: "chromium", code: "WS_CLOSED_BEFORE_HANDSHAKE", message: closedBeforeHandshake },
      { client: "ws", code: "ECONNRESET", message: "^socket hang up$" },
      { client: "node-websocket", code: "WS_CLOSED_1006", message: closed1006 },
      { client: "node-http", code: "ECONNRESET", message: "^socket hang up$" },
      { client: "fetch", code: "UND_ERR_SOCKET", message: "^fetch failed$" },
      { client: "curl", code: "CURLE_GOT_NOTHING", message: "^curl: \\(52\\) Empty reply from server$" },
    ],
  },
];
