import type { Target } from "@connlab/servers";
import { execa } from "execa";
import { CONNECTED } from "../connected.ts";
import { type Client, probeEnv, stopwatch } from "./client.ts";

/** libcurl's names for the exit codes the catalogue meets (man curl, "EXIT CODES"). */
const curlExitNames: Readonly<Record<number, string>> = {
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
 * The arguments that make curl reach a target as the lab means it, shared with `lab up`'s
 * "see it fail" commands. With a lab resolver, curl asks it over DNS-over-HTTPS: Debian's curl
 * has no c-ares, so --dns-servers is unavailable, and DoH is the one way to send its lookups to
 * a DNS server on a port. The lab's DoH certificate is self-signed, hence --doh-insecure.
 */
export function curlArgs(target: Target, timeoutMs: number): string[] {
  const seconds = (timeoutMs / 1000).toFixed(3);
  const resolver = target.resolver ? ["--doh-url", target.resolver.doh, "--doh-insecure"] : [];
  return ["--connect-timeout", seconds, "--max-time", seconds, ...resolver, target.url];
}

let cachedVersion: Promise<string> | undefined;

/** curl as a user runs it, through execa: the observation is its exit code and its stderr line. */
export const curl: Client = {
  name: "curl",
  version: () => {
    cachedVersion ??= execa("curl", ["--version"]).then(
      ({ stdout }) => stdout.split("\n")[0]?.split(" ").slice(0, 2).join(" ") ?? "curl",
    );
    return cachedVersion;
  },
  probe: async (target, { timeoutMs }) => {
    const clientVersion = await curl.version();
    const elapsed = stopwatch();
    // -sS: quiet, but still print the one error line users see; -k: the lab's TLS is self-signed.
    const result = await execa(
      "curl",
      ["-sS", "-k", "-o", "/dev/null", "-w", "%{http_code}", ...curlArgs(target, timeoutMs)],
      { reject: false, env: probeEnv(target), extendEnv: false, timeout: timeoutMs + 2_000 },
    );
    const base = { client: "curl" as const, clientVersion, elapsedMs: elapsed() };
    if (result.exitCode === 0) {
      return { ...base, code: CONNECTED, message: `HTTP ${String(result.stdout)}`, exitCode: 0 };
    }
    const exitCode = result.exitCode ?? -1;
    return {
      ...base,
      code: curlExitNames[exitCode] ?? `CURL_EXIT_${exitCode}`,
      message: String(result.stderr).trim().split("\n").at(-1) ?? "",
      exitCode,
    };
  },
};
