import { createReadStream, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
};

/** A path answered by code instead of a file (e.g. the lab's targets for the try-it panel). */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves a built static site from `root` on 127.0.0.1, port 0 (read back), the way a static host
 * would: `/x/` → `/x/index.html`, unknown paths → 404.html with status 404. With `base`
 * (`/connlab/`) the site lives under that sub-path, as on a project site; outside it, 404.
 */
export async function serveStatic(
  root: string,
  base = "/",
  options: { port?: number; routes?: Readonly<Record<string, Route>> } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const route = options.routes?.[new URL(req.url ?? "/", "http://x").pathname];
    if (route) return route(req, res);
    const requested = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const inside = requested.startsWith(base);
    const path = inside ? `/${requested.slice(base.length)}` : "/";
    let file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    let status = 200;
    try {
      if (!inside) throw new Error("outside the base");
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      statSync(file);
    } catch {
      file = join(root, "404.html");
      status = 404;
    }
    res.writeHead(status, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    // A file removed between stat and open (a rebuild under way) ends the response, not the run.
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
