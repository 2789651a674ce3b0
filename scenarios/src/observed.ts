import type { ScenarioInput } from "./schema.ts";

/**
 * Client observations shared by several scenarios, so that a change in how a client words an
 * error is one edit. Patterns wildcard only addresses, names, ports and timings.
 */
type Expectations = ScenarioInput["expect"];
/** One of a client's outcomes (the schema's Outcome): its code, its message by pattern. */
type Outcome = NonNullable<Expectations[number]["alternatives"]>[number];

/** Chromium's console line when a page's WebSocket fails before any HTTP: `net::` names the cause. */
function chromiumConnectFailure(netError: string): Expectations[number] {
  return {
    client: "chromium",
    code: netError,
    message: `^WebSocket connection to 'ws://[^/']+/' failed: Error in connection establishment: net::${netError}$`,
    classic: `WebSocket connection to 'ws://host:port/' failed: Error in connection establishment: net::${netError}`,
  };
}

/**
 * How Node's clients report a server that closes an accepted connection before a byte of answer:
 * a FIN when the close beats their request, a RST when the request already sits unread in the
 * closed socket (RFC 2525, §2.17). Which one wins is a race, so each accepts the other's line.
 */
export const closedBeforeAnswerInNode = {
  "node-http": {
    client: "node-http",
    code: "ECONNRESET",
    message: "^socket hang up$",
    alternatives: [{ code: "ECONNRESET", message: "^read ECONNRESET$" }],
  },
  fetch: {
    client: "fetch",
    code: "UND_ERR_SOCKET",
    message: "^fetch failed$",
    alternatives: [{ code: "ECONNRESET", message: "^fetch failed$" }],
  },
  ws: {
    client: "ws",
    code: "ECONNRESET",
    message: "^socket hang up$",
    alternatives: [{ code: "ECONNRESET", message: "^read ECONNRESET$" }],
  },
} satisfies Record<string, Expectations[number]>;

/**
 * Chromium's console lines for a page's WebSocket whose connection a server closes before any
 * answer, by host pattern. Which one it prints is the same race as Node's: a RST when its opening
 * handshake already sat unread in the closed socket; a FIN that came before the handshake went
 * out (the socket is gone, still "in connection establishment"); or a FIN its handshake crossed,
 * read as the end of the stream before the RST its bytes then draw.
 */
export function chromiumClosedBeforeAnswer(
  host: string,
): Record<"reset" | "notConnected" | "closedBeforeHandshake", Outcome> {
  const failed = `^WebSocket connection to 'ws://${host}/' failed: `;
  return {
    reset: {
      code: "ERR_CONNECTION_RESET",
      message: `${failed}Error during WebSocket handshake: net::ERR_CONNECTION_RESET$`,
    },
    notConnected: {
      code: "ERR_SOCKET_NOT_CONNECTED",
      message: `${failed}Error in connection establishment: net::ERR_SOCKET_NOT_CONNECTED$`,
    },
    closedBeforeHandshake: {
      code: "WS_CLOSED_BEFORE_HANDSHAKE",
      message: `${failed}Connection closed before receiving a handshake response$`,
    },
  };
}

/** What every client prints when its SYN is answered by a RST: nothing listens there. */
export const refusedByEveryClient: Expectations = [
  {
    client: "node-net",
    code: "ECONNREFUSED",
    message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    waits: "answer",
  },
  {
    client: "node-http",
    code: "ECONNREFUSED",
    message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    waits: "answer",
  },
  {
    client: "fetch",
    code: "ECONNREFUSED",
    message: "^fetch failed$",
    classic: "TypeError: fetch failed",
    waits: "answer",
  },
  {
    client: "ws",
    code: "ECONNREFUSED",
    message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    waits: "answer",
  },
  {
    client: "curl",
    code: "CURLE_COULDNT_CONNECT",
    message:
      "^curl: \\(7\\) Failed to connect to [\\w.-]+ port \\d+ after \\d+ ms: Couldn't connect to server$",
    classic: "curl: (7) Failed to connect to 127.0.0.1 port 3000: Connection refused",
    waits: "answer",
  },
  { ...chromiumConnectFailure("ERR_CONNECTION_REFUSED"), waits: "answer" },
];

