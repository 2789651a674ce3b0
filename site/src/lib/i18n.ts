import type { Lang } from "./catalogue.ts";

/** Words the generated parts of a page need, in both languages (full parity by type). */
const words = {
  client: { es: "Cliente", en: "Client" },
  code: { es: "Código", en: "Code" },
  message: { es: "Mensaje", en: "Message" },
  time: { es: "Tiempo", en: "Time" },
  observedIntro: {
    es: "Lo que imprimieron los clientes reales cuando el laboratorio grabó este fallo (con sus propias direcciones y puertos):",
    en: "What the real clients printed when the lab recorded this failure (on its own addresses and ports):",
  },
  settings: { es: "Ajustes que no son los de por defecto", en: "Non-default settings" },
  settingsNote: {
    es: "Ajustes que no son los de por defecto, y lo que pasaría sin ellos:",
    en: "Non-default settings, and what would happen without them:",
  },
  classic: { es: "Redacción clásica (la que se busca)", en: "Classic wording (what people search for)" },
  recordedOn: { es: "Grabado con", en: "Recorded on" },
  cluesIntro: {
    es: "imprime esta misma línea también en otros fallos; lo que distingue este",
    en: "prints this same line for other failures too; what tells this one apart",
  },
  closeCode: { es: "código de cierre", en: "close code" },
  httpAnswer: {
    es: "la petición de upgrade respondida con HTTP",
    en: "the upgrade request answered with HTTP",
  },
  networkPanel: { es: "en su panel Red", en: "in its Network panel" },
  after: { es: "tras", en: "after" },
  notRecorded: { es: "Aún sin grabar", en: "Not recorded yet" },
  notRecordedBody: {
    es: "El laboratorio todavía no graba este escenario, así que aquí no hay mensajes reales. Lo que cada cliente debe ver, según el catálogo:",
    en: "The lab does not record this scenario yet, so there are no real messages here. What each client must see, according to the catalogue:",
  },
  expectedCode: { es: "Código esperado", en: "Expected code" },
  lab: {
    es: "Con el laboratorio local (sin root, solo loopback):",
    en: "With the local lab (rootless, loopback only):",
  },
  labRoot: {
    es: "Con el laboratorio como root (espacios de nombres de red y nftables):",
    en: "With the lab as root (network namespaces and nftables):",
  },
  docker: { es: "Con Docker:", en: "With Docker:" },
  dockerWithChromium: {
    es: "también con Chromium (una imagen más grande)",
    en: "with Chromium too (a larger image)",
  },
  dockerByHand: { es: "pruébalo a mano: curl, nc, dig, ws", en: "try it by hand: curl, nc, dig, ws" },
  fixed: {
    es: "Y con la solución aplicada (todos los clientes conectan):",
    en: "And with the fix applied (every client connects):",
  },
  fix: { es: "En resumen:", en: "In short:" },
  code_: { es: "código", en: "code" },
  pages: { es: "Páginas", en: "Pages" },
  error: { es: "Error", en: "Error" },
  seenBy: { es: "Visto en", en: "Seen by" },
  scenarios: { es: "Escenarios de esta familia", en: "Scenarios in this family" },
} as const satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof words;

export function t(lang: Lang, word: Word): string {
  return words[word][lang];
}
