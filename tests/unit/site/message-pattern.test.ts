import { describe, expect, it } from "vitest";
import { messagePattern } from "../../../site/src/lib/message-pattern.ts";

describe("the error index's message grouping", () => {
  it.each([
    ["connect ECONNREFUSED 127.0.0.1:33071", "connect ECONNREFUSED <host>:<port>"],
    ["connect ECONNREFUSED ::1:36855", "connect ECONNREFUSED <host>:<port>"],
    ["connect ETIMEDOUT app.connlab.test:46309", "connect ETIMEDOUT <host>:<port>"],
    [
      "curl: (7) Failed to connect to app.connlab.test port 42531 after 6 ms: Couldn't connect to server",
      "curl: (7) Failed to connect to <host> port <port> after <n> ms: Couldn't connect to server",
    ],
    [
      "curl: (28) Connection timed out after 2001 milliseconds",
      "curl: (28) Connection timed out after <n> milliseconds",
    ],
    [
      "WebSocket connection to 'ws://127.0.0.1:34557/' failed: Error during WebSocket handshake: Unexpected response code: 426",
      "WebSocket connection to 'ws://<host>:<port>/' failed: Error during WebSocket handshake: Unexpected response code: 426",
    ],
    [
      "write EPROTO 40AD61A4457F0000:error:0A00010B:SSL routines",
      "write EPROTO <thread>:error:0A00010B:SSL routines",
    ],
  ])("%s", (message, pattern) => {
    expect(messagePattern(message)).toBe(pattern);
  });

  it("keeps what tells two failures apart: codes, status lines, versions", () => {
    for (const line of [
      "curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number",
      "Unexpected server response: 426",
      "HTTP/1.1 200 OK",
      "fetch failed",
    ])
      expect(messagePattern(line)).toBe(line);
  });
});
