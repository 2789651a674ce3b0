import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../../cli/src/program.ts";
import { connlab } from "../../helpers/cli.ts";

/** Runs the CLI in this process (no Node start-up per case) and captures what it writes. */
async function runCaptured(args: readonly string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const exitCode = await run(args);
    return { exitCode, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

// Bad usage never reaches the network: one line on stderr, nothing on stdout, exit 2.
describe("connlab doctor usage errors", () => {
  it.each([
    [["doctor", "ws://[::1/"], /^connlab: malformed URL "ws:\/\/\[::1\/"$/],
    [["doctor", "ftp://x.test/"], /^connlab: unknown scheme "ftp"/],
    [["doctor", "localhost:70000"], /^connlab: port "70000" .* is not a number from 1 to 65535$/],
    [["doctor", "ws://:80/"], /^connlab: no host in "ws:\/\/:80\/"$/],
    [["doctor", "::1:80"], /^connlab: IPv6 address in "::1:80" needs brackets, e\.g\. \[::1\]:8080$/],
    [
      ["doctor", `ws://${"x".repeat(5000)}:80/`],
      /^connlab: target is 5009 characters long; the limit is 2048$/,
    ],
    [["doctor", "ws://a:80/$(touch /tmp/connlab-pwned)\u0007"], /contains whitespace or control characters$/],
    [
      ["doctor", "ws://127.0.0.1:80/", "--timeout", "soon"],
      /^connlab: --timeout "soon" must be a number of seconds/,
    ],
    [
      ["doctor", "ws://127.0.0.1:80/", "--timeout", "0"],
      /^connlab: --timeout "0" must be a number of seconds/,
    ],
    [
      ["doctor", "ws://127.0.0.1:80/", "--idle", "0.5"],
      /^connlab: --idle "0\.5" must be a number of seconds from 1 to 600$/,
    ],
    [
      ["doctor", "ws://127.0.0.1:80/", "--expect-ip", "not-an-ip"],
      /^connlab: --expect-ip "not-an-ip" is not an IP address$/,
    ],
    [
      ["doctor", "ws://127.0.0.1:80/", "--protocol", "chat\r\nX-Injected: 1"],
      /^connlab: --protocol "chat\\r\\nX-Injected: 1" is not a subprotocol name \(letters, digits and /,
    ],
    [
      ["doctor", "ws://127.0.0.1:80/", "--lang", "fr"],
      /^connlab: option '--lang <locale>' argument 'fr' is invalid/,
    ],
    [
      ["doctor", "ws://127.0.0.1:80/", "--guide-url", "file:///etc"],
      /^connlab: --guide-url "file:\/\/\/etc" must be/,
    ],
    [["doctor"], /^connlab: missing required argument 'target'$/],
  ])("%#: %s", async (args, message) => {
    const result = await runCaptured(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  // Once as a real process: the exit status and stderr a shell user sees.
  it("exits 2 with one line as a child process", { timeout: 30_000 }, async () => {
    const result = await connlab(["doctor", "gopher://x.test:70/"]);
    expect(result.exitCode).toBe(2);
    expect(String(result.stdout)).toBe("");
    expect(String(result.stderr)).toBe(
      'connlab: unknown scheme "gopher" in "gopher://x.test:70/"; use ws, wss, http, https, tcp',
    );
  });
});
