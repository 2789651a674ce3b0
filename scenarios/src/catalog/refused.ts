import { defineScenario } from "../define.ts";
import { refusedByEveryClient, refusedInFirefox } from "../observed.ts";

/** The chapter "refused" of the catalogue, in the guide's order. */
export const refused = [
  defineScenario({
    id: "refused-wrong-port",
    category: "refused",
    title: {
      es: "Puerto equivocado",
      en: "Wrong port",
    },
    summary: {
      es: "El cliente se conecta a un puerto en el que no escucha nadie: el servidor existe, pero en otro puerto.",
      en: "The client connects to a port nobody listens on: the server exists, but on another port.",
    },
    reproducibleIn: ["lab", "docker"],
    fault: {
      name: "wrong-port",
      params: {},
    },
    expect: [...refusedByEveryClient, refusedInFirefox],
    fix: {
      summary: {
        es: "Usa el puerto en el que el servidor escucha de verdad (compruébalo con `ss -ltnp`).",
        en: "Use the port the server really listens on (check it with `ss -ltnp`).",
      },
      apply: {
        name: "right-port",
        params: {},
      },
    },
    docs: "refused/wrong-port",
    related: ["refused-not-listening", "refused-wrong-host"],
  }),
  defineScenario({
    id: "refused-wrong-host",
    category: "refused",
    title: {
      es: "Host o IP equivocados",
      en: "Wrong host or IP address",
    },
    summary: {
      es: "El cliente apunta a otro nombre o dirección: esa máquina responde, pero allí no escucha el servicio.",
      en: "The client targets another name or address: that machine answers, but the service does not listen there.",
    },
    reproducibleIn: ["lab", "lab-root", "docker"],
    fault: {
      name: "wrong-host",
      params: {},
    },
    expect: [...refusedByEveryClient, refusedInFirefox],
    fix: {
      summary: {
        es: "Corrige el host del cliente para que apunte a la máquina que ejecuta el servidor.",
        en: "Point the client at the machine that runs the server.",
      },
      apply: {
        name: "right-host",
        params: {},
      },
    },
    docs: "refused/wrong-host",
    related: ["refused-wrong-port", "refused-dns-wrong-ip"],
  }),
  defineScenario({
    id: "refused-dns-wrong-ip",
    category: "refused",
    title: {
      es: "El DNS devuelve una IP equivocada (rechazo)",
      en: "DNS returns the wrong IP (refused)",
    },
    summary: {
      es: "El nombre resuelve a la IP de otra máquina que está viva pero no escucha en ese puerto.",
      en: "The name resolves to another machine's IP, which is up but does not listen on that port.",
    },
    reproducibleIn: ["lab", "lab-root", "docker"],
    fault: {
      name: "dns-wrong-answer",
      params: {},
    },
    expect: [...refusedByEveryClient, refusedInFirefox],
    fix: {
      summary: {
        es: "Corrige el registro DNS (o /etc/hosts) para que apunte a la IP del servidor.",
        en: "Fix the DNS record (or /etc/hosts) so it points at the server's IP.",
      },
      apply: {
        name: "dns-right-answer",
        params: {},
      },
    },
    docs: "refused/dns-wrong-ip",
    related: ["timeout-dns-wrong-ip", "refused-cdn"],
  }),
  defineScenario({
    id: "refused-cdn",
    category: "refused",
    title: {
      es: "Detrás de una CDN o acelerador",
      en: "Behind a CDN or accelerator",
    },
    summary: {
      es: "El nombre apunta a una CDN: el cliente llega a la IP de la CDN, que no sirve ese puerto o protocolo, y no al origen.",
      en: "The name points at a CDN: the client reaches the CDN's IP, which does not serve that port or protocol, not the origin.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "cdn-front",
      params: {},
    },
    // The CDN's own address answers the SYN with a RST; ws is not among its clients.
    expect: [...refusedByEveryClient.filter((e) => e.client !== "ws"), refusedInFirefox],
    fix: {
      summary: {
        es: "Usa un puerto y protocolo que la CDN reenvíe, o conecta a un nombre que no pase por la CDN.",
        en: "Use a port and protocol the CDN forwards, or connect through a name that bypasses the CDN.",
      },
      apply: {
        name: "cdn-bypass",
        params: {},
      },
    },
    docs: "refused/cdn",
    related: ["refused-dns-wrong-ip"],
  }),
  defineScenario({
    id: "refused-not-listening",
    category: "refused",
    title: {
      es: "El servidor no está escuchando",
      en: "The server is not listening",
    },
    summary: {
      es: "El proceso del servidor no se está ejecutando, o no abrió el puerto: el sistema responde con un RST.",
      en: "The server process is not running, or it never opened the port: the kernel answers with a RST.",
    },
    reproducibleIn: ["lab", "docker"],
    fault: {
      name: "no-listener",
      params: {},
    },
    expect: [...refusedByEveryClient, refusedInFirefox],
    fix: {
      summary: {
        es: "Arranca el servidor y comprueba con `ss -ltnp` que escucha en el puerto esperado.",
        en: "Start the server and check with `ss -ltnp` that it listens on the expected port.",
      },
      apply: {
        name: "start-server",
        params: {},
      },
    },
    docs: "refused/not-listening",
    related: ["refused-wrong-port"],
  }),
  defineScenario({
    id: "refused-proxy",
    category: "refused",
    title: {
      es: "Un proxy en el lado del cliente",
      en: "A proxy on the client side",
    },
    summary: {
      es: "El cliente está configurado para pasar por un proxy (HTTP_PROXY y similares) que no funciona: el rechazo viene del proxy, no del servidor.",
      en: "The client is set to go through a proxy (HTTP_PROXY and friends) that does not work: the refusal comes from the proxy, not the server.",
    },
    reproducibleIn: ["lab", "docker"],
    fault: {
      name: "client-proxy-down",
      params: {},
    },
    // The lab exports http_proxy and HTTP_PROXY (curl reads only the lower-case one) with
    // NODE_USE_ENV_PROXY=1, the opt-in without which Node ignores proxy variables. node:net and ws
    // never read them and connect straight to the server: that is the point of their OK lines.
    expect: [
      {
        client: "node-net",
        code: "OK",
        message: "^connected to \\S+:\\d+$",
      },
      {
        client: "node-http",
        code: "ECONNREFUSED",
        message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
      },
      {
        client: "fetch",
        code: "ECONNREFUSED",
        message: "^fetch failed$",
        classic: "TypeError: fetch failed",
      },
      {
        client: "ws",
        code: "OK",
        message: "^echo: connlab$",
      },
      {
        client: "curl",
        code: "CURLE_COULDNT_CONNECT",
        message:
          "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: Couldn't connect to server$",
        classic: "curl: (7) Failed to connect to 127.0.0.1 port 3000: Connection refused",
      },
      {
        // Chromium reads the proxy variables on Linux but never sends loopback through a proxy.
        client: "chromium",
        code: "OK",
        message: "^echo: connlab$",
      },
      {
        client: "firefox",
        code: "OK",
        message: "^echo: connlab$",
      },
    ],
    fix: {
      summary: {
        es: "Quita o corrige la variable de proxy, o añade el destino a NO_PROXY.",
        en: "Unset or fix the proxy variable, or add the target to NO_PROXY.",
      },
      apply: {
        name: "no-proxy",
        params: {},
      },
    },
    docs: "refused/proxy",
    related: ["refused-wrong-host"],
  }),
  defineScenario({
    id: "refused-loopback-only",
    category: "refused",
    title: {
      es: "El servidor solo escucha en 127.0.0.1",
      en: "The server listens on 127.0.0.1 only",
    },
    summary: {
      es: "El servidor escucha en una dirección de otro segmento: en 127.0.0.1 solo aceptan conexiones a 127.0.0.1, no a la IP de la red local ni a la pública.",
      en: "The server listens on an address in another segment: on 127.0.0.1 only connections to 127.0.0.1 are accepted, not to the LAN or public IP.",
    },
    reproducibleIn: ["lab", "lab-root", "docker"],
    fault: {
      name: "listen-loopback",
      params: {},
    },
    expect: [...refusedByEveryClient, refusedInFirefox],
    fix: {
      summary: {
        es: "Escucha en 0.0.0.0 (o en ::) para que localhost, la red local e internet puedan conectar.",
        en: "Listen on 0.0.0.0 (or ::) so localhost, the LAN and the internet can all connect.",
      },
      apply: {
        name: "listen-any",
        params: {},
      },
    },
    docs: "refused/loopback-only",
    related: ["refused-localhost-ipv6", "refused-wrong-host"],
  }),
  defineScenario({
    id: "refused-localhost-ipv6",
    category: "refused",
    title: {
      es: "localhost resuelve a ::1 y el servidor solo escucha en IPv4",
      en: "localhost resolves to ::1 and the server listens on IPv4 only",
    },
    summary: {
      es: "`localhost` resuelve primero a ::1 y el servidor escucha solo en 127.0.0.1: los clientes que prueban solo la primera dirección reciben ECONNREFUSED ::1.",
      en: "`localhost` resolves to ::1 first and the server listens on 127.0.0.1 only: clients that try only the first address get ECONNREFUSED ::1.",
    },
    reproducibleIn: ["lab"],
    fault: {
      name: "listen-ipv4-only",
      params: {},
    },
    // Only clients that try the first address alone fail: Node 17–19 (no autoSelectFamily) got
    // "connect ECONNREFUSED ::1:PORT". With their defaults today every client here falls back to
    // 127.0.0.1 and connects: Node 24 (autoSelectFamily on since Node 20), curl and Chromium (Happy
    // Eyeballs, RFC 8305). Their OK lines say so.
    expect: [
      {
        client: "node-net",
        code: "OK",
        message: "^connected to localhost:\\d+$",
        classic: "Error: connect ECONNREFUSED ::1:3000",
      },
      {
        client: "node-http",
        code: "OK",
        message: "^200 OK$",
      },
      {
        client: "fetch",
        code: "OK",
        message: "^200 OK$",
      },
      {
        client: "ws",
        code: "OK",
        message: "^echo: connlab$",
      },
      {
        client: "curl",
        code: "OK",
        message: "^HTTP/1\\.1 200 OK$",
      },
      {
        // Chromium resolves localhost itself (both loopbacks) and races the two addresses.
        client: "chromium",
        code: "OK",
        message: "^echo: connlab$",
      },
      {
        // Firefox too resolves localhost itself, and reaches the server on 127.0.0.1.
        client: "firefox",
        code: "OK",
        message: "^echo: connlab$",
      },
    ],
    fix: {
      summary: {
        es: "Conecta a 127.0.0.1, o haz que el servidor escuche en :: (doble pila).",
        en: "Connect to 127.0.0.1, or make the server listen on :: (dual stack).",
      },
      apply: {
        name: "listen-dual-stack",
        params: {},
      },
    },
    docs: "refused/localhost-ipv6",
    related: ["refused-loopback-only"],
  }),
  defineScenario({
    id: "refused-docker-unpublished-port",
    category: "refused",
    title: {
      es: "Puerto de Docker sin publicar",
      en: "Docker port not published",
    },
    summary: {
      es: "El servidor corre en un contenedor cuyo puerto nunca se publicó (falta `ports:`), o se publicó en otro puerto del host.",
      en: "The server runs in a container whose port was never published (`ports:` is missing), or was published on another host port.",
    },
    reproducibleIn: ["docker"],
    fault: {
      name: "port-not-published",
      params: {},
    },
    // The host's port has no listener: the RST of refused/not-listening, for these clients (a page
    // on the host opening ws://127.0.0.1:PORT gets the same).
    expect: refusedByEveryClient.filter((e) => ["node-net", "fetch", "curl", "chromium"].includes(e.client)),
    fix: {
      summary: {
        es: 'Publica el puerto en compose (`ports: ["127.0.0.1:8080:8080"]`) y conecta al puerto del host.',
        en: 'Publish the port in compose (`ports: ["127.0.0.1:8080:8080"]`) and connect to the host port.',
      },
      apply: {
        name: "port-published",
        params: {},
      },
    },
    docs: "refused/docker-unpublished-port",
    related: ["refused-wrong-port", "refused-loopback-only", "closed-docker-published-loopback"],
  }),
  defineScenario({
    id: "refused-localhost-in-container",
    category: "refused",
    title: {
      es: "localhost dentro de un contenedor",
      en: "localhost inside a container",
    },
    summary: {
      es: "Dentro de un contenedor, localhost es el propio contenedor: un cliente que marca localhost:PUERTO para llegar a otro contenedor, o al host, llega a su propio loopback, donde nadie escucha.",
      en: "Inside a container, localhost is the container itself: a client that dials localhost:PORT to reach another container, or the host, reaches its own loopback, where nobody listens.",
    },
    reproducibleIn: ["lab-root", "docker"],
    fault: {
      name: "localhost-in-container",
      params: {},
    },
    // The RST comes from the client's own kernel: the address in Node's message is 127.0.0.1, the
    // client's loopback (a container on a bridge network has IPv6 off, so `localhost` is only that).
    expect: [...refusedByEveryClient, refusedInFirefox],
    fix: {
      summary: {
        es: 'Marca el nombre del servicio en la red de compose (`http://web:8080`); para un servicio del host, `host.docker.internal` con `extra_hosts: ["host.docker.internal:host-gateway"]`.',
        en: 'Dial the service\'s name on the compose network (`http://web:8080`); for a service on the host, `host.docker.internal` with `extra_hosts: ["host.docker.internal:host-gateway"]`.',
      },
      apply: {
        name: "service-by-name",
        params: {},
      },
    },
    docs: "refused/localhost-in-container",
    related: ["refused-docker-unpublished-port", "refused-loopback-only"],
  }),
] as const;
