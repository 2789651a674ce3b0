import { createServer } from "node:https";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/**
 * A blank page over HTTPS, the page a site serves before its script opens a WebSocket: its
 * origin (https://NAME:PORT) is what the browser's mixed-content rule looks at.
 */
export function startHttpsPage(options: {
  host: string;
  tls: { key: string; cert: string };
}): Promise<Listening> {
  const server = createServer(options.tls, (_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>connlab</title>"),
  );
  return listen(server, { host: options.host });
}
