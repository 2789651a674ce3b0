import { parseTarget } from "@connlab/probes/doctor";
import { ConnlabError } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";

describe("parseTarget", () => {
  it.each([
    [
      "ws://localhost:8080/chat?room=1",
      { scheme: "ws", host: "localhost", port: 8080, path: "/chat?room=1", tls: false },
    ],
    ["wss://example.test", { scheme: "wss", host: "example.test", port: 443, path: "/", tls: true }],
    ["http://127.0.0.1", { scheme: "http", host: "127.0.0.1", port: 80, ipVersion: 4 }],
    ["HTTPS://Example.TEST:8443/x", { scheme: "https", host: "example.test", port: 8443, path: "/x" }],
    ["tcp://10.0.0.5:9000", { scheme: "tcp", host: "10.0.0.5", port: 9000 }],
    ["ws://[::1]:3000/", { host: "::1", port: 3000, ipVersion: 6 }],
    ["[::1]:6379", { scheme: "tcp", host: "::1", port: 6379, ipVersion: 6 }],
    ["db.internal:5432", { scheme: "tcp", host: "db.internal", port: 5432, ipVersion: 0 }],
    ["localhost:1", { host: "localhost", port: 1 }],
    ["localhost:65535", { host: "localhost", port: 65535 }],
  ])("reads %s", (input, expected) => {
    expect(parseTarget(input)).toMatchObject(expected);
  });

  // Each case of issue 7's "bad input" list, with the one line the user sees.
  const bad: readonly (readonly [string, RegExp])[] = [
    ["", /^empty target$/],
    ["   ", /^empty target$/],
    ["ws://", /^no host in "ws:\/\/"$/],
    ["ws://:8080/", /^no host in "ws:\/\/:8080\/"$/],
    [":8080", /^no host in ":8080"$/],
    [
      "ftp://example.test/",
      /^unknown scheme "ftp" in "ftp:\/\/example\.test\/"; use ws, wss, http, https, tcp$/,
    ],
    ["gopher://x:70", /^unknown scheme "gopher"/],
    ["ws://localhost:0/", /^port "0" in .* is not a number from 1 to 65535$/],
    ["ws://localhost:65536/", /^port "65536" in .* is not a number from 1 to 65535$/],
    ["localhost:99999", /^port "99999" in .* is not a number from 1 to 65535$/],
    ["localhost:-1", /^port "-1" in .* is not a number from 1 to 65535$/],
    ["localhost:http", /^port "http" in .* is not a number from 1 to 65535$/],
    ["ws://localhost:80a/", /^port "80a"/],
    ["localhost", /^target "localhost" needs a port: host:port or scheme:\/\/host\[:port\]$/],
    ["tcp://localhost", /^tcp:\/\/ needs a port, e\.g\. tcp:\/\/localhost:9000$/],
    ["::1:8080", /^IPv6 address in "::1:8080" needs brackets, e\.g\. \[::1\]:8080$/],
    ["ws://::1:8080/", /^IPv6 address in "ws:\/\/::1:8080\/" needs brackets/],
    ["ws://[::1/", /^malformed URL "ws:\/\/\[::1\/"$/],
    ["ws://[zz::1]:80/", /^malformed URL/],
    ["ws://user:pw@host:80/", /^credentials in .* are not supported$/],
    ["ws://exa mple:80/", /contains whitespace or control characters$/],
    ["ws://host:80/\u0000", /contains whitespace or control characters$/],
    ["ws://host:80/\u001b[31m", /contains whitespace or control characters$/],
    ["ws://bad_host!:80/", /^malformed URL|is neither a valid name nor an IP address$/],
    ["ws://-bad.test:80/", /is neither a valid name nor an IP address$/],
    ["999.1.1.1:80", /^host "999\.1\.1\.1" is not a valid IPv4 address$/],
    [`ws://${"a".repeat(3000)}:80/`, /^target is 3009 characters long; the limit is 2048$/],
    [`ws://${"a".repeat(300)}.test:80/`, /is neither a valid name nor an IP address$/],
    ["http//localhost:80", /^malformed target "http\/\/localhost:80"; use scheme:\/\/host:port$/],
  ];
  it.each(
    bad.map(
      ([input, message]) =>
        [
          input.length > 60 ? `${input.slice(0, 40)}… (${input.length} chars)` : input,
          input,
          message,
        ] as const,
    ),
  )("rejects %j with one clear line", (_label, input, message) => {
    let caught: unknown;
    try {
      parseTarget(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnlabError);
    const { code, exitStatus, message: text } = caught as ConnlabError;
    expect([code, exitStatus]).toEqual(["bad-target", 2]);
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
    expect(text.length).toBeLessThan(200);
  });
});
