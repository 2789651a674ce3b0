import { probeEnv } from "@connlab/probes";
import { afterEach, describe, expect, it, vi } from "vitest";

describe("a client process's environment", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("drops the caller's proxy settings, whatever their case, and keeps the rest", () => {
    vi.stubEnv("http_proxy", "http://corp:3128");
    vi.stubEnv("HTTPS_PROXY", "http://corp:3128");
    vi.stubEnv("no_proxy", "*");
    vi.stubEnv("NODE_USE_ENV_PROXY", "1");
    vi.stubEnv("CONNLAB_TEST_KEEP", "kept");
    const env = probeEnv({ url: "http://127.0.0.1:1/" });
    expect(Object.keys(env).filter((k) => /proxy/i.test(k))).toEqual([]);
    expect(env.CONNLAB_TEST_KEEP).toBe("kept");
  });

  it("adds the target's own variables", () => {
    vi.stubEnv("no_proxy", "*");
    const env = probeEnv({ url: "http://127.0.0.1:1/", env: { http_proxy: "http://127.0.0.1:9" } });
    expect(env.http_proxy).toBe("http://127.0.0.1:9");
    expect(env.no_proxy).toBeUndefined();
  });
});
