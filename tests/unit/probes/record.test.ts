import { comparable, type RecordedObservation } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";

const scenario = getScenario("closed-server-out-of-fds");

const row = (client: RecordedObservation["client"], code: string, message: string): RecordedObservation => ({
  client,
  clientVersion: "v",
  code,
  message,
  exitCode: null,
  elapsedMs: 1,
});

const record = (broken: RecordedObservation[]) => ({ tier: "lab" as const, broken, fixed: [] });

describe("comparable()", () => {
  it("takes a race's declared outcomes alike: a FIN run and a RST run agree", () => {
    const fin = record([
      row("curl", "CURLE_GOT_NOTHING", "curl: (52) Empty reply from server"),
      row("node-http", "ECONNRESET", "socket hang up"),
    ]);
    const rst = record([
      row("curl", "CURLE_RECV_ERROR", "curl: (56) Recv failure: Connection reset by peer"),
      row("node-http", "ECONNRESET", "read ECONNRESET"),
    ]);
    expect(comparable(fin, scenario)).toEqual(comparable(rst, scenario));
    // Without the declaration, every line is its own.
    expect(comparable(fin)).not.toEqual(comparable(rst));
  });

  it("keeps an outcome the declaration does not list as it is", () => {
    const other = record([row("curl", "CURLE_COULDNT_CONNECT", "curl: (7) Failed to connect")]);
    expect(comparable(other, scenario).broken).toEqual([
      "curl CURLE_COULDNT_CONNECT curl: (7) Failed to connect",
    ]);
  });
});
