import type { Setup } from "../setup.ts";
import { fastifyWebsocketRoute } from "./fastify-websocket-route.ts";
import { httpOnlyOnWsPort } from "./http-only-on-ws-port.ts";
import { httpRoute } from "./http-route.ts";
import { matchingScheme } from "./matching-scheme.ts";
import { noListener } from "./no-listener.ts";
import { proxyForwardsUpgrade } from "./proxy-forwards-upgrade.ts";
import { proxyStripsUpgrade } from "./proxy-strips-upgrade.ts";
import { rawTcpOnWsPort } from "./raw-tcp-on-ws-port.ts";
import { startServer } from "./start-server.ts";
import { tlsSchemeMismatch } from "./tls-scheme-mismatch.ts";
import { wsOnlyServer } from "./ws-only-server.ts";
import { wsServer } from "./ws-server.ts";

/** Every setup, by the name scenarios give in `fault` and `fix.apply`. */
export const setups: ReadonlyMap<string, Setup> = new Map(
  [
    noListener,
    startServer,
    // Protocol mismatch: the wrong protocol on the port, and the fix for each.
    httpOnlyOnWsPort,
    fastifyWebsocketRoute,
    rawTcpOnWsPort,
    wsServer,
    wsOnlyServer,
    httpRoute,
    proxyStripsUpgrade,
    proxyForwardsUpgrade,
    tlsSchemeMismatch,
    matchingScheme,
  ].map((setup) => [setup.name, setup]),
);
