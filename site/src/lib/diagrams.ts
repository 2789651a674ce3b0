import type { Category } from "@connlab/scenarios";
import type { Lang } from "./catalogue.ts";

type Text = Record<Lang, string>;

/** One arrow of a sequence diagram: who sends, what, and how it ends. */
export interface Step {
  readonly from: "client" | "server";
  readonly label: Text;
  /**
   * `ok` arrives; `bad` arrives and ends the attempt; `lost` never arrives; `local` never leaves;
   * `wait`: time passes with nothing on the wire.
   */
  readonly kind: "ok" | "bad" | "lost" | "local" | "wait";
}

export interface Diagram {
  readonly title: Text;
  readonly desc: Text;
  readonly server: Text;
  readonly steps: readonly Step[];
}

const client: Text = { es: "Cliente", en: "Client" };
export const clientLabel = client;

/** What happens on the wire for each family of failure, drawn by components/Diagram.astro. */
export const diagrams: Record<Category, Diagram> = {
  refused: {
    title: {
      es: "Conexión rechazada: SYN respondido con RST",
      en: "Connection refused: SYN answered by RST",
    },
    desc: {
      es: "El cliente envía un SYN al puerto; el sistema del destino no tiene a nadie escuchando y responde al instante con un RST. El cliente informa ECONNREFUSED.",
      en: "The client sends a SYN to the port; the destination system has nobody listening and answers at once with a RST. The client reports ECONNREFUSED.",
    },
    server: { es: "Destino (nadie escucha)", en: "Destination (nobody listening)" },
    steps: [
      { from: "client", label: { es: "SYN → puerto 8080", en: "SYN → port 8080" }, kind: "ok" },
      {
        from: "server",
        label: { es: "RST, ACK (aquí no hay nadie)", en: "RST, ACK (nobody here)" },
        kind: "bad",
      },
    ],
  },
  timeout: {
    title: {
      es: "Tiempo de espera agotado: el SYN no recibe respuesta",
      en: "Timed out: the SYN gets no answer",
    },
    desc: {
      es: "El cliente envía un SYN y lo reintenta; un cortafuegos lo descarta o el host no existe, así que nunca llega respuesta. Al final el cliente informa ETIMEDOUT.",
      en: "The client sends a SYN and retries it; a firewall drops it or the host does not exist, so no answer ever comes. In the end the client reports ETIMEDOUT.",
    },
    server: { es: "Destino (cortafuegos o apagado)", en: "Destination (firewall or down)" },
    steps: [
      { from: "client", label: { es: "SYN", en: "SYN" }, kind: "lost" },
      {
        from: "client",
        label: { es: "SYN (reintento, 1 s después)", en: "SYN (retry, 1 s later)" },
        kind: "lost",
      },
      {
        from: "client",
        label: { es: "SYN (reintento, 3 s después)", en: "SYN (retry, 3 s later)" },
        kind: "lost",
      },
    ],
  },
  addrnotavail: {
    title: {
      es: "No se puede asignar la dirección: no queda puerto local",
      en: "Cannot assign requested address: no local port left",
    },
    desc: {
      es: "Antes de enviar nada, el sistema del cliente busca un puerto local efímero libre para esta conexión. Todos están ocupados o en TIME_WAIT, así que connect() falla con EADDRNOTAVAIL y ningún paquete sale.",
      en: "Before sending anything, the client's system looks for a free ephemeral local port for this connection. They are all busy or in TIME_WAIT, so connect() fails with EADDRNOTAVAIL and no packet leaves.",
    },
    server: { es: "Servidor (nunca se entera)", en: "Server (never hears of it)" },
    steps: [
      {
        from: "client",
        label: { es: "¿puerto local libre? 32768–60999: ninguno", en: "free local port? 32768–60999: none" },
        kind: "local",
      },
    ],
  },
  protocol: {
    title: {
      es: "Protocolo equivocado: el handshake recibe otra lengua",
      en: "Protocol mismatch: the handshake is answered in another language",
    },
    desc: {
      es: "La conexión TCP se establece, pero el cliente pide un upgrade a WebSocket y el servidor responde con HTTP normal (o con texto sin HTTP). El cliente aborta el handshake.",
      en: "The TCP connection is established, but the client asks for a WebSocket upgrade and the server answers with plain HTTP (or non-HTTP text). The client aborts the handshake.",
    },
    server: { es: "Servidor (solo HTTP)", en: "Server (HTTP only)" },
    steps: [
      { from: "client", label: { es: "SYN", en: "SYN" }, kind: "ok" },
      { from: "server", label: { es: "SYN, ACK", en: "SYN, ACK" }, kind: "ok" },
      {
        from: "client",
        label: { es: "GET / Upgrade: websocket", en: "GET / Upgrade: websocket" },
        kind: "ok",
      },
      {
        from: "server",
        label: { es: "HTTP/1.1 200 OK (sin 101)", en: "HTTP/1.1 200 OK (no 101)" },
        kind: "bad",
      },
    ],
  },
  policy: {
    title: {
      es: "Rechazado por política: la conexión se abre y alguien dice que no",
      en: "Refused by policy: the connection opens and someone says no",
    },
    desc: {
      es: "La conexión TCP se establece y el cliente pide el upgrade a WebSocket con su Origin; el servidor lo compara con su lista de orígenes permitidos y responde 403. El subprotocolo sin respuesta y el contenido mixto que el navegador bloquea antes de enviar nada son de la misma familia.",
      en: "The TCP connection is established and the client asks for the WebSocket upgrade with its Origin; the server checks it against its allow-list and answers 403. The unanswered subprotocol, and the mixed content the browser blocks before sending anything, are the same family.",
    },
    server: { es: "Servidor (con lista de orígenes)", en: "Server (with an allow-list)" },
    steps: [
      { from: "client", label: { es: "SYN", en: "SYN" }, kind: "ok" },
      { from: "server", label: { es: "SYN, ACK", en: "SYN, ACK" }, kind: "ok" },
      {
        from: "client",
        label: { es: "GET / Upgrade: websocket, Origin: …", en: "GET / Upgrade: websocket, Origin: …" },
        kind: "ok",
      },
      {
        from: "server",
        label: {
          es: "HTTP/1.1 403 Forbidden (Origin no permitido)",
          en: "HTTP/1.1 403 Forbidden (Origin not allowed)",
        },
        kind: "bad",
      },
    ],
  },
  tls: {
    title: {
      es: "TLS y certificados: el cliente no puede verificar el certificado",
      en: "TLS and certificates: the client cannot verify the certificate",
    },
    desc: {
      es: "La conexión TCP se establece y empieza el handshake TLS. El servidor envía su certificado; el cliente no logra encadenarlo hasta una CA en la que confía, envía una alerta TLS y cierra. Ningún byte de HTTP o WebSocket llega a salir.",
      en: "The TCP connection is established and the TLS handshake starts. The server sends its certificate; the client cannot chain it up to a CA it trusts, sends a TLS alert and closes. Not one byte of HTTP or WebSocket leaves.",
    },
    server: { es: "Servidor (certificado no verificable)", en: "Server (certificate it cannot verify)" },
    steps: [
      { from: "client", label: { es: "SYN … ACK (TCP abierto)", en: "SYN … ACK (TCP open)" }, kind: "ok" },
      { from: "client", label: { es: "ClientHello", en: "ClientHello" }, kind: "ok" },
      {
        from: "server",
        label: { es: "ServerHello, Certificate (cadena)", en: "ServerHello, Certificate (chain)" },
        kind: "ok",
      },
      {
        from: "client",
        label: {
          es: "alerta TLS (certificado rechazado) y cierre",
          en: "TLS alert (certificate rejected), close",
        },
        kind: "bad",
      },
    ],
  },
  closed: {
    title: {
      es: "Cerrada tras conectar: el proxy corta el WebSocket inactivo",
      en: "Closed after connect: the proxy cuts the idle WebSocket",
    },
    desc: {
      es: "El handshake pasa por el proxy y el servidor responde 101: el WebSocket está abierto. Después nadie envía nada. Cuando pasa proxy_read_timeout sin datos del servidor, el proxy cierra las dos conexiones TCP sin enviar trama de cierre, y el cliente informa el código 1006.",
      en: "The handshake goes through the proxy and the server answers 101: the WebSocket is open. Then nobody sends anything. When proxy_read_timeout passes with no data from the server, the proxy closes both TCP connections without sending a close frame, and the client reports code 1006.",
    },
    server: { es: "Proxy inverso (nginx)", en: "Reverse proxy (nginx)" },
    steps: [
      {
        from: "client",
        label: { es: "GET / Upgrade: websocket", en: "GET / Upgrade: websocket" },
        kind: "ok",
      },
      {
        from: "server",
        label: {
          es: "101 Switching Protocols (del servidor)",
          en: "101 Switching Protocols (from the server)",
        },
        kind: "ok",
      },
      {
        from: "client",
        label: {
          es: "… silencio: nada en ningún sentido durante proxy_read_timeout …",
          en: "… silence: nothing either way for proxy_read_timeout …",
        },
        kind: "wait",
      },
      {
        from: "server",
        label: {
          es: "FIN tras proxy_read_timeout, sin trama de cierre (1006)",
          en: "FIN after proxy_read_timeout, no close frame (1006)",
        },
        kind: "bad",
      },
    ],
  },
};
