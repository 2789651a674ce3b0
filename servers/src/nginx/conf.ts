/**
 * The nginx configuration the lab runs: one `server` on loopback whose `location` proxies
 * WebSockets as people usually write it (nginx's own "WebSocket proxying" page), so what the
 * reader copies and what the lab runs are the same lines. Everything nginx would otherwise
 * write under /var (pid, logs, temp files) goes to the run's own folder.
 */

export interface WebSocketLocation {
  /** `host:port` of the WebSocket server behind the proxy, or the name of an `upstream` group. */
  readonly upstream: string;
  /** nginx's time syntax (`3s`, `1h`); absent: the directive is left out, and the default (60 s) holds. */
  readonly readTimeout?: string;
}

/** The `location` block, indented as it sits in a `server` block: the lines the guide shows. */
export function websocketLocation(location: WebSocketLocation): string {
  return [
    "location / {",
    `    proxy_pass http://${location.upstream};`,
    "    proxy_http_version 1.1;",
    "    proxy_set_header Upgrade $http_upgrade;",
    '    proxy_set_header Connection "upgrade";',
    ...(location.readTimeout ? [`    proxy_read_timeout ${location.readTimeout};`] : []),
    "}",
  ].join("\n");
}

/**
 * An `upstream` group: several servers of one app behind one name, as a load balancer is
 * usually set up (nginx's "Using nginx as HTTP load balancer" page).
 */
export interface UpstreamGroup {
  readonly name: string;
  /** `host:port` of each server, in order. */
  readonly servers: readonly string[];
  /** The balancing directive (`ip_hash;`); absent: nginx's default, round-robin per request. */
  readonly balance?: string;
}

/** The `upstream` block, as it sits in the `http` block: the lines the guide shows. */
export function upstreamBlock(group: UpstreamGroup): string {
  return [
    `upstream ${group.name} {`,
    ...(group.balance ? [`    ${group.balance}`] : []),
    ...group.servers.map((server) => `    server ${server};`),
    "}",
  ].join("\n");
}

/** The whole nginx.conf of one run: `dir` holds its pid, logs and temp paths. */
export function nginxConf(options: {
  dir: string;
  listen: string;
  location: WebSocketLocation;
  upstream?: UpstreamGroup;
}): string {
  const { dir } = options;
  const indent = (text: string, by: string) =>
    text
      .split("\n")
      .map((line) => by + line)
      .join("\n");
  return `# connlab: written for one run, removed with it.
# In the foreground: the lab owns the process, and its pid file says which one to stop.
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
# "info" is where nginx logs "upstream timed out ... while proxying upgraded connection".
error_log ${dir}/error.log info;

events {
    worker_connections 64;
}

http {
    access_log off;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
${options.upstream ? `\n${indent(upstreamBlock(options.upstream), "    ")}\n` : ""}
    server {
        listen ${options.listen};
${indent(websocketLocation(options.location), "        ")}
    }
}
`;
}
