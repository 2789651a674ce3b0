import { describe, expect, it } from "vitest";
import { classifyAnswer, preview, wantsWebSocket } from "../../../probes/src/doctor/answer.ts";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("classifyAnswer", () => {
  it("reads an HTTP status line and headers", () => {
    const answer = classifyAnswer(bytes("HTTP/1.1 426 Upgrade Required\r\nUpgrade: websocket\r\n\r\nbody"));
    expect(answer).toEqual({
      kind: "http",
      status: 426,
      statusLine: "HTTP/1.1 426 Upgrade Required",
      headers: { upgrade: "websocket" },
    });
    expect(wantsWebSocket(answer)).toBe(true);
    expect(wantsWebSocket(classifyAnswer(bytes("HTTP/1.1 200 OK\r\n\r\n")))).toBe(false);
  });

  it("recognises a TLS alert or handshake record", () => {
    expect(classifyAnswer(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]))).toEqual({ kind: "tls" });
    expect(classifyAnswer(Buffer.from([0x16, 0x03, 0x01]))).toEqual({ kind: "tls" });
  });

  it("calls a line protocol non-HTTP as soon as the first bytes differ", () => {
    expect(classifyAnswer(bytes("HELLO connlab\n"))).toEqual({
      kind: "non-http",
      preview: "HELLO connlab\\n",
    });
    expect(classifyAnswer(bytes("HTTP/1.1 abc\r\n\r\n")).kind).toBe("non-http");
  });

  it("waits for more when the bytes so far could still be HTTP", () => {
    expect(classifyAnswer(bytes(""))).toEqual({ kind: "incomplete" });
    expect(classifyAnswer(bytes("HTT"))).toEqual({ kind: "incomplete" });
    expect(classifyAnswer(bytes("HTTP/1.1 200 OK"))).toEqual({ kind: "incomplete" });
  });

  it("previews binary safely on one line", () => {
    expect(preview(Buffer.from([0x00, 0x41, 0xff, 0x0d, 0x0a, 0x42]))).toBe("\\x00A\\xff\\r\\n");
    expect(preview(Buffer.alloc(50, 0x61))).toBe(`${"a".repeat(40)}…`);
  });
});
