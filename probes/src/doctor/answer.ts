/**
 * Classifies the first bytes a port sent back after the doctor spoke. Pure, so the unit tests can
 * feed it hand-made bytes; sniff.ts does the I/O.
 */
export type Answer =
  | { readonly kind: "http"; readonly status: number; readonly statusLine: string; readonly headers: Headers }
  | { readonly kind: "tls" } // a TLS record: the port wants a handshake, not plain text
  | { readonly kind: "non-http"; readonly preview: string } // bytes, but not an HTTP status line
  | { readonly kind: "incomplete" }; // too few bytes to tell yet

export type Headers = Readonly<Record<string, string>>;

const httpPrefix = "HTTP/";

export function classifyAnswer(bytes: Buffer): Answer {
  if (bytes.length === 0) return { kind: "incomplete" };
  // TLS record header: content type 0x15 (alert) or 0x16 (handshake), then version 0x03 0x0N.
  const first = bytes[0];
  if ((first === 0x15 || first === 0x16) && (bytes.length < 2 || bytes[1] === 0x03)) return { kind: "tls" };
  const text = bytes.toString("latin1");
  const head = text.slice(0, httpPrefix.length);
  if (!httpPrefix.startsWith(head)) return { kind: "non-http", preview: preview(bytes) };
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) {
    // A status line arrived but not all headers yet; enough to classify once the line is whole.
    if (!text.includes("\r\n")) return { kind: "incomplete" };
  }
  const lines = text.slice(0, end === -1 ? undefined : end).split("\r\n");
  const statusLine = lines[0] ?? "";
  const match = /^HTTP\/\d(?:\.\d)? (\d{3})(?: .*)?$/.exec(statusLine);
  if (!match) return { kind: "non-http", preview: preview(bytes) };
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { kind: "http", status: Number(match[1]), statusLine, headers };
}

/**
 * The first line (up to 40 bytes), printable ASCII kept and the rest escaped, for a one-line
 * report. Only the first line: an echo server sends our own request back right after it.
 */
export function preview(all: Buffer): string {
  const newline = all.indexOf(0x0a);
  const bytes = newline === -1 ? all : all.subarray(0, newline + 1);
  let out = "";
  for (const byte of bytes.subarray(0, 40)) {
    if (byte === 0x0a) out += "\\n";
    else if (byte === 0x0d) out += "\\r";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return bytes.length > 40 ? `${out}…` : out;
}

/** Whether the headers say "only WebSocket here": 426 Upgrade Required or an Upgrade offer. */
export function wantsWebSocket(answer: Answer): boolean {
  if (answer.kind !== "http") return false;
  return answer.status === 426 || /websocket/i.test(answer.headers.upgrade ?? "");
}
