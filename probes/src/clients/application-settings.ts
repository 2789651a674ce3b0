import type { ClientName } from "@connlab/scenarios";
import { type BrowserPage, spkiSha256 } from "@connlab/servers";
import type { Setting } from "../observation.ts";

/**
 * The settings a target's application choices put on a row: the subprotocols a WebSocket client
 * asks for, and the flags that let Chromium open the lab's own HTTPS page. Recorded beside the
 * row because neither is what the client does when run with its defaults.
 */

const askedIn: Partial<Record<ClientName, (list: string) => string>> = {
  chromium: (list) => `new WebSocket(url, ${list})`,
  firefox: (list) => `new WebSocket(url, ${list})`,
  "node-websocket": (list) => `new WebSocket(url, ${list})`,
  ws: (list) => `new WebSocket(url, ${list})`,
};

export function subprotocolSetting(client: ClientName, protocols: readonly string[] | undefined): Setting[] {
  const form = askedIn[client];
  if (!protocols || protocols.length === 0 || !form) return [];
  return [
    {
      setting: form(JSON.stringify(protocols)),
      where: "client option",
      defaultNote: {
        es: "Sin la lista, el cliente no envía Sec-WebSocket-Protocol y no espera ninguno en la respuesta.",
        en: "Without the list the client sends no Sec-WebSocket-Protocol and expects none in the answer.",
      },
    },
  ];
}

/** Why the lab page's name leads to loopback: said beside each browser's mapping. */
const pageNameNote = {
  es: "Hace que el nombre de la página del laboratorio apunte a 127.0.0.1 sin tocar el DNS; tu sitio real tiene su propio nombre.",
  en: "Points the lab page's name at 127.0.0.1 without touching DNS; your real site has a name of its own.",
};

/** Why Chromium trusts the lab certificate's key. */
const pageTrustNote = {
  es: "Confía solo en la clave del certificado del laboratorio, como harías con la CA de tu sitio; la verificación sigue activa para cualquier otro.",
  en: "Trusts only the lab certificate's key, as a browser trusts your site's CA; verification stays on for every other certificate.",
};

/**
 * The flags that let Chromium open the lab's own page: its name mapped to its address (a
 * host-resolver rule, not DNS) and its certificate's key trusted alone.
 */
export function chromiumPageArgs(page: BrowserPage): string[] {
  return [
    `--host-resolver-rules=MAP ${new URL(page.url).hostname} ${page.address}`,
    `--ignore-certificate-errors-spki-list=${spkiSha256(page.certificate)}`,
  ];
}

export function pageSettings(page: BrowserPage | undefined): Setting[] {
  if (!page) return [];
  return chromiumPageArgs(page).map((arg) => ({
    setting: arg.replace(/^(--ignore-certificate-errors-spki-list=).*$/, "$1<the lab certificate's key>"),
    where: "command line" as const,
    defaultNote: arg.startsWith("--host-resolver-rules") ? pageNameNote : pageTrustNote,
  }));
}

/**
 * Firefox's way to the lab's own page: a preference that sends every name to the page's address
 * (it has no per-name rule), and the page's certificate added to its profile's store.
 */
export function firefoxPageSettings(page: BrowserPage): Setting[] {
  return [
    {
      setting: `network.dns.forceResolve=${page.address}`,
      where: "browser profile",
      defaultNote: pageNameNote,
    },
    {
      setting: `certutil -d sql:PROFILE -A -t C,, -i ${new URL(page.url).hostname}.pem`,
      where: "browser profile",
      defaultNote: {
        es: "Confía solo en el certificado de la página del laboratorio, como harías con la CA de tu sitio; la verificación sigue activa para cualquier otro.",
        en: "Trusts only the lab page's certificate, as a browser trusts your site's CA; verification stays on for every other certificate.",
      },
    },
  ];
}
