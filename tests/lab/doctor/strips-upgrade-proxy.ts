import { createServer, request } from "node:http";
import type { Listening } from "@connlab/servers";

/**
 * A reverse proxy on 127.0.0.1 that forwards every request to `upstreamPort` as plain HTTP,
 * dropping the hop-by-hop `Upgrade` and `Connection` headers (nginx without
 * `proxy_set_header Upgrade`): a WebSocket server behind it sees a plain GET and answers 426.
 */
export async function startStrippingProxy(upstreamPort: number): Promise<Listening> {
  const server = createServer((incoming, outgoing) => {
    const { upgrade: _upgrade, connection: _connection, ...headers } = incoming.headers;
    const upstream = request(
      {
        host: "127.0.0.1",
        port: upstreamPort,
        path: incoming.url,
        method: incoming.method,
        headers,
        timeout: 2_000,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.writeHead(502).end());
    upstream.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return {
    host: "127.0.0.1",
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
