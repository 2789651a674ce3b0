import { describe, expect, it } from "vitest";
import { findProxy, matchNoProxy, parseProxy } from "../../../probes/src/doctor/proxy.ts";
import { parseTarget } from "../../../probes/src/doctor/target.ts";

const ws = parseTarget("ws://api.example.test:8080/");
const wss = parseTarget("wss://api.example.test/");
const tcp = parseTarget("tcp://api.example.test:9000");

describe("findProxy", () => {
  it("finds nothing when no variable is set", () => {
    expect(findProxy(ws, {})).toEqual({ set: [] });
  });

  it("uses http_proxy for ws:// and https_proxy for wss://", () => {
    const env = { HTTP_PROXY: "http://127.0.0.1:3128", HTTPS_PROXY: "http://127.0.0.1:3129" };
    expect(findProxy(ws, env).proxy).toEqual({
      variable: "HTTP_PROXY",
      value: env.HTTP_PROXY,
      host: "127.0.0.1",
      port: 3128,
    });
    expect(findProxy(wss, env).proxy).toMatchObject({ variable: "HTTPS_PROXY", port: 3129 });
  });

  it("prefers the lower-case name, as curl does", () => {
    const env = { http_proxy: "127.0.0.1:1", HTTP_PROXY: "127.0.0.1:2" };
    expect(findProxy(ws, env).proxy).toMatchObject({ variable: "http_proxy", port: 1 });
  });

  it("falls back to ALL_PROXY, the only one tcp:// honours", () => {
    const env = { HTTP_PROXY: "http://127.0.0.1:3128", ALL_PROXY: "socks5://127.0.0.1:1080" };
    expect(findProxy(tcp, env).proxy).toMatchObject({ variable: "ALL_PROXY", port: 1080 });
    expect(findProxy(wss, env).proxy).toMatchObject({ variable: "ALL_PROXY" });
  });

  it("reports a NO_PROXY bypass and every variable that is set", () => {
    const env = { HTTP_PROXY: "http://127.0.0.1:3128", NO_PROXY: "localhost,.example.test" };
    expect(findProxy(ws, env)).toEqual({ set: ["HTTP_PROXY", "NO_PROXY"], bypassedBy: ".example.test" });
  });
});

describe("matchNoProxy", () => {
  it.each([
    ["*", "anything.test", 80, "*"],
    ["example.test", "api.example.test", 80, "example.test"],
    [".example.test", "example.test", 80, ".example.test"],
    ["*.example.test", "a.example.test", 80, "*.example.test"],
    ["other.test,127.0.0.1", "127.0.0.1", 80, "127.0.0.1"],
    ["::1", "::1", 80, "::1"],
    ["[::1]:8080", "::1", 8080, "[::1]:8080"],
    ["localhost:8080", "localhost", 8080, "localhost:8080"],
  ])("%j exempts %s port %d", (list, host, port, entry) => {
    expect(matchNoProxy(list, host, port)).toBe(entry);
  });

  it.each([
    ["example.test", "notexample.test", 80],
    ["127.0.0.1", "127.0.0.2", 80],
    ["localhost:8080", "localhost", 9090],
    ["", "localhost", 80],
  ])("%j does not exempt %s port %d", (list, host, port) => {
    expect(matchNoProxy(list, host, port)).toBeUndefined();
  });
});

describe("parseProxy", () => {
  it("reads a URL, a bare host:port, and default ports per scheme", () => {
    expect(parseProxy("http://proxy.test:3128")).toEqual({ host: "proxy.test", port: 3128 });
    expect(parseProxy("127.0.0.1:8888")).toEqual({ host: "127.0.0.1", port: 8888 });
    expect(parseProxy("http://proxy.test")).toEqual({ host: "proxy.test", port: 80 });
    expect(parseProxy("socks5://[::1]")).toEqual({ host: "::1", port: 1080 });
    expect(parseProxy("::::")).toEqual({});
  });
});
