/**
 * What varies between two runs of the same failure: the lab's random ports, its addresses and
 * names, the milliseconds a client waited, OpenSSL's per-thread error prefix. Each becomes a
 * placeholder, so `connect ECONNREFUSED 127.0.0.1:33071` and `…127.0.0.2:34577` are one line.
 */
const variableParts: readonly [RegExp, string][] = [
  [/\b(wss?|https?):\/\/(?:\[[0-9a-f:]+\]|[\w.-]+)(?::\d+)?/gi, "$1://<host>:<port>"],
  [/\bto \S+ port \d+/g, "to <host> port <port>"],
  [/(?:\[[0-9a-f:]+\]|::1|\b\d{1,3}(?:\.\d{1,3}){3}|\b[a-z][\w-]*(?:\.[\w-]+)+):\d+\b/gi, "<host>:<port>"],
  [/\bafter \d+ (ms|milliseconds)\b/g, "after <n> $1"],
  [/\b[0-9A-F]{16}:error:/g, "<thread>:error:"],
];

export function messagePattern(text: string): string {
  return variableParts.reduce((line, [pattern, placeholder]) => line.replace(pattern, placeholder), text);
}
