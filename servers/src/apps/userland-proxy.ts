import { connect, createServer, type Socket } from "node:net";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/**
 * What Docker's docker-proxy does for a published port (moby, cmd/docker-proxy/tcp_proxy.go):
 * accept the host's connection, dial the container's address, pipe both ways; when that dial is
 * refused, close the accepted socket without a byte: a FIN, or a RST when the client's request
 * already sits unread in it (RFC 2525 §2.17). Only the compose stack, whose network is internal
 * (no docker-proxy reaches it), runs it; on a host, `connlab record` meets the real docker-proxy.
 */
export async function startUserlandProxy(options: {
  host: string;
  port: number;
  upstreamHost: string;
  upstreamPort: number;
}): Promise<Listening> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    client.on("error", () => client.destroy());
    const backend = connect(options.upstreamPort, options.upstreamHost, () => {
      client.pipe(backend).pipe(client);
    });
    sockets.add(backend);
    backend.on("close", () => sockets.delete(backend));
    // The dial failed (ECONNREFUSED: nobody on the container's address): close, as Go's Close().
    backend.on("error", () => client.destroy());
  });
  return listen(server, options, sockets);
}
