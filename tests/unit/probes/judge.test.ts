import { judge, type Observation } from "@connlab/probes";
import type { Expectation } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";

const seen = (code: string, message: string): Observation => ({
  client: "curl",
  clientVersion: "curl 7.88.1",
  code,
  message,
  exitCode: null,
  elapsedMs: 1,
});

// A race on the wire picks one of two outcomes: both are declared, nothing else passes.
const resetOrEmpty: Expectation = {
  client: "curl",
  code: "CURLE_RECV_ERROR",
  message: "^curl: \\(56\\) Recv failure: Connection reset by peer$",
  alternatives: [{ code: "CURLE_GOT_NOTHING", message: "^curl: \\(52\\) Empty reply from server$" }],
};

describe("judge", () => {
  it("accepts the declared outcome and each declared alternative", () => {
    expect(
      judge(seen("CURLE_RECV_ERROR", "curl: (56) Recv failure: Connection reset by peer"), resetOrEmpty),
    ).toEqual({ ok: true, why: "" });
    expect(judge(seen("CURLE_GOT_NOTHING", "curl: (52) Empty reply from server"), resetOrEmpty)).toEqual({
      ok: true,
      why: "",
    });
  });

  it("names every accepted code when the code is none of them", () => {
    expect(judge(seen("CURLE_COULDNT_CONNECT", "curl: (7) Failed to connect"), resetOrEmpty)).toEqual({
      ok: false,
      why: "expected code CURLE_RECV_ERROR or CURLE_GOT_NOTHING, got CURLE_COULDNT_CONNECT: curl: (7) Failed to connect",
    });
  });

  it("holds an alternative's code to its own message", () => {
    expect(judge(seen("CURLE_GOT_NOTHING", "curl: (52) something else"), resetOrEmpty)).toEqual({
      ok: false,
      why: 'message "curl: (52) something else" does not match /^curl: \\(52\\) Empty reply from server$/',
    });
  });
});
