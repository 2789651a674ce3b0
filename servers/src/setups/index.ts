import type { Setup } from "../setup.ts";
import { clientProxyDown } from "./client-proxy-down.ts";
import { dnsRightAnswer } from "./dns-right-answer.ts";
import { dnsWrongAnswer } from "./dns-wrong-answer.ts";
import { listenAny } from "./listen-any.ts";
import { listenDualStack } from "./listen-dual-stack.ts";
import { listenIpv4Only } from "./listen-ipv4-only.ts";
import { listenLoopback } from "./listen-loopback.ts";
import { noListener } from "./no-listener.ts";
import { noProxy } from "./no-proxy.ts";
import { rightHost } from "./right-host.ts";
import { rightPort } from "./right-port.ts";
import { startServer } from "./start-server.ts";
import { wrongHost } from "./wrong-host.ts";
import { wrongPort } from "./wrong-port.ts";

/** Every setup, by the name scenarios give in `fault` and `fix.apply`. */
export const setups: ReadonlyMap<string, Setup> = new Map(
  [
    noListener,
    startServer,
    wrongPort,
    rightPort,
    wrongHost,
    rightHost,
    dnsWrongAnswer,
    dnsRightAnswer,
    clientProxyDown,
    noProxy,
    listenLoopback,
    listenAny,
    listenIpv4Only,
    listenDualStack,
  ].map((setup) => [setup.name, setup]),
);
