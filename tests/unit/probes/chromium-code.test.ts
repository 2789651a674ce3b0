import { chromiumCode } from "@connlab/probes";
import { describe, expect, it } from "vitest";

// The DevTools protocol's handshake error (Network.webSocketFrameError) → the observation's code.
describe("chromiumCode", () => {
  it.each([
    ["Error during WebSocket handshake: Unexpected response code: 200", "WS_UNEXPECTED_RESPONSE"],
    ["Error during WebSocket handshake: net::ERR_INVALID_HTTP_RESPONSE", "ERR_INVALID_HTTP_RESPONSE"],
    ["Error in connection establishment: net::ERR_SSL_PROTOCOL_ERROR", "ERR_SSL_PROTOCOL_ERROR"],
    ["Error in connection establishment: net::ERR_CONNECTION_REFUSED", "ERR_CONNECTION_REFUSED"],
    ["Connection closed before receiving a handshake response", "WS_CLOSED_BEFORE_HANDSHAKE"],
    [
      "Error during WebSocket handshake: Incorrect 'Sec-WebSocket-Accept' header value",
      "WS_HANDSHAKE_FAILED",
    ],
  ])("%s → %s", (handshakeError, code) => {
    expect(chromiumCode(handshakeError)).toBe(code);
  });
});
