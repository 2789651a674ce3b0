import { firefoxCode } from "@connlab/probes";
import { describe, expect, it } from "vitest";

// Firefox's console says "can't establish a connection" for every failed handshake; the code
// comes from what its network layer said about the upgrade request, as its Network panel shows.
describe("firefoxCode", () => {
  it("takes the internal error name of a failed handshake request", () => {
    expect(firefoxCode({ networkError: "SSL_ERROR_RX_RECORD_TOO_LONG" }, 1015)).toBe(
      "SSL_ERROR_RX_RECORD_TOO_LONG",
    );
    expect(
      firefoxCode({ networkError: "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED", httpStatus: 200 }, 1006),
    ).toBe("NS_ERROR_WEBSOCKET_CONNECTION_REFUSED");
  });

  it("names an answer that was not 101 when no error name came", () => {
    expect(firefoxCode({ httpStatus: 426 }, 1006)).toBe("WS_UNEXPECTED_RESPONSE");
  });

  it("falls back to the close code the page saw", () => {
    expect(firefoxCode({}, 1006)).toBe("WS_CLOSED_1006");
  });
});
