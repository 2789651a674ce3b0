import { readFileSync } from "node:fs";
import {
  type ClientName,
  defaultDataRetries,
  defaultSynRetries,
  labDataRetries,
  labSynRetries,
  nodeClients,
  retransmitTimeoutMs,
  synTimeoutMs,
} from "@connlab/scenarios";
import { setSysctl, type Target } from "@connlab/servers";
import type { Observation, Setting } from "./observation.ts";

/**
 * Every non-default setting a client ran with, derived from the target the lab handed it: the
 * observation carries them so the site shows them beside the client's name and version.
 */

function synRetriesSetting(retries: number): Setting {
  return {
    setting: `net.ipv4.tcp_syn_retries=${retries}`,
    where: "client namespace",
    defaultNote: {
      es: `Con el valor por defecto (${defaultSynRetries}), el kernel reintenta el SYN durante unos ${synTimeoutMs(defaultSynRetries) / 1000} s antes del mismo ETIMEDOUT; fetch y el WebSocket de Node fallan igual a los 10 s por su propio temporizador.`,
      en: `With the default (${defaultSynRetries}) the kernel retries the SYN for about ${synTimeoutMs(defaultSynRetries) / 1000} s before the same ETIMEDOUT; fetch and Node's WebSocket still fail at 10 s by their own timer.`,
    },
  };
}

const dataRetriesSetting: Setting = {
  setting: `net.ipv4.tcp_retries2=${labDataRetries}`,
  where: "client namespace",
  defaultNote: {
    es: `Con el valor por defecto (${defaultDataRetries}), el kernel reenvía los datos sin respuesta durante unos ${Math.round(retransmitTimeoutMs(defaultDataRetries) / 60_000)} min antes del mismo ETIMEDOUT; fetch, el WebSocket de Node y Chromium fallan igual, por sus propios temporizadores.`,
    en: `With the default (${defaultDataRetries}) the kernel retransmits unanswered data for about ${Math.round(retransmitTimeoutMs(defaultDataRetries) / 60_000)} min before the same ETIMEDOUT; fetch, Node's WebSocket and Chromium fail the same, by their own timers.`,
  },
};

/**
 * The lab's kernel timers in a root lab's client namespace, as recorded beside each row: the SYN
 * retries always, the retransmissions of data where the target can swallow it once connected.
 */
export function kernelTimerSettings(target: Pick<Target, "silentOnceConnected">): Setting[] {
  return [synRetriesSetting(labSynRetries), ...(target.silentOnceConnected ? [dataRetriesSetting] : [])];
}

let ownSynRetries: number | undefined;

/**
 * The SYN retries of this process's own network namespace when they are not the kernel's
 * default: a docker client container's compose `sysctls`, or a host someone tuned. Read, not
 * assumed, so a row never claims a setting its run did not have.
 */
function ownKernelTimerSettings(): Setting[] {
  ownSynRetries ??= Number(readFileSync("/proc/sys/net/ipv4/tcp_syn_retries", "utf8").trim());
  return ownSynRetries === defaultSynRetries ? [] : [synRetriesSetting(ownSynRetries)];
}

/**
 * Shortens the kernel's SYN retries in the client's namespace (never the host's): a dropped SYN
 * then ends in the kernel's own ETIMEDOUT after seconds, in every client alike. Where data can
 * vanish once connected, its retransmissions too (kernelTimerSettings records both).
 */
export async function shortenKernelTimers(
  netns: string,
  target: Pick<Target, "silentOnceConnected">,
): Promise<void> {
  await setSysctl(netns, "net.ipv4.tcp_syn_retries", String(labSynRetries));
  if (target.silentOnceConnected) await setSysctl(netns, "net.ipv4.tcp_retries2", String(labDataRetries));
}

const proxyVariable = /^(https?_proxy|all_proxy|no_proxy)$/i;

function environmentSettings(client: ClientName, env: Readonly<Record<string, string>>): Setting[] {
  const settings: Setting[] = [];
  const proxies = Object.entries(env).filter(([key]) => proxyVariable.test(key));
  if (proxies.length > 0) {
    settings.push({
      setting: proxies.map(([key, value]) => `${key}=${value}`).join(" "),
      where: "environment",
      defaultNote: {
        es: "Sin estas variables, el cliente se conecta directamente al servidor.",
        en: "Without these variables the client connects straight to the server.",
      },
    });
  }
  if (env.NODE_USE_ENV_PROXY === "1" && nodeClients.includes(client)) {
    settings.push({
      setting: "NODE_USE_ENV_PROXY=1",
      where: "environment",
      defaultNote: {
        es: "Sin ella, Node (http, fetch) no lee las variables de proxy y se conecta directamente.",
        en: "Without it Node (http, fetch) ignores the proxy variables and connects directly.",
      },
    });
  }
  return settings;
}

function resolverSetting(client: ClientName, target: Target): Setting | undefined {
  const host = new URL(target.url).hostname;
  // The browsers resolve localhost themselves; for any other name Chromium gets a resolver rule
  // (chromium.ts), Firefox a preference (firefox.ts).
  if ((client === "chromium" || client === "firefox") && host === "localhost") return undefined;
  const byClient: Partial<Record<ClientName, string>> = {
    chromium: `--host-resolver-rules=MAP ${host} <the lab DNS's answer>`,
    firefox: "network.dns.forceResolve=<the lab DNS's answer>",
    curl: "--doh-url https://127.0.0.1:PORT/dns-query --doh-insecure",
    fetch: "dns.lookup → the lab's DNS at 127.0.0.1:PORT",
  };
  return {
    setting: byClient[client] ?? "lookup: the lab's DNS at 127.0.0.1:PORT",
    where:
      client === "firefox"
        ? "browser profile"
        : client === "curl" || client === "chromium"
          ? "command line"
          : "client option",
    defaultNote: {
      es: "Sustituye al resolvedor del sistema (/etc/resolv.conf), que daría la misma respuesta si tu DNS la da.",
      en: "Stands in for the system resolver (/etc/resolv.conf), which gives the same answer if your DNS does.",
    },
  };
}

const curlWebSocket: Setting = {
  setting:
    "-H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: …'",
  where: "command line",
  defaultNote: {
    es: "Este curl no habla ws://: sin estas cabeceras haría una petición HTTP normal.",
    en: "This curl has no ws:// support: without these headers it sends a plain HTTP request.",
  },
};

/** The settings of one client's run against a target, in the order the site lists them. */
export function clientSettings(client: ClientName, target: Target): Setting[] {
  const settings = environmentSettings(client, target.env ?? {});
  const resolver = target.resolver ? resolverSetting(client, target) : undefined;
  if (resolver) settings.push(resolver);
  if (client === "curl" && /^wss?:/.test(target.url)) settings.push(curlWebSocket);
  return settings;
}

/**
 * The observation with the settings its run had: the client namespace's kernel timers first,
 * then the servers' on the path (a proxy's timer), then the target's, then those the client
 * recorded itself (a CA it was told to trust, the subprotocols it asked for).
 */
export function withSettings(observation: Observation, target: Target): Observation {
  const settings = [
    ...(target.netns ? kernelTimerSettings(target) : ownKernelTimerSettings()),
    ...(target.serverSettings ?? []),
    ...clientSettings(observation.client, target),
    ...(observation.settings ?? []),
  ];
  return settings.length > 0 ? { ...observation, settings } : observation;
}
