import { startHttpsPage } from "../apps/https-page.ts";
import { startWs, type WsListening } from "../apps/ws.ts";
import type { RunningSetup, Setup } from "../setup.ts";
import { labSiteCertificate, labSiteName } from "../tls-certificate.ts";

/**
 * A page at https://app.connlab.test:PORT/ and a WebSocket server under the same name, both on
 * 127.0.0.1. The name matters: Chromium lets an HTTPS page open ws://127.0.0.1 and
 * ws://localhost (loopback counts as trustworthy), so only a real name shows what a deployed
 * site meets. Each browser is told where the name leads and to trust the page's certificate
 * alone; both settings are recorded beside its rows.
 */
async function pageAndSocket(scheme: "ws" | "wss"): Promise<RunningSetup & { accepted(): number }> {
  const certificate = await labSiteCertificate();
  const tls = { key: certificate.key, cert: certificate.cert };
  const page = await startHttpsPage({ host: "127.0.0.1", tls });
  let socket: WsListening;
  try {
    socket = await startWs({ host: "127.0.0.1", ...(scheme === "wss" ? { tls } : {}) });
  } catch (error) {
    await page.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    target: {
      url: `${scheme}://${labSiteName}:${socket.port}/`,
      page: {
        url: `https://${labSiteName}:${page.port}/`,
        address: "127.0.0.1",
        certificate: certificate.cert,
      },
    },
    accepted: () => socket.accepted(),
    close: () => {
      closing ??= Promise.all([page.close(), socket.close()]).then(() => {});
      return closing;
    },
  };
}

/** The fault: the HTTPS page opens ws://; Chromium refuses before any packet leaves. */
export const mixedContentWs: Setup = {
  name: "mixed-content-ws",
  tier: "lab",
  describe: `an https://${labSiteName} page opens ws://${labSiteName}:PORT: blocked as mixed content`,
  start: () => pageAndSocket("ws"),
};

/** The fix: the same server behind TLS, opened as wss:// from the same page. */
export const mixedContentWss: Setup = {
  name: "mixed-content-wss",
  tier: "lab",
  describe: `an https://${labSiteName} page opens wss://${labSiteName}:PORT: connected`,
  start: () => pageAndSocket("wss"),
};
