import { guideUrl, localeFromEnv } from "@connlab/probes/doctor";
import { describe, expect, it } from "vitest";

describe("guide URLs", () => {
  it("puts Spanish at the root and English under /en/, from the scenario's docs slug", () => {
    expect(guideUrl("refused-loopback-only", "es", "https://guide.test/")).toBe(
      "https://guide.test/refused/loopback-only/",
    );
    expect(guideUrl("protocol-ws-to-http", "en", "https://guide.test")).toBe(
      "https://guide.test/en/protocol/ws-to-http/",
    );
  });

  it("takes the locale from LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(localeFromEnv({ LANG: "es_ES.UTF-8" })).toBe("es");
    expect(localeFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "es_ES.UTF-8" })).toBe("en");
    expect(localeFromEnv({ LC_MESSAGES: "es", LANG: "C" })).toBe("es");
    expect(localeFromEnv({ LANG: "estonian" })).toBe("en");
    expect(localeFromEnv({})).toBe("en");
  });
});
