import { judge, type Observation } from "@connlab/probes";
import { type Expectation, getScenario } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";

const curl = (code: string, message: string): Observation => ({
  client: "curl",
  clientVersion: "curl 7.88.1",
  code,
  message,
  exitCode: 52,
  elapsedMs: 12,
});

// curl against a server that accepts and closes at once: a FIN (52) or, when its request
// arrived before the close, a RST (56). The declaration lists both; nothing else passes.
const raced: Expectation = {
  client: "curl",
  code: "CURLE_GOT_NOTHING",
  message: "^curl: \\(52\\) Empty reply from server$",
  alternatives: [
    { code: "CURLE_RECV_ERROR", message: "^curl: \\(56\\) Recv failure: Connection reset by peer$" },
  ],
};

describe("judge()", () => {
  it("takes the declared outcome or one of its measured alternatives", () => {
    expect(judge(curl("CURLE_GOT_NOTHING", "curl: (52) Empty reply from server"), raced)).toEqual({
      ok: true,
      why: "",
    });
    expect(
      judge(curl("CURLE_RECV_ERROR", "curl: (56) Recv failure: Connection reset by peer"), raced),
    ).toEqual({ ok: true, why: "" });
  });

  it("names every accepted code, or every pattern of the code seen, when nothing matches", () => {
    expect(judge(curl("CURLE_COULDNT_CONNECT", "curl: (7) Failed to connect"), raced)).toEqual({
      ok: false,
      why: "expected code CURLE_GOT_NOTHING or CURLE_RECV_ERROR, got CURLE_COULDNT_CONNECT: curl: (7) Failed to connect",
    });
    // An alternative's code with the main outcome's message is no match: each pair is whole.
    expect(judge(curl("CURLE_RECV_ERROR", "curl: (52) Empty reply from server"), raced)).toEqual({
      ok: false,
      why: 'message "curl: (52) Empty reply from server" does not match /^curl: \\(56\\) Recv failure: Connection reset by peer$/',
    });
  });

  it("is exact where the declaration lists no alternative", () => {
    const single = getScenario("refused-wrong-port").expect.find((e) => e.client === "curl");
    if (!single) throw new Error("refused-wrong-port has no curl row");
    expect(single.alternatives).toBeUndefined();
    expect(judge(curl("CURLE_GOT_NOTHING", "curl: (52) Empty reply from server"), single).ok).toBe(false);
  });
});
