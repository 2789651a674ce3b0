import type { Target } from "@connlab/servers";
import { execa } from "execa";
import { CONNECTED } from "../connected.ts";
import { type Client, probeEnv, stopwatch, watchdogFired } from "./client.ts";
import { curlTrust } from "./trust.ts";

/** libcurl's names for the exit codes the catalogue meets (man curl, "EXIT CODES"). */
const curlExitNames: Readonly<Record<number, string>> = {
  1: "CURLE_UNSUPPORTED_PROTOCOL",
  5: "CURLE_COULDNT_RESOLVE_PROXY",
  6: "CURLE_COULDNT_RESOLVE_HOST",
  7: "CURLE_COULDNT_CONNECT",
  8: "CURLE_WEIRD_SERVER_REPLY",
  28: "CURLE_OPERATION_TIMEDOUT",
  35: "CURLE_SSL_CONNECT_ERROR",
  52: "CURLE_GOT_NOTHING",
  56: "CURLE_RECV_ERROR",
  60: "CURLE_PEER_FAILED_VERIFICATION",
};

/**
 * The request headers of a WebSocket opening handshake (RFC 6455 §4.1), so that curl, which
 * has no ws:// support in Debian's build, asks a ws:// target exactly what a WebSocket client asks.
 */
export const curlUpgradeHeaders = [
  "Connection: Upgrade",
  "Upgrade: websocket",
  "Sec-WebSocket-Version: 13",
  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
].flatMap((header) => ["-H", header]);

/**
 * The arguments that make curl reach a target as the lab means it, shared with `lab up`'s
 * "see it fail" commands. With a lab resolver, curl asks it over DNS-over-HTTPS: Debian's curl
 * has no c-ares, so --dns-servers is unavailable, and DoH is the one way to send its lookups to
 * a DNS server on a port. The lab's DoH certificate is self-signed, hence --doh-insecure.
 */
export function curlArgs(target: Target): string[] {
  const resolver = target.resolver ? ["--doh-url", target.resolver.doh, "--doh-insecure"] : [];
  return [...resolver, target.url];
}

/**
 * The line that names the failure: `curl: (N) …`. After a certificate failure (60) curl adds a
 * paragraph of advice below it; elsewhere the last line is the error.
 */
function errorLine(stderr: string): string {
  const lines = stderr.trim().split("\n");
  return lines.findLast((line) => /^curl: \(\d+\)/.test(line)) ?? lines.at(-1) ?? "";
}

let cachedVersion: Promise<string> | undefined;

/**
 * curl as a user runs it, through execa, with its own timers (no --max-time; its connect
 * timeout is 300 s, so the kernel's SYN retries end a dropped connect first): the observation
 * is the status line it received, or its exit code and stderr line. `-D -` prints the response head on stdout as it arrives; once a
 * `101 Switching Protocols` head is complete the upgrade is done and curl (which cannot speak
 * WebSocket frames) is stopped instead of waiting for its timeout.
 */
export const curl: Client = {
  name: "curl",
  version: () => {
    cachedVersion ??= execa("curl", ["--version"]).then(
      ({ stdout }) => stdout.split("\n")[0]?.split(" ").slice(0, 2).join(" ") ?? "curl",
    );
    return cachedVersion;
  },
  probe: async (target, { watchdogMs }) => {
    const clientVersion = await curl.version();
    const elapsed = stopwatch();
    const websocket = /^wss?:/.test(target.url);
    const url = target.url.replace(/^ws/, "http");
    // -sS: quiet, but still print the error line users see. Certificates are verified, as by
    // default; a target's extra CA is given the way a user gives it (--cacert).
    const trust = target.trust ? curlTrust(target.trust) : undefined;
    const args = [
      "-sS",
      "-o",
      "/dev/null",
      "-D",
      "-",
      ...(websocket ? curlUpgradeHeaders : []),
      ...(trust?.args ?? []),
    ];
    const subprocess = execa("curl", [...args, ...curlArgs({ ...target, url })], {
      reject: false,
      env: probeEnv(target),
      extendEnv: false,
      // The lab's watchdog: a curl still running then is a failed run, never a symptom.
      timeout: watchdogMs,
    });
    let head = "";
    let upgraded = false;
    subprocess.stdout?.on("data", (chunk: Buffer) => {
      head += chunk.toString("latin1");
      if (websocket && /^HTTP\/\S+ 101\b/.test(head) && head.includes("\r\n\r\n")) {
        upgraded = true;
        subprocess.kill();
      }
    });
    const result = await subprocess;
    const base = {
      client: "curl" as const,
      clientVersion,
      elapsedMs: elapsed(),
      ...(trust ? { settings: [trust.setting] } : {}),
    };
    const statusLine = head.split("\r\n")[0] ?? "";
    const status = Number(statusLine.split(" ")[1]);
    if (upgraded) return { ...base, code: CONNECTED, message: statusLine, exitCode: null };
    if (result.timedOut) return { ...base, ...watchdogFired(watchdogMs), exitCode: null };
    if (result.exitCode === 0) {
      // A WebSocket client wants 101; an HTTP client is done with any status below 400.
      const ok = websocket ? false : status < 400;
      return { ...base, code: ok ? CONNECTED : `HTTP_${status}`, message: statusLine, exitCode: 0 };
    }
    const exitCode = result.exitCode ?? -1;
    return {
      ...base,
      code: curlExitNames[exitCode] ?? `CURL_EXIT_${exitCode}`,
      message: errorLine(String(result.stderr)),
      exitCode,
    };
  },
};
