import { startWs } from "../apps/ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/** The subprotocol the lab's client asks for, as in `new WebSocket(url, ["chat"])`. */
export const askedSubprotocol = "chat";

/**
 * The fault: a server that completes the handshake without choosing any subprotocol, so its
 * 101 carries no Sec-WebSocket-Protocol. ws's `handleProtocols` returning false does exactly
 * that; it stands in for servers that ignore the header by default (Workerman unless
 * onWebSocketConnect sets it, gorilla/websocket with no Subprotocols). RFC 6455 §4.1: a client
 * that asked must then fail the connection.
 */
export const subprotocolUnanswered: Setup = {
  name: "subprotocol-unanswered",
  tier: "lab",
  describe: `ws on 127.0.0.1:PORT answers 101 without Sec-WebSocket-Protocol; the client asked for "${askedSubprotocol}"`,
  start: async () => {
    const server = await startWs({ host: "127.0.0.1", handshake: { handleProtocols: () => false } });
    return { ...running(`ws://127.0.0.1:${server.port}/`, [server]), target: target(server.port) };
  },
};

/** The fix: the server selects the protocol it speaks from those asked, and names it in its 101. */
export const subprotocolSelected: Setup = {
  name: "subprotocol-selected",
  tier: "lab",
  describe: `ws on 127.0.0.1:PORT selects "${askedSubprotocol}" (handleProtocols) and names it in its 101`,
  start: async () => {
    const server = await startWs({
      host: "127.0.0.1",
      handshake: { handleProtocols: (asked) => (asked.has(askedSubprotocol) ? askedSubprotocol : false) },
    });
    return { ...running(`ws://127.0.0.1:${server.port}/`, [server]), target: target(server.port) };
  },
};

function target(port: number) {
  return { url: `ws://127.0.0.1:${port}/`, protocols: [askedSubprotocol] };
}