/**
 * Firefox's console line when a page's WebSocket fails before any HTTP: the same words for every
 * failed handshake. What tells the causes apart is the internal error name its Network panel
 * shows for the request (the code), and the time.
 */
function firefoxConnectFailure(networkError: string): Expectations[number] {
  return {
    client: "firefox",
    code: networkError,
    message: "^Firefox can’t establish a connection to the server at ws://[^/']+/\\.$",
  };
}

/** Firefox refused: at once, and its Network panel names it. */
export const refusedInFirefox = {
  ...firefoxConnectFailure("NS_ERROR_CONNECTION_REFUSED"),
  waits: "answer",
} as const;

/**
 * What every client prints when nobody answers its SYN, each by its own clock: Node's net and
 * http, curl and Chromium wait for the kernel's SYN retries (shortened in the lab's client
 * namespace) and get its ETIMEDOUT; fetch gives up first, on undici's 10 s connect timer.
 */
export const timedOutByEveryClient: Expectations = [
  {
    client: "node-net",
    code: "ETIMEDOUT",
    message: "^connect ETIMEDOUT (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    waits: "syn-retries",
  },
  {
    client: "node-http",
    code: "ETIMEDOUT",
    message: "^connect ETIMEDOUT (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    waits: "syn-retries",
  },
  {
    client: "fetch",
    code: "UND_ERR_CONNECT_TIMEOUT",
    message: "^fetch failed$",
    classic: "TypeError: fetch failed",
    waits: "undici-connect",
  },
  {
    // curl 7.88 names the exit (28) but not the errno: "Couldn't connect to server".
    client: "curl",
    code: "CURLE_OPERATION_TIMEDOUT",
    message:
      "^curl: \\(28\\) Failed to connect to [\\w.-]+ port \\d+ after \\d+ ms: Couldn't connect to server$",
    classic: "curl: (28) Failed to connect to 10.0.0.5 port 80 after 134000 ms: Connection timed out",
    waits: "syn-retries",
  },
  { ...chromiumConnectFailure("ERR_CONNECTION_TIMED_OUT"), waits: "syn-retries" },
  { ...firefoxConnectFailure("NS_ERROR_NET_TIMEOUT"), waits: "syn-retries" },
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
    waits: "arp",
  },
  {
    client: "node-http",
    code: "EHOSTUNREACH",
    message: "^connect EHOSTUNREACH (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    waits: "arp",
  },
  {
    client: "fetch",
    code: "EHOSTUNREACH",
    message: "^fetch failed$",
    classic: "TypeError: fetch failed",
    waits: "arp",
  },
  {
    // curl 7.88 keeps the errno to itself: only "Couldn't connect to server" is printed.
    client: "curl",
    code: "CURLE_COULDNT_CONNECT",
    message:
      "^curl: \\(7\\) Failed to connect to [\\w.-]+ port \\d+ after \\d+ ms: Couldn't connect to server$",
    classic: "curl: (7) Failed to connect to 192.168.1.50 port 80 after 3068 ms: No route to host",
    waits: "arp",
  },
  { ...chromiumConnectFailure("ERR_ADDRESS_UNREACHABLE"), waits: "arp" },
  { ...firefoxConnectFailure("NS_ERROR_CONNECTION_REFUSED"), waits: "arp" },
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
  chromiumConnectFailure("ERR_ADDRESS_INVALID"),
  firefoxConnectFailure("NS_ERROR_CONNECTION_REFUSED"),
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
  {
    client: "firefox",
    code: "SEC_ERROR_UNKNOWN_ISSUER",
    message: "^Firefox can’t establish a connection to the server at wss://[^/']+/\\.$",
  },
];
