import { normaliseMessage } from "@connlab/probes";
import { describe, expect, it } from "vitest";

// What a fresh run must agree on with the record: what changes run to run becomes a placeholder,
// and nothing else does.
describe("normaliseMessage", () => {
  it("replaces addresses and ports", () => {
    expect(normaliseMessage("connect ECONNREFUSED 127.0.0.1:41771")).toBe("connect ECONNREFUSED ADDR:PORT");
    expect(normaliseMessage("at ws://app.connlab.test:46567/.")).toBe("at ws://app.connlab.test:PORT/.");
    expect(normaliseMessage("connect ECONNREFUSED ::1:8080")).toBe("connect ECONNREFUSED ADDR:PORT");
  });

  it("keeps a JSON value after its key: Socket.IO's error code is the lesson", () => {
    expect(
      normaliseMessage('xhr poll error; description: 400; {"code":1,"message":"Session ID unknown"}'),
    ).toBe('xhr post|poll error; description: 400; {"code":1,"message":"Session ID unknown"}');
  });
});
