import { guidePath, guideUrl, localeFromEnv } from "@connlab/probes/doctor";
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

  it("keeps the sub-path of a published guide", () => {
    expect(guideUrl("refused-wrong-port", "es", "https://example.org/connlab/")).toBe(
      "https://example.org/connlab/refused/wrong-port/",
    );
  });

  it("is the page's path alone when the guide is not published (connlab start serves it)", () => {
    expect(guideUrl("refused-wrong-port", "en")).toBe("/en/refused/wrong-port/");
    expect(guidePath("refused-wrong-port", "es")).toBe("/refused/wrong-port/");
  });

  it("takes the locale from LC_ALL, then LC_MESSAGES, then LANG, else Spanish", () => {
    expect(localeFromEnv({ LANG: "es_ES.UTF-8" })).toBe("es");
    expect(localeFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "es_ES.UTF-8" })).toBe("en");
    expect(localeFromEnv({ LC_MESSAGES: "es", LANG: "en_US" })).toBe("es");
    expect(localeFromEnv({ LANG: "english" })).toBe("es");
    expect(localeFromEnv({ LANG: "C" })).toBe("es");
    expect(localeFromEnv({})).toBe("es");
  });
});
