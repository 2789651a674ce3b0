/**
 * The catalogue's closed sets of names, as plain data: the CLI and the lab read them without
 * loading the schema library (zod alone is ~95 modules, most of a command's start-up). The
 * schema (schema.ts) builds its enums from these same lists.
 */
import type { categories } from "./categories.ts";

export type Category = (typeof categories)[number];

/**
 * Where a scenario can be reproduced. `lab` is rootless and loopback only; `lab-root` builds
 * network namespaces with nftables; `docker` runs in the compose stack.
 */
export const labTiers = ["lab", "lab-root", "docker"] as const;
export type LabTier = (typeof labTiers)[number];

/** Real clients the probes drive. Each one reports a code and the exact message it printed. */
export const clientNames = [
  "node-net",
  "node-http",
  "fetch",
  "ws",
  "node-websocket",
  // Socket.IO's own client (io(url)): for the scenarios whose server is a Socket.IO app.
  "socket.io-client",
  "curl",
  "chromium",
  "firefox",
] as const;
export type ClientName = (typeof clientNames)[number];

/** The clients that are browsers: a page's WebSocket, under the browser's own rules. */
const browsers = ["chromium", "firefox"] as const satisfies readonly ClientName[];
export const browserClients: readonly ClientName[] = browsers;

/** The clients that are programs of their own: curl and the browsers. */
const programClients = ["curl", ...browsers] as const;

/** The clients that are Node libraries, run in a Node process: all of them but the programs. */
export type NodeClientName = Exclude<ClientName, (typeof programClients)[number]>;
export const nodeClients: readonly ClientName[] = clientNames.filter(
  (c) => !(programClients as readonly ClientName[]).includes(c),
);
