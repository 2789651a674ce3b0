import { isIP } from "node:net";
import type { DoctorTarget } from "./target.ts";

/** A proxy variable that applies to the target: the client would connect there, not to the target. */
export interface ProxyUse {
  /** The variable that supplied it, e.g. `HTTP_PROXY`. */
  readonly variable: string;
  readonly value: string;
  /** Parsed host and port of the proxy, or undefined when the value is not a usable URL. */
  readonly host?: string;
  readonly port?: number;
}

export interface ProxyFinding {
  /** The proxy a client honouring the environment would use, if any. */
  readonly proxy?: ProxyUse;
  /** The NO_PROXY entry that exempts the target, when one does. */
  readonly bypassedBy?: string;
  /** Every proxy-related variable that is set, for the report. */
  readonly set: readonly string[];
}

const proxyPorts: Record<string, number> = { "http:": 80, "https:": 443, "socks5:": 1080, "socks4:": 1080 };

/**
 * The variables curl and most libraries read, in their order: the lower-case name first (curl
 * ignores upper-case HTTP_PROXY, see curl's "httpoxy" note), then the upper-case one, then ALL_PROXY.
 * ws:// goes through an HTTP proxy like http://, wss:// like https://; tcp:// only through ALL_PROXY.
 */
function candidates(target: DoctorTarget): readonly string[] {
  const all = ["all_proxy", "ALL_PROXY"];
  if (target.scheme === "tcp") return all;
  return target.tls ? ["https_proxy", "HTTPS_PROXY", ...all] : ["http_proxy", "HTTP_PROXY", ...all];
}

export function findProxy(target: DoctorTarget, env: NodeJS.ProcessEnv): ProxyFinding {
  const names = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];
  const set = [...names, "no_proxy", "NO_PROXY"].filter((n) => (env[n] ?? "") !== "");
  const variable = candidates(target).find((n) => (env[n] ?? "") !== "");
  if (variable === undefined) return { set };
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? "";
  const bypassedBy = matchNoProxy(noProxy, target.host, target.port);
  if (bypassedBy !== undefined) return { set, bypassedBy };
  const value = env[variable] ?? "";
  return { set, proxy: { variable, value, ...parseProxy(value) } };
}

/** A proxy URL; a bare `host:port` means http://host:port, as curl reads it. */
export function parseProxy(value: string): { host?: string; port?: number } {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const port = url.port === "" ? proxyPorts[url.protocol] : Number(url.port);
    if (host === "" || port === undefined) return {};
    return { host, port };
  } catch {
    return {};
  }
}

/**
 * NO_PROXY: comma-separated entries; `*` matches everything; a name matches itself and its
 * subdomains (a leading dot is optional); an IP matches exactly; `entry:port` only that port.
 */
export function matchNoProxy(noProxy: string, host: string, port: number): string | undefined {
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return raw;
    const { name, entryPort } = splitEntry(entry);
    if (entryPort !== undefined && Number(entryPort) !== port) continue;
    if (isIP(name) !== 0 || isIP(host) !== 0) {
      if (name === host) return raw;
      continue;
    }
    if (host === name || host.endsWith(`.${name}`)) return raw;
  }
  return undefined;
}

/** `name`, `name:port`, `[v6]`, `[v6]:port` or a bare IPv6 address (whose colons are not a port). */
function splitEntry(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1] ?? "", ...(bracketed[2] ? { entryPort: bracketed[2] } : {}) };
  if (isIP(entry) === 6) return { name: entry };
  const match = /^(.*?)(?::(\d+))?$/.exec(entry);
  const name = (match?.[1] ?? entry).replace(/^\*?\./, "");
  return { name, ...(match?.[2] ? { entryPort: match[2] } : {}) };
}
