import { describe, expect, it } from "vitest";
import { tryItCommand } from "../../../../cli/src/lab/try-it.ts";

describe("lab's see-it-fail command", () => {
  it("is a bounded curl of the URL", () => {
    expect(tryItCommand({ url: "http://127.0.0.2:4100/" })).toBe("curl -sS -m 2 http://127.0.0.2:4100/");
  });

  it("carries the proxy variables curl reads (lower-case only)", () => {
    const env = {
      http_proxy: "http://127.0.0.1:9",
      HTTP_PROXY: "http://127.0.0.1:9",
      NODE_USE_ENV_PROXY: "1",
    };
    expect(tryItCommand({ url: "http://127.0.0.1:4100/", env })).toBe(
      "http_proxy=http://127.0.0.1:9 curl -sS -m 2 http://127.0.0.1:4100/",
    );
  });

  it("resolves through the lab's DNS-over-HTTPS server, and forces ::1 for localhost", () => {
    const resolver = { dns: "127.0.0.1:53000", doh: "https://127.0.0.1:4430/dns-query" };
    expect(tryItCommand({ url: "http://app.connlab.test:4100/", resolver })).toBe(
      "curl -sS -m 2 --doh-url https://127.0.0.1:4430/dns-query --doh-insecure http://app.connlab.test:4100/",
    );
    expect(tryItCommand({ url: "http://localhost:4100/", resolver })).toMatch(/^curl -sS -m 2 -6 --doh-url /);
  });

  it("sends a WebSocket opening handshake over http:// for ws:// targets", () => {
    expect(tryItCommand({ url: "ws://127.0.0.1:4100/" })).toBe(
      "curl -sS -m 2 -i -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' " +
        "-H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' http://127.0.0.1:4100/",
    );
  });

  it("outwaits the silence when the failure comes only after one (a proxy's idle limit)", () => {
    expect(tryItCommand({ url: "ws://127.0.0.1:4100/", idleMs: 6_000 })).toMatch(
      /^curl -sS -m 8 -i -H 'Connection: Upgrade' .* http:\/\/127\.0\.0\.1:4100\/$/,
    );
  });

  it("passes the CA a certificate scenario's clients trust, as curl takes it (verification stays on)", () => {
    const trust = { file: "/tmp/connlab-ca-x/ca.pem", spkiSha256: ["k"] };
    expect(tryItCommand({ url: "https://127.0.0.1:4100/", trust })).toBe(
      "curl -sS -m 2 --cacert /tmp/connlab-ca-x/ca.pem https://127.0.0.1:4100/",
    );
  });

  it("quotes what the shell would split", () => {
    expect(tryItCommand({ url: "http://127.0.0.1:4100/?a=1&b=2" })).toBe(
      "curl -sS -m 2 'http://127.0.0.1:4100/?a=1&b=2'",
    );
  });

  it("shows a Socket.IO app's handshake, then a poll with its sid (the other server's 400)", () => {
    expect(tryItCommand({ url: "http://127.0.0.1:4100/", socketIo: true })).toBe(
      "sid=$(curl -sS -m 2 'http://127.0.0.1:4100/socket.io/?EIO=4&transport=polling' " +
        '| sed \'s/.*"sid":"\\([^"]*\\)".*/\\1/\'); ' +
        'curl -sS -m 2 -i "http://127.0.0.1:4100/socket.io/?EIO=4&transport=polling&sid=$sid"',
    );
  });
});
