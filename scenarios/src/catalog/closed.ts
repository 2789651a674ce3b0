import { defineScenario } from "../define.ts";

/** The chapter "closed" of the catalogue, in the guide's order. */
export const closed = [
  defineScenario({
    id: "closed-proxy-idle-timeout",
    category: "closed",
    title: {
      es: "El proxy inverso cierra el WebSocket inactivo",
      en: "The reverse proxy closes the idle WebSocket",
    },
    summary: {
      es: "El WebSocket se abre a través de nginx y funciona, pero nadie envía nada: cuando pasa `proxy_read_timeout` (60 s por defecto) sin datos del servidor, nginx cierra las dos conexiones sin trama de cierre, y el cliente ve el código 1006 sin motivo.",
      en: "The WebSocket opens through nginx and works, but nobody sends anything: once `proxy_read_timeout` (60 s by default) passes with no data from the server, nginx closes both connections without a close frame, and the client sees code 1006 with no reason.",
    },
    // Not in the compose stack: its image has no nginx, and the lesson is nginx's own timer.
    // The rootless lab runs the real nginx (Debian's package) on loopback.
    reproducibleIn: ["lab"],
    fault: { name: "proxy-idle-timeout", params: {} },
    // WebSocket clients only: the lesson is an open WebSocket that goes quiet. Debian 12's curl
    // (7.88) cannot speak WebSocket: it sends the upgrade and prints the 101, but can neither
    // answer the fixed server's pings nor send a text after the silence, so it has no fixed run
    // to judge (lab up's see-it-fail curl still waits for the proxy's close). Node's net, http
    // and fetch open no WebSocket at all.
    expect: [
      {
        client: "chromium",
        code: "WS_CLOSED_1006",
        message: '^CloseEvent \\{ code: 1006, reason: "", wasClean: false \\}$',
        waits: "proxy-idle",
      },
      {
        client: "firefox",
        code: "WS_CLOSED_1006",
        message: '^CloseEvent \\{ code: 1006, reason: "", wasClean: false \\}$',
        waits: "proxy-idle",
      },
      { client: "ws", code: "WS_CLOSED_1006", message: "^closed 1006$", waits: "proxy-idle" },
      {
        client: "node-websocket",
        code: "WS_CLOSED_1006",
        message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
        waits: "proxy-idle",
      },
    ],
    fix: {
      summary: {
        es: "Envía tráfico antes de que venza el límite: que el servidor (o el cliente) haga ping cada N s, con N menor que `proxy_read_timeout` (ws: `socket.ping()` en un `setInterval`); o sube el límite en el `location` del WebSocket (`proxy_read_timeout 1h;`).",
        en: "Send traffic before the limit runs out: have the server (or the client) ping every N s, with N below `proxy_read_timeout` (ws: `socket.ping()` in a `setInterval`); or raise the limit in the WebSocket's `location` (`proxy_read_timeout 1h;`).",
      },
      apply: { name: "proxy-idle-pinged", params: {} },
    },
    docs: "closed/proxy-idle-timeout",
    related: ["protocol-proxy-strips-upgrade"],
  }),
] as const;
