import { execa } from "execa";
import { CONNECTED } from "../observation.ts";
import { type Client, stopwatch } from "./client.ts";

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

let cachedVersion: string | undefined;

/** curl as a user runs it, through execa: the observation is its exit code and its stderr line. */
export const curl: Client = {
  name: "curl",
  version: async () => {
    if (!cachedVersion) {
      const { stdout } = await execa("curl", ["--version"]);
      cachedVersion = stdout.split("\n")[0]?.split(" ").slice(0, 2).join(" ") ?? "curl";
    }
    return cachedVersion;
  },
  probe: async (target, { timeoutMs }) => {
    const elapsed = stopwatch();
    const seconds = (timeoutMs / 1000).toFixed(3);
    // -sS: quiet, but still print the one error line users see; -k: the lab's TLS is self-signed.
    const result = await execa(
      "curl",
      [
        "-sS",
        "-k",
        "--connect-timeout",
        seconds,
        "--max-time",
        seconds,
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        target.url,
      ],
      { reject: false, env: { ...target.env }, timeout: timeoutMs + 2_000 },
    );
    const base = { client: "curl" as const, clientVersion: await curl.version(), elapsedMs: elapsed() };
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
