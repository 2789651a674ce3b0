import type { Setup } from "../setup.ts";
import { serveForLocalhost } from "./localhost-resolver.ts";

/**
 * The server binds 127.0.0.1 only; the client dials `localhost`, which resolves to ::1 first.
 * The SYN to [::1]:PORT gets a RST; clients that then try 127.0.0.1 recover, the rest fail.
 */
export const listenIpv4Only: Setup = {
  name: "listen-ipv4-only",
  tier: "lab",
  describe: "server on 127.0.0.1:PORT, client dials localhost (::1 first); [::1] answers RST",
  start: () => serveForLocalhost("127.0.0.1"),
};
