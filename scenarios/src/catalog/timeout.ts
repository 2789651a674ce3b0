import { defineScenario } from "../define.ts";
import { timedOutByEveryClient, unreachableOnTheLan } from "../observed.ts";

/** The chapter "timeout" of the catalogue, in the guide's order. */
export const timeout = [
  defineScenario({
    id: "timeout-firewall",
    category: "timeout",
    title: {
      es: "El cortafuegos del servidor descarta la conexión",
      en: "The server's firewall drops the connection",
    },
    summary: {
      es: "Una regla del cortafuegos del servidor descarta los paquetes: nadie responde y el cliente espera hasta agotar su tiempo.",
      en: "A firewall rule on the server drops the packets: nobody answers and the client waits until it gives up.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "firewall-drop",
      params: {},
    },
    expect: timedOutByEveryClient,
    fix: {
      summary: {
        es: "Abre el puerto en el cortafuegos (para probar, desactívalo un momento).",
        en: "Open the port in the firewall (to test, disable it for a moment).",
      },
      apply: {
        name: "firewall-open",
        params: {},
      },
    },
    docs: "timeout/firewall",
    related: ["timeout-security-group", "timeout-panel-firewall"],
  }),
  defineScenario({
    id: "timeout-security-group",
    category: "timeout",
    title: {
      es: "El grupo de seguridad de la nube bloquea el puerto",
      en: "The cloud security group blocks the port",
    },
    summary: {
      es: "En un servidor en la nube, el grupo de seguridad del proveedor descarta el tráfico antes de que llegue a la máquina.",
      en: "On a cloud server, the provider's security group drops the traffic before it reaches the machine.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "edge-drop",
      params: {},
    },
    expect: timedOutByEveryClient,
    fix: {
      summary: {
        es: "Abre el puerto en el grupo de seguridad desde el panel del proveedor.",
        en: "Open the port in the security group from the provider's control panel.",
      },
      apply: {
        name: "edge-open",
        params: {},
      },
    },
    docs: "timeout/security-group",
    related: ["timeout-firewall", "timeout-panel-firewall"],
  }),
  defineScenario({
    id: "timeout-panel-firewall",
    category: "timeout",
    title: {
      es: "El cortafuegos del panel de hosting",
      en: "The hosting panel's firewall",
    },
    summary: {
      es: "Un panel de control de hosting (por ejemplo aaPanel / Baota) tiene su propio cortafuegos: el puerto hay que abrirlo también ahí.",
      en: "A hosting control panel (for example aaPanel / Baota) has its own firewall: the port must be opened there too.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "panel-firewall-drop",
      params: {},
    },
    expect: timedOutByEveryClient,
    fix: {
      summary: {
        es: "Abre el puerto también en el cortafuegos del panel.",
        en: "Open the port in the panel's firewall too.",
      },
      apply: {
        name: "panel-firewall-open",
        params: {},
      },
    },
    docs: "timeout/panel-firewall",
    related: ["timeout-firewall", "timeout-security-group"],
  }),
  defineScenario({
    id: "timeout-host-down",
    category: "timeout",
    title: {
      es: "El servidor no existe o está apagado",
      en: "The server does not exist or is down",
    },
    summary: {
      es: "No hay ninguna máquina detrás de esa dirección: nadie responde a la conexión. En la misma subred, Linux deja de preguntar por ARP a los 3 s aprox. y todo cliente recibe EHOSTUNREACH (No route to host); detrás de un router, el último router avisa igual con un ICMP host-unreachable, o calla y el cliente agota su tiempo de espera.",
      en: "No machine sits behind that address: nobody answers the connection. On the same subnet Linux gives up asking by ARP after about 3 s and every client gets EHOSTUNREACH (No route to host); behind a router, the last router says the same with an ICMP host-unreachable, or stays silent and the client times out.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "host-absent",
      params: {},
    },
    expect: unreachableOnTheLan,
    fix: {
      summary: {
        es: "Arranca la máquina (o corrige la dirección) y comprueba que responde.",
        en: "Start the machine (or fix the address) and check that it answers.",
      },
      apply: {
        name: "host-present",
        params: {},
      },
    },
    docs: "timeout/host-down",
    related: ["timeout-host-down-routed", "refused-not-listening", "timeout-internal-ip"],
  }),
  // Root lab only, for now: the compose stack has no router between two networks (its `wan`
  // container forwards nothing, the client's packets die there), so "an address nobody has on the
  // far side of a router" cannot be built there yet; the root lab builds that router itself.
  defineScenario({
    id: "timeout-host-down-routed",
    category: "timeout",
    title: {
      es: "El servidor no existe o está apagado, detrás de un router",
      en: "The server does not exist or is down, behind a router",
    },
    summary: {
      es: "La dirección está en otra red, detrás de un router, y ningún host la tiene. El router pregunta por ARP sin respuesta; si filtra el ICMP (como las redes en la nube) calla, y el cliente agota su tiempo de espera (ETIMEDOUT); un router Linux corriente avisa en cambio con un ICMP host-unreachable a los 3 s aprox.: EHOSTUNREACH, como en la misma subred.",
      en: "The address is on another network, behind a router, and no host has it. The router's ARP goes unanswered; if it filters ICMP (as cloud networks do) it stays silent and the client times out (ETIMEDOUT); a plain Linux router instead says so with an ICMP host-unreachable after about 3 s: EHOSTUNREACH, as on the same subnet.",
    },
    reproducibleIn: ["lab-root"],
    fault: {
      // The router stays silent; `router: "answers"` is the same network with a router that sends
      // ICMP host-unreachable (its rows are timeout-host-down's, checked by the root-lab test).
      name: "host-absent-routed",
      params: {},
    },
    expect: timedOutByEveryClient,
    fix: {
      summary: {
        es: "Arranca la máquina (o corrige la dirección) y comprueba que responde a través del router.",
        en: "Start the machine (or fix the address) and check that it answers through the router.",
      },
      apply: {
        name: "host-present-routed",
        params: {},
      },
    },
    docs: "timeout/host-down-routed",
    related: ["timeout-host-down", "timeout-security-group", "timeout-internal-ip"],
  }),
  defineScenario({
    id: "timeout-dns-wrong-ip",
    category: "timeout",
    title: {
      es: "El DNS devuelve una IP equivocada (tiempo de espera agotado)",
      en: "DNS returns the wrong IP (timeout)",
    },
    summary: {
      es: "El nombre resuelve a una IP donde nadie contesta. En la misma subred, ARP se rinde a los 3 s aprox. y el cliente recibe EHOSTUNREACH; más lejos, espera hasta agotar su tiempo.",
      en: "The name resolves to an IP where nobody answers. On the same subnet ARP gives up after about 3 s and the client gets EHOSTUNREACH; further away, it waits until it gives up.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "dns-wrong-answer-silent",
      params: {},
    },
    expect: unreachableOnTheLan,
    fix: {
      summary: {
        es: "Corrige el registro DNS (o /etc/hosts) para que apunte a la IP del servidor.",
        en: "Fix the DNS record (or /etc/hosts) so it points at the server's IP.",
      },
      apply: {
        name: "dns-answer-fixed",
        params: {},
      },
    },
    docs: "timeout/dns-wrong-ip",
    related: ["refused-dns-wrong-ip"],
  }),
  defineScenario({
    id: "timeout-internal-ip",
    category: "timeout",
    title: {
      es: "IP interna desde otra red",
      en: "Internal IP from another network",
    },
    summary: {
      es: "El cliente usa la IP privada (interna) del servidor sin estar en su misma red local: por su camino nadie tiene ruta hacia ella y el proveedor descarta esos paquetes, así que el cliente agota su tiempo. Si un router responde con ICMP «red inalcanzable», el error llega al instante: ENETUNREACH.",
      en: "The client uses the server's private (internal) IP without being on its local network: nothing on its path routes there and the provider drops such packets, so the client times out. Where a router answers ICMP net-unreachable instead, the error comes at once: ENETUNREACH.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "private-ip-other-network",
      params: {},
    },
    expect: timedOutByEveryClient,
    fix: {
      summary: {
        es: "Usa la IP pública o un nombre accesible, o conecta desde la misma red (VPN).",
        en: "Use the public IP or a reachable name, or connect from the same network (VPN).",
      },
      apply: {
        name: "reachable-ip",
        params: {},
      },
    },
    docs: "timeout/internal-ip",
    related: ["timeout-host-down"],
  }),
  defineScenario({
    id: "timeout-server-backlog-full",
    category: "timeout",
    title: {
      es: "El servidor no acepta: su cola de conexiones está llena",
      en: "The server stopped accepting: its backlog is full",
    },
    summary: {
      es: "El proceso del servidor está atascado (su bucle de eventos bloqueado) y no acepta conexiones. El núcleo sigue completando negociaciones en su cola (backlog) hasta llenarla; después descarta cada SYN nuevo y los clientes agotan su tiempo, aunque el puerto escucha.",
      en: "The server's process is stuck (its event loop blocked) and accepts no connection. The kernel keeps completing handshakes into its queue (the backlog) until it is full; then it drops every new SYN and clients time out, although the port is listening.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "stalled-server",
      params: { hold: 600 },
    },
    expect: timedOutByEveryClient,
    fix: {
      summary: {
        es: "Encuentra qué bloquea el servidor (un bucle síncrono, una espera, una recolección de basura larga) y mantén su aceptación en marcha; bajo carga, sube el backlog (el de `listen()` y `net.core.somaxconn`) y el límite de descriptores.",
        en: "Find what blocks the server (a synchronous loop, a wait, a long garbage collection) and keep it accepting; under load, raise the backlog (`listen()`'s and `net.core.somaxconn`) and the file-descriptor limit.",
      },
      apply: {
        name: "accepting-server",
        params: { hold: 600 },
      },
    },
    docs: "timeout/server-backlog-full",
    related: ["timeout-firewall", "refused-not-listening"],
  }),
  // Root lab only: the compose stack's networks share one MTU and no router joins two of them.
  defineScenario({
    id: "timeout-path-mtu-black-hole",
    category: "timeout",
    title: {
      es: "Un enlace estrecho se traga los paquetes grandes (agujero negro de MTU)",
      en: "A narrow link swallows large packets (path-MTU black hole)",
    },
    summary: {
      es: "Por el camino hay un enlace con una MTU menor (un túnel, una VPN) y su router no avisa con ICMP «fragmentation needed». La conexión TCP se abre, pero el primer segmento grande, el ClientHello de TLS, nunca llega: el cliente lo reenvía hasta rendirse. Un ClientHello pequeño (el de curl) sí pasa.",
      en: 'The path has a link with a smaller MTU (a tunnel, a VPN) and its router never sends ICMP "fragmentation needed". TCP connects, but the first large segment, the TLS ClientHello, never arrives: the client retransmits it until it gives up. A small ClientHello (curl\'s) gets through.',
    },
    reproducibleIn: ["lab-root"],
    fault: { name: "path-mtu-black-hole", params: {} },
    expect: [
      { client: "node-http", code: "ETIMEDOUT", message: "^read ETIMEDOUT$", waits: "data-retries" },
      { client: "ws", code: "ETIMEDOUT", message: "^read ETIMEDOUT$", waits: "data-retries" },
      {
        client: "fetch",
        code: "UND_ERR_CONNECT_TIMEOUT",
        message: "^fetch failed$",
        classic: "TypeError: fetch failed",
        waits: "undici-connect",
      },
      {
        client: "node-websocket",
        code: "WS_CLOSED_1006",
        message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
        waits: "undici-connect",
      },
      {
        client: "chromium",
        code: "WS_HANDSHAKE_FAILED",
        message: "^WebSocket connection to 'wss://[^/']+/' failed: WebSocket opening handshake timed out$",
        waits: "chromium-handshake",
      },
      {
        // No request failure reaches its Network panel: the page sees a 1006 close when
        // Firefox's own opening timer ends (network.websocket.timeout.open, 20 s).
        client: "firefox",
        code: "WS_CLOSED_1006",
        message: "^Firefox can’t establish a connection to the server at wss://[^/']+/\\.$",
        waits: "firefox-open",
      },
    ],
    fix: {
      summary: {
        es: "Haz que el router del enlace estrecho ajuste el MSS de cada SYN a su MTU (MSS clamping), o deja pasar su ICMP «fragmentation needed».",
        en: "Have the narrow link's router clamp every SYN's MSS to its MTU (MSS clamping), or let its ICMP \"fragmentation needed\" through.",
      },
      apply: { name: "mss-clamped", params: {} },
    },
    docs: "timeout/path-mtu-black-hole",
    related: ["timeout-firewall", "tls-untrusted-certificate"],
  }),
] as const;
