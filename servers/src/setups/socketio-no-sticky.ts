import { startSocketIo } from "../apps/socketio.ts";
import { startNginx } from "../nginx/run.ts";
import type { Setup } from "../setup.ts";
import type { ServerSetting } from "../target.ts";
import { running } from "./listening.ts";

/** The group's name in nginx.conf, as the guide's diff shows it. */
const group = "socketio_nodes";

/** How each run's upstream balances, as written in nginx.conf (and recorded beside each row). */
const roundRobin: ServerSetting = {
  setting: `upstream ${group} { server …; server …; }`,
  where: "proxy configuration",
  defaultNote: {
    es: "Dos servidores Socket.IO en un `upstream`, sin directiva de reparto: nginx usa round-robin, cada petición al siguiente servidor.",
    en: "Two Socket.IO servers in one `upstream`, with no balancing directive: nginx uses round-robin, each request to the next server.",
  },
};

const sticky: ServerSetting = {
  setting: "ip_hash;",
  where: "proxy configuration",
  defaultNote: {
    es: "Sin ella (round-robin), la petición que sigue al handshake llega al otro servidor, que responde 400 «Session ID unknown».",
    en: "Without it (round-robin), the request after the handshake reaches the other server, which answers 400 “Session ID unknown”.",
  },
};

/**
 * Debian's nginx on 127.0.0.1:PORT balancing two Socket.IO servers (each with its own sessions
 * in memory), WebSockets proxied as usual; `balance` is the upstream's balancing line, if any.
 */
async function twoNodesBehindNginx(balance: string | undefined, setting: ServerSetting) {
  const nodes = [await startSocketIo({ host: "127.0.0.1" })];
  try {
    nodes.push(await startSocketIo({ host: "127.0.0.1" }));
    const proxy = await startNginx({
      host: "127.0.0.1",
      location: { upstream: group },
      upstream: {
        name: group,
        servers: nodes.map((node) => `${node.host}:${node.port}`),
        ...(balance ? { balance } : {}),
      },
    });
    const setup = running(`http://127.0.0.1:${proxy.port}/`, [proxy, ...nodes]);
    return { ...setup, target: { ...setup.target, socketIo: true, serverSettings: [setting] } };
  } catch (error) {
    await Promise.all(nodes.map((node) => node.close()));
    throw error;
  }
}

/**
 * Round-robin, per request: the Engine.IO handshake (GET /socket.io/?EIO=4&transport=polling)
 * lands on one server, the next request with its sid on the other, which answers
 * `400 {"code":1,"message":"Session ID unknown"}`.
 */
export const socketioNoSticky: Setup = {
  name: "socketio-no-sticky",
  tier: "lab",
  describe:
    "nginx on 127.0.0.1:PORT balances two Socket.IO servers round-robin: the poll after the handshake reaches the server that never saw it",
  start: async () => twoNodesBehindNginx(undefined, roundRobin),
};

/** The fix: `ip_hash;` sends every request of one client address to the same server. */
export const socketioSticky: Setup = {
  name: "socketio-sticky",
  tier: "lab",
  describe:
    "the same nginx and two Socket.IO servers with `ip_hash;`: every request of a client reaches the server that holds its session",
  start: async () => twoNodesBehindNginx("ip_hash;", sticky),
};
