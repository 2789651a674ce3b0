import type { Listening } from "../apps/http.ts";
import type { RunningSetup } from "../setup.ts";

/** The usual shape of a rootless setup: servers on loopback, the URL the client types, close all. */
export function running(url: string, servers: readonly Listening[]): RunningSetup {
  let closing: Promise<void> | undefined;
  return {
    target: { url },
    close: () => {
      closing ??= Promise.all(servers.map((server) => server.close())).then(() => {});
      return closing;
    },
  };
}
