import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { scenarios } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

// Corrections the guide once got wrong, kept from coming back: each check reads the pages'
// sources in both locales, so a regression fails here without building the site.
const docs = join(repoRoot, "site", "src", "content", "docs");

interface Page {
  readonly path: string;
  readonly lang: "es" | "en";
  readonly text: string;
}

const pages: readonly Page[] = readdirSync(docs, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => ({
    path: f,
    lang: f.startsWith("en/") ? ("en" as const) : ("es" as const),
    text: readFileSync(join(docs, f), "utf8"),
  }));
const page = (path: string) => {
  const found = pages.find((p) => p.path === path);
  if (!found) throw new Error(`no page ${path}`);
  return found.text;
};
const bothLocales = (path: string) => [page(path), page(`en/${path}`)];

/** The commands a page tells readers to run: the contents of its fenced code blocks. */
function codeBlocks(text: string): string[] {
  return [...text.matchAll(/^\s*```[^\n]*\n([\s\S]*?)^\s*```/gm)].map((m) => m[1] ?? "");
}

/** What a reader reads as text: no frontmatter, imports, code, components, link targets. */
function prose(text: string): string {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(/^\s*```[^\n]*\n[\s\S]*?^\s*```/gm, "")
    .replace(/^import .*$/gm, "")
    .replace(/`[^`\n]*`/g, "")
    .replace(/<[^>\n]*>/g, "")
    .replace(/\]\([^)]*\)/g, "]");
}

describe("the guide's corrections stay made", () => {
  it("never gives `nft add rule … accept` as a fix: it lands behind an existing drop", () => {
    const offenders = pages.flatMap((p) =>
      codeBlocks(p.text)
        .flatMap((block) => block.split("\n"))
        .filter((line) => /\bnft add rule\b.*\baccept\b/.test(line))
        .map((line) => `${p.path}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
    for (const text of bothLocales("timeout/firewall.mdx")) {
      expect(codeBlocks(text).join("\n")).toContain(
        "nft insert rule inet filter input tcp dport 8080 accept",
      );
    }
  });

  it("tells ss's dual-stack `*:PORT` from the IPv6-only `[::]:PORT`", () => {
    for (const text of bothLocales("refused/localhost-ipv6.mdx")) {
      const rows = text.split("\n").filter((line) => line.startsWith("| `"));
      expect(rows.find((row) => row.startsWith("| `*:8080` |"))).toMatch(/IPv6 \S+ IPv4/);
      expect(rows.find((row) => row.startsWith("| `[::]:8080` |"))).toMatch(/IPV6_V6ONLY/);
      // The old sentence put both in one breath, as if they were the same thing.
      expect(
        text.split("\n").filter((line) => line.includes("`[::]:8080` o") || line.includes("`[::]:8080` or")),
      ).toEqual([]);
    }
  });

  it("never shows upper-case HTTP_PROXY steering curl or the doctor: curl ignores it", () => {
    const offenders = pages.flatMap((p) =>
      [...p.text.matchAll(/\bHTTP_PROXY=\S+\s+(?:curl|pnpm|node)\b/g)].map((m) => `${p.path}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
    for (const text of bothLocales("refused/proxy.mdx")) expect(text).toContain("NODE_USE_ENV_PROXY=1");
  });

  it("says ENETUNREACH comes from the client's own routing table", () => {
    const [es, en] = bothLocales("timeout/index.mdx");
    expect(es).toMatch(/`ENETUNREACH`[^\n]*propia máquina del cliente, al instante/);
    expect(en).toMatch(/`ENETUNREACH`[^\n]*comes from the client's own machine, at once/);
  });

  it("says curl's exit 7 is any failed connect, not only a refusal", () => {
    for (const text of bothLocales("refused/index.mdx")) {
      for (const code of ["EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"])
        expect(text).toContain(`\`${code}\``);
    }
  });

  it("types no client's error line by hand: pages render them from recorded runs", () => {
    // A browser's console line or a curl error in the page source would be a hand-typed row.
    const typed = /WebSocket connection to '|Firefox can.t establish a connection|^\s*[-*] .*`curl: \(\d+\)/m;
    expect(pages.filter((p) => typed.test(p.text)).map((p) => p.path)).toEqual([]);
    for (const text of bothLocales("workshop/firewall-drop.mdx")) expect(text).toContain("<Observed />");
    for (const text of bothLocales("protocol/ws-to-raw-tcp.mdx")) expect(text).toContain("<WsRawPeers />");
  });

  it("shows the Workerman form wherever the fix is the server's listen address or protocol", () => {
    const listenFixes = [
      "refused/loopback-only",
      "refused/localhost-ipv6",
      "refused/docker-unpublished-port",
      "closed/docker-published-loopback",
      "protocol/ws-to-http",
      "protocol/ws-to-raw-tcp",
      "protocol/tls-mismatch",
    ];
    for (const path of listenFixes) {
      for (const text of bothLocales(`${path}.mdx`)) {
        expect(text, path).toMatch(/<Workerman listen="websocket:\/\/[^"]+" /);
      }
    }
  });
});

describe("Spanish pages speak Spanish", () => {
  // One term for a timeout ("tiempo de espera agotado") and no English word where Spanish has one.
  const english = /\b(?:timeouts?|spinners?|bench(?:mark)?s?|stacks?|mirrors?)\b/i;
  const otherTerm = /\btiempo agotado\b/i;

  it.each(pages.filter((p) => p.lang === "es").map((p) => [p.path, p] as const))("%s", (_path, p) => {
    const lines = prose(p.text).split("\n");
    expect(lines.filter((line) => english.test(line) || otherTerm.test(line))).toEqual([]);
  });

  it("the catalogue's Spanish titles, summaries and fixes too", () => {
    const texts = scenarios.flatMap((s) => [s.title.es, s.summary.es, s.fix.summary.es]);
    expect(texts.filter((t) => english.test(t.replace(/`[^`]*`/g, "")) || otherTerm.test(t))).toEqual([]);
  });
});
