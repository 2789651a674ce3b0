import { execFile } from "node:child_process";

/**
 * Runs one administration command (ip, nft, sysctl) with a bound, and fails with its stderr:
 * a lab that half-builds must say which command the kernel refused and why.
 */
export function sh(file: string, args: readonly string[], options: { input?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(" ")}: ${String(stderr).trim() || error.message}`));
      else resolve(String(stdout));
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** The same command run inside a namespace: `ip netns exec NS file args…`. */
export function shIn(
  netns: string,
  file: string,
  args: readonly string[],
  options: { input?: string } = {},
): Promise<string> {
  return sh("ip", ["netns", "exec", netns, file, ...args], options);
}
