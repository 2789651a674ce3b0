import type { Setup } from "../setup.ts";
import { serveForLocalhost } from "./localhost-resolver.ts";

/** The fix: the server binds `::` (dual stack), accepting [::1] and 127.0.0.1 alike. */
export const listenDualStack: Setup = {
  name: "listen-dual-stack",
  tier: "lab",
  describe: "server on [::]:PORT (dual stack), client dials localhost",
  start: () => serveForLocalhost("::"),
};
