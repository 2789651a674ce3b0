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
  defineScenario({
    id: "closed-socketio-no-sticky",
    category: "closed",
    title: {
      es: "Socket.IO detrás de un balanceador sin sesiones fijas",
      en: "Socket.IO behind a load balancer without sticky sessions",
    },
    summary: {
      es: 'Dos servidores Socket.IO detrás de nginx con el reparto por defecto (round-robin): el handshake de long-polling llega a uno, la petición siguiente con su `sid` al otro, que no conoce la sesión y responde `400 {"code":1,"message":"Session ID unknown"}`; el cliente recibe `connect_error` y reconecta sin fin.',
      en: 'Two Socket.IO servers behind nginx with the default balancing (round-robin): the long-polling handshake reaches one, the next request with its `sid` the other, which does not know the session and answers `400 {"code":1,"message":"Session ID unknown"}`; the client gets `connect_error` and reconnects forever.',
    },
    // Not in the compose stack: its image has no nginx. The rootless lab runs Debian's nginx on loopback.
    reproducibleIn: ["lab"],
    fault: { name: "socketio-no-sticky", params: {} },
    // Socket.IO's own client only, in Node and in the browsers' pages: the failure is in its
    // session protocol (Engine.IO), which a plain WebSocket, HTTP or TCP client never speaks.
    // No curl row: curl has no Socket.IO client; showing the exchange takes two commands and the
    // sid copied from the first answer into the second, the lab's work, not curl's. The page's
    // "Check it yourself" shows those two commands for the reader to run.
    // Which request the other server refuses first depends on the order the client's requests
    // reach nginx (the POST with the CONNECT packet or the next GET poll); measured: the POST.
    expect: [
      {
        client: "socket.io-client",
        code: "TransportError",
        message:
          '^connect_error: xhr (post|poll) error; description: 400; context\\.responseText: \\{"code":1,"message":"Session ID unknown"\\}$',
      },
      {
        client: "chromium",
        code: "TransportError",
        message:
          '^connect_error: xhr (post|poll) error; description: 400; context\\.responseText: \\{"code":1,"message":"Session ID unknown"\\}$',
      },
      {
        client: "firefox",
        code: "TransportError",
        message:
          '^connect_error: xhr (post|poll) error; description: 400; context\\.responseText: \\{"code":1,"message":"Session ID unknown"\\}$',
      },
    ],
    fix: {
      summary: {
        es: 'Haz que el balanceador envíe todas las peticiones de un cliente al mismo servidor: en el `upstream` de nginx, `ip_hash;` (o `hash $remote_addr consistent;`). La otra salida habitual, `transports: ["websocket"]` en el cliente, evita el long-polling pero pierde su respaldo donde un proxy no deja pasar WebSocket.',
        en: 'Make the load balancer send every request of one client to the same server: in nginx\'s `upstream`, `ip_hash;` (or `hash $remote_addr consistent;`). The other common way out, `transports: ["websocket"]` on the client, skips long-polling but loses its fallback where a proxy does not let WebSocket through.',
      },
      apply: { name: "socketio-sticky", params: {} },
    },
    docs: "closed/socketio-no-sticky",
    related: ["closed-proxy-idle-timeout"],
  }),
] as const;
