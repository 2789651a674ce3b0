/**
 * What the reader sees first: the families of connection failure the guide teaches, in its
 * order, each with its title and what it means on the wire, in both of the guide's languages.
 * The sidebar, the landing page's decision path and the error index read them here.
 * `policy`: TCP connects, then the server (Origin, subprotocol) or the browser (mixed content)
 * refuses. `tls`: TCP connects, then the client cannot verify the server's certificate. `closed`:
 * the connection or session opened (TCP connected, the upgrade or a Socket.IO handshake
 * succeeded), then something on the path (or the server, out of descriptors) closed it or lost
 * the session. Plain data, no schema: a subpath export, so astro.config.ts loads no catalogue.
 */
export const categories = [
  "refused",
  "timeout",
  "addrnotavail",
  "protocol",
  "policy",
  "tls",
  "closed",
] as const;

type Text = { readonly es: string; readonly en: string };

export const categoryText: Readonly<
  Record<(typeof categories)[number], { readonly title: Text; readonly meaning: Text }>
> = {
  refused: {
    title: { es: "Conexión rechazada", en: "Connection refused" },
    meaning: {
      es: "El destino respondió al instante: nadie escucha en esa dirección y puerto.",
      en: "The destination answered at once: nobody listens on that address and port.",
    },
  },
  timeout: {
    title: { es: "Tiempo de espera agotado", en: "Connection timed out" },
    meaning: {
      es: "Nadie respondió: un cortafuegos, una máquina apagada, una red inalcanzable, un servidor tan atascado que no acepta, o un enlace que se traga los paquetes grandes.",
      en: "Nobody answered: a firewall, a machine that is off, an unreachable network, a server too stuck to accept, or a link that swallows large packets.",
    },
  },
  addrnotavail: {
    title: { es: "No se puede asignar la dirección", en: "Cannot assign requested address" },
    meaning: {
      es: "El propio cliente se quedó sin puertos locales; ningún paquete salió.",
      en: "The client itself ran out of local ports; no packet left.",
    },
  },
  protocol: {
    title: { es: "Protocolo equivocado", en: "Protocol mismatch" },
    meaning: {
      es: "La conexión se abrió, pero cliente y servidor hablan protocolos distintos.",
      en: "The connection opened, but client and server speak different protocols.",
    },
  },
  policy: {
    title: { es: "Rechazado por política", en: "Refused by policy" },
    meaning: {
      es: "TCP conectó y el protocolo es el correcto, pero el servidor (Origin, subprotocolo) o el navegador (contenido mixto) se niega.",
      en: "TCP connected and the protocol is right, but the server (Origin, subprotocol) or the browser (mixed content) refuses.",
    },
  },
  tls: {
    title: { es: "TLS y certificados", en: "TLS and certificates" },
    meaning: {
      es: "La conexión se abrió, pero el cliente no pudo verificar el certificado del servidor.",
      en: "The connection opened, but the client could not verify the server's certificate.",
    },
  },
  closed: {
    title: { es: "Cerrada tras conectar", en: "Closed after connect" },
    meaning: {
      es: "La conexión se abrió; después alguien en el camino la cerró sin trama de cierre (código 1006), por ejemplo un proxy tras un rato sin tráfico, o la sesión se perdió entre servidores (Socket.IO: 400 «Session ID unknown»). O la cerró antes del primer byte quien la aceptó sin poder atenderla: el propio servidor, sin descriptores libres, o el puerto publicado de Docker hacia una app en 127.0.0.1 (respuesta vacía o reinicio).",
      en: "The connection opened; later something on the path closed it without a close frame (code 1006), for example a proxy after a while with no traffic, or the session got lost between servers (Socket.IO: 400 “Session ID unknown”). Or whoever accepted it could not serve it and closed it before the first byte: the server itself, with no descriptor free, or Docker's published port to an app on 127.0.0.1 (an empty reply or a reset).",
    },
  },
};
