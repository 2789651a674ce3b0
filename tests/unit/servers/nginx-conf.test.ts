import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getScenario, labProxyReadTimeoutMs } from "@connlab/scenarios";
import { nginxConf, websocketLocation } from "@connlab/servers/nginx-conf";
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
