import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getScenario, labProxyReadTimeoutMs } from "@connlab/scenarios";
import { nginxConf, upstreamBlock, websocketLocation } from "@connlab/servers/nginx-conf";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

// The nginx lines the guide shows are the lines the lab runs, so the reader's diff is real.
const labTimeout = `${labProxyReadTimeoutMs / 1000}s`;
const docs = join(repoRoot, "site", "src", "content", "docs");
const page = getScenario("closed-proxy-idle-timeout").docs;

function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``, "gm"))].map(
    (m) => m[1] ?? "",
  );
}

describe("the lab's nginx configuration", () => {
  it("proxies WebSockets as usually written, with the lab's limit last", () => {
    expect(websocketLocation({ upstream: "127.0.0.1:8080", readTimeout: labTimeout }).split("\n")).toEqual([
      "location / {",
      "    proxy_pass http://127.0.0.1:8080;",
      "    proxy_http_version 1.1;",
      "    proxy_set_header Upgrade $http_upgrade;",
      '    proxy_set_header Connection "upgrade";',
      `    proxy_read_timeout ${labTimeout};`,
      "}",
    ]);
  });

  it("listens only where it is told and writes only into its run's folder", () => {
    const conf = nginxConf({
      dir: "/tmp/connlab-nginx-1-x",
      listen: "127.0.0.1:4000",
      location: { upstream: "127.0.0.1:4001", readTimeout: labTimeout },
    });
    expect(conf.match(/^\s*listen .*$/gm)).toEqual(["        listen 127.0.0.1:4000;"]);
    const paths = conf.match(/(?<=\s)\/[^\s;]+/g) ?? [];
    expect(paths.filter((p) => !p.startsWith("/tmp/connlab-nginx-1-x/"))).toEqual([]);
    expect(conf).toMatch(/^daemon off;$/m);
  });

  it.each(["", "en/"])("is what %sclosed/proxy-idle-timeout shows, and its fix is a diff of it", (locale) => {
    const text = readFileSync(join(docs, `${locale}${page}.mdx`), "utf8");
    const shown = websocketLocation({ upstream: "127.0.0.1:8080", readTimeout: labTimeout });
    expect(blocks(text, "nginx")).toEqual([shown]);
    const [diff] = blocks(text, "diff");
    // The diff's old side is the block above, line for line.
    const before = (diff ?? "")
      .split("\n")
      .filter((line) => !line.startsWith("+"))
      .map((line) => line.slice(1));
    expect(before.join("\n")).toBe(shown);
  });
});

describe("the lab's load balancer for Socket.IO", () => {
  const servers = ["127.0.0.1:3001", "127.0.0.1:3002"];
  const roundRobin = upstreamBlock({ name: "socketio_nodes", servers });
  const sticky = upstreamBlock({ name: "socketio_nodes", servers, balance: "ip_hash;" });

  it("writes the upstream as usually written: the balancing line first, then the servers", () => {
    expect(sticky.split("\n")).toEqual([
      "upstream socketio_nodes {",
      "    ip_hash;",
      "    server 127.0.0.1:3001;",
      "    server 127.0.0.1:3002;",
      "}",
    ]);
    const conf = nginxConf({
      dir: "/tmp/connlab-nginx-1-x",
      listen: "127.0.0.1:4000",
      location: { upstream: "socketio_nodes" },
      upstream: { name: "socketio_nodes", servers },
    });
    // Inside the http block, before the server that proxies to it.
    expect(conf).toMatch(/^http \{\n[\s\S]*\n {4}upstream socketio_nodes \{\n[\s\S]*\n {4}server \{\n/m);
    expect(conf).toContain("        proxy_pass http://socketio_nodes;");
  });

  it.each(["", "en/"])("is what %sclosed/socketio-no-sticky shows, and its fix is a diff of it", (locale) => {
    const text = readFileSync(
      join(docs, `${locale}${getScenario("closed-socketio-no-sticky").docs}.mdx`),
      "utf8",
    );
    expect(blocks(text, "nginx")).toEqual([roundRobin, websocketLocation({ upstream: "socketio_nodes" })]);
    const [diff = ""] = blocks(text, "diff");
    const side = (drop: string) =>
      diff
        .split("\n")
        .filter((line) => !line.startsWith(drop))
        .map((line) => line.slice(1))
        .join("\n");
    expect(side("+")).toBe(roundRobin);
    expect(side("-")).toBe(sticky);
  });
});
