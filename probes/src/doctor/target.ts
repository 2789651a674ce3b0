import { isIP } from "node:net";
import { ConnlabError } from "@connlab/scenarios";

/** Schemes the doctor understands, and the port each implies when the target gives none. */
export const defaultPorts = { ws: 80, wss: 443, http: 80, https: 443, tcp: undefined } as const;
export type Scheme = keyof typeof defaultPorts;
const schemes = Object.keys(defaultPorts) as Scheme[];

/** What the user pointed the doctor at, normalised. `host` never carries IPv6 brackets. */
export interface DoctorTarget {
  readonly input: string;
  readonly scheme: Scheme;
  readonly host: string;
  readonly port: number;
  /** Path and query sent in the HTTP request line (`/` when none). */
  readonly path: string;
  /** 0 for a name, 4 or 6 for an address literal. */
  readonly ipVersion: 0 | 4 | 6;
  readonly tls: boolean;
}

const maxInputLength = 2048;

/** Shows user input safely inside a one-line message: quoted, control characters escaped, cut. */
export function quote(input: string): string {
  const shown = input.length > 60 ? `${input.slice(0, 60)}…` : input;
  return JSON.stringify(shown);
}

/**
 * Parses `scheme://host:port/path` or `host:port` (then tcp). IPv6 literals need brackets
 * (`[::1]:8080`, `ws://[::1]:8080/`): without them the last colon would be ambiguous.
 */
export function parseTarget(input: string): DoctorTarget {
  if (input.length === 0 || input.trim().length === 0) throw new ConnlabError("bad-target", "empty target");
  if (input.length > maxInputLength) {
    throw new ConnlabError(
      "bad-target",
      `target is ${input.length} characters long; the limit is ${maxInputLength}`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f\s]/.test(input)) {
    throw new ConnlabError("bad-target", `target ${quote(input)} contains whitespace or control characters`);
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(input);
  if (!schemeMatch) return parseHostPort(input);
  const scheme = (schemeMatch[1] ?? "").toLowerCase();
  if (!(schemes as string[]).includes(scheme)) {
    throw new ConnlabError(
      "bad-target",
      `unknown scheme "${scheme}" in ${quote(input)}; use ${schemes.join(", ")}`,
    );
  }
  return parseUrl(input, scheme as Scheme);
}

function parseUrl(input: string, scheme: Scheme): DoctorTarget {
  const authority = /^[^:]+:\/\/([^/?#]*)/.exec(input)?.[1] ?? "";
  if (authority.includes("@"))
    throw new ConnlabError("bad-target", `credentials in ${quote(input)} are not supported`);
  checkBareIpv6(authority, input);
  if (authority === "" || authority.startsWith(":"))
    throw new ConnlabError("bad-target", `no host in ${quote(input)}`);
  checkPortText(/:([^:\]]*)$/.exec(authority)?.[1], input);
  let url: URL;
  try {
    // WHATWG URL knows no default port for tcp:, so parse every scheme as http-like.
    url = new URL(input.replace(/^[^:]+:/, scheme === "tcp" ? "connlab:" : `${scheme}:`));
  } catch {
    throw new ConnlabError("bad-target", `malformed URL ${quote(input)}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "") throw new ConnlabError("bad-target", `no host in ${quote(input)}`);
  const explicit = /:(\d+)$/.exec(authority)?.[1];
  const port = explicit !== undefined ? Number(explicit) : defaultPorts[scheme];
  if (port === undefined)
    throw new ConnlabError("bad-target", `tcp:// needs a port, e.g. tcp://${host}:9000`);
  const path = scheme === "tcp" ? "/" : `${url.pathname || "/"}${url.search}`;
  return finish(input, scheme, host, port, path);
}

function parseHostPort(input: string): DoctorTarget {
  if (input.includes("/"))
    throw new ConnlabError("bad-target", `malformed target ${quote(input)}; use scheme://host:port`);
  checkBareIpv6(input, input);
  const match = /^(\[[^\]]*\]|[^:[\]]*):([^:]*)$/.exec(input);
  if (!match)
    throw new ConnlabError(
      "bad-target",
      `target ${quote(input)} needs a port: host:port or scheme://host[:port]`,
    );
  const host = (match[1] ?? "").replace(/^\[|\]$/g, "");
  if (host === "") throw new ConnlabError("bad-target", `no host in ${quote(input)}`);
  checkPortText(match[2], input);
  return finish(input, "tcp", host, Number(match[2]), "/");
}

/** `::1:8080` could be the address ::1 port 8080 or the address ::1:8080: refuse to guess. */
function checkBareIpv6(authority: string, input: string): void {
  if (!authority.startsWith("[") && (authority.match(/:/g) ?? []).length > 1) {
    throw new ConnlabError("bad-target", `IPv6 address in ${quote(input)} needs brackets, e.g. [::1]:8080`);
  }
}

function checkPortText(text: string | undefined, input: string): void {
  if (text === undefined) return;
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new ConnlabError(
      "bad-target",
      `port ${quote(text)} in ${quote(input)} is not a number from 1 to 65535`,
    );
  }
}

function finish(input: string, scheme: Scheme, rawHost: string, port: number, path: string): DoctorTarget {
  const host = rawHost.toLowerCase();
  const ipVersion = isIP(host) as 0 | 4 | 6;
  if (ipVersion === 0) {
    if (host.length > 253 || !/^[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_-]{1,63})*\.?$/.test(host)) {
      throw new ConnlabError(
        "bad-target",
        `host ${quote(rawHost)} is neither a valid name nor an IP address`,
      );
    }
    if (/^[\d.]+$/.test(host))
      throw new ConnlabError("bad-target", `host ${quote(rawHost)} is not a valid IPv4 address`);
  }
  return { input, scheme, host, port, path, ipVersion, tls: scheme === "https" || scheme === "wss" };
}

/** `host:port` as a client prints it: IPv6 in brackets. */
export function hostPort(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}
