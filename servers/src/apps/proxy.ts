import { createServer, type IncomingHttpHeaders, request } from "node:http";
import { connect, type Socket } from "node:net";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/**
 * A minimal reverse proxy to `upstreamHost` (default 127.0.0.1):`upstreamPort`. Plain requests are forwarded with the
 * hop-by-hop headers removed (RFC 9110 §7.6.1), which includes `Connection` and `Upgrade`.
 * With `forwardUpgrade`, an upgrade request is instead tunnelled byte for byte, as nginx does with
 * `proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade";`. Without it,
 * the upgrade is handled like any request: stripped, so the upstream sees plain HTTP.
 */
export async function startProxy(options: {
  host: string;
  port?: number;
  upstreamPort: number;
  upstreamHost?: string;
  forwardUpgrade: boolean;
}): Promise<Listening> {
  const sockets = new Set<Socket>();
  const upstreamHost = options.upstreamHost ?? "127.0.0.1";
  const forward = (method: string, url: string, headers: IncomingHttpHeaders) => {
    const { connection: _c, upgrade: _u, "keep-alive": _k, ...rest } = headers;
    return request({ host: upstreamHost, port: options.upstreamPort, method, path: url, headers: rest });
  };
  const server = createServer((req, res) => {
    const upstream = forward(req.method ?? "GET", req.url ?? "/", req.headers);
    upstream.once("response", (answer) => {
      answer.on("error", () => res.destroy());
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
      answer.pipe(res);
    });
    upstream.once("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // Node hands a request with `Upgrade` to 'upgrade' listeners only, so both modes listen here.
  server.on("upgrade", (req, client: Socket, head: Buffer) => {
    client.on("error", () => client.destroy());
    if (!options.forwardUpgrade) {
      const upstream = forward(req.method ?? "GET", req.url ?? "/", req.headers);
      upstream.once("response", (answer) => {
        answer.on("error", () => client.destroy());
        const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
        }
        client.write(`${lines.join("\r\n")}\r\n\r\n`);
        answer.pipe(client);
      });
      upstream.once("error", () => client.destroy());
      upstream.end();
      return;
    }
    const upstream = connect(options.upstreamPort, upstreamHost, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
  });
  return listen(server, options, sockets);
}
