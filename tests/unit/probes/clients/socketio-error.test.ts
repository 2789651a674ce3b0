import { describe, expect, it } from "vitest";
import { connectErrorText } from "../../../../probes/src/clients/socketio-error.ts";

// A Socket.IO connect_error as a row shows it: the fields Socket.IO's docs log, nothing added.
describe("a Socket.IO connect_error's row", () => {
  it("is Engine.IO's TransportError: the message, the status, the body the server answered", () => {
    // As engine.io-client builds it for a refused poll: the XMLHttpRequest is its context.
    const error = Object.assign(new Error("xhr post error"), {
      type: "TransportError",
      description: 400,
      context: { responseText: '{"code":1,"message":"Session ID unknown"}' },
    });
    expect(connectErrorText(error)).toEqual([
      "TransportError",
      'connect_error: xhr post error; description: 400; context.responseText: {"code":1,"message":"Session ID unknown"}',
    ]);
  });

  it("keeps only the message where the error has no transport's fields (a middleware's refusal)", () => {
    expect(connectErrorText(new Error("not authorized"))).toEqual([
      "SOCKETIO_CONNECT_ERROR",
      "connect_error: not authorized",
    ]);
  });
});
