import type { ScenarioInput } from "./schema.ts";

/**
 * Client observations shared by several scenarios, so that a change in how a client words an
 * error is one edit. Patterns wildcard only addresses, names, ports and timings.
 */
type Expectations = ScenarioInput["expect"];

/** What every client prints when its SYN is answered by a RST: nothing listens there. */
export const refusedByEveryClient: Expectations = [
  {
    client: "node-net",
    code: "ECONNREFUSED",
    message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
  },
  {
    client: "node-http",
    code: "ECONNREFUSED",
    message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
  },
  {
    client: "fetch",
    code: "ECONNREFUSED",
    message: "^fetch failed$",
    classic: "TypeError: fetch failed",
  },
  {
    client: "ws",
    code: "ECONNREFUSED",
    message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
  },
  {
    client: "curl",
    code: "CURLE_COULDNT_CONNECT",
    message:
      "^curl: \\(7\\) Failed to connect to [\\w.-]+ port \\d+ after \\d+ ms: Couldn't connect to server$",
    classic: "curl: (7) Failed to connect to 127.0.0.1 port 3000: Connection refused",
  },
];

/** What every client prints when nobody answers its SYN: the probes give up after their own bound
 * (Node has no connect timeout of its own; the kernel would retry SYNs for about two minutes). */
export const timedOutByEveryClient: Expectations = [
  {
    client: "node-net",
    code: "ETIMEDOUT",
    message: "^connect ETIMEDOUT \\S+$",
  },
  {
    client: "node-http",
    code: "ETIMEDOUT",
    message: "^The operation was aborted$",
  },
  {
    client: "fetch",
    code: "ETIMEDOUT",
    message: "^The operation was aborted due to timeout$",
  },
  {
    client: "curl",
    code: "CURLE_OPERATION_TIMEDOUT",
    message:
      "^curl: \\(28\\) (Connection timed out after \\d+ milliseconds|Failed to connect to \\S+ port \\d+ after \\d+ ms: Timeout was reached)$",
  },
];

/**
 * What every client prints when the address is on its own subnet but no host has it: the ARP
 * "who has" goes unanswered, no SYN ever leaves, and after three unanswered probes (about 3 s,
 * the kernel's defaults) the connect fails with EHOSTUNREACH ("No route to host").
 */
export const unreachableOnTheLan: Expectations = [
  {
    client: "node-net",
    code: "EHOSTUNREACH",
    message: "^connect EHOSTUNREACH (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
  },
  {
    client: "node-http",
    code: "EHOSTUNREACH",
    message: "^connect EHOSTUNREACH (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
  },
  {
    client: "fetch",
    code: "EHOSTUNREACH",
    message: "^fetch failed$",
    classic: "TypeError: fetch failed",
  },
  {
    // curl 7.88 keeps the errno to itself: only "Couldn't connect to server" is printed.
    client: "curl",
    code: "CURLE_COULDNT_CONNECT",
    message:
      "^curl: \\(7\\) Failed to connect to [\\w.-]+ port \\d+ after \\d+ ms: Couldn't connect to server$",
    classic: "curl: (7) Failed to connect to 192.168.1.50 port 80 after 3068 ms: No route to host",
  },
];

/** What every client prints when its machine has no free local port left for the connection. */
export const outOfLocalPorts: Expectations = [
  {
    client: "node-net",
    code: "EADDRNOTAVAIL",
    message: "^connect EADDRNOTAVAIL \\S+ - Local \\(\\S+\\)$",
  },
  {
    client: "node-http",
    code: "EADDRNOTAVAIL",
    message: "^connect EADDRNOTAVAIL \\S+ - Local \\(\\S+\\)$",
  },
  {
    client: "fetch",
    code: "EADDRNOTAVAIL",
    message: "^fetch failed$",
  },
  {
    // curl 7.88 keeps the errno to itself: only "Couldn't connect to server" is printed.
    client: "curl",
    code: "CURLE_COULDNT_CONNECT",
    message: "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: Couldn't connect to server$",
  },
];

/**
 * What a browser and a WebSocket API that follows the browser's rules show when the server's
 * certificate does not verify: Chromium names its verdict in the console; Node's WebSocket, like
 * the page, gets only an empty error and a 1006 close.
 */
export const certificateRejectedByWebSocketApis: Expectations = [
  {
    client: "chromium",
    code: "ERR_CERT_AUTHORITY_INVALID",
    message:
      "^WebSocket connection to 'wss://[^/']+/' failed: Error in connection establishment: net::ERR_CERT_AUTHORITY_INVALID$",
  },
  {
    client: "node-websocket",
    code: "WS_CLOSED_1006",
    message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
  },
];
