import type { MessageKey } from "./en.ts";

/** The CLI's own words in Spanish, the guide's default language: the same keys as en.ts. */
export const es: Record<MessageKey, string> = {
  // scenarios
  "scenarios.head.id": "id",
  "scenarios.head.category": "categoría",
  "scenarios.head.title": "título",
  "scenarios.head.tiers": "dónde se reproduce",
  // reproduce
  "reproduce.head.client": "cliente",
  "reproduce.head.code": "código",
  "reproduce.head.message": "mensaje",
  "reproduce.head.time": "tiempo",
  "reproduce.fixedSuffix": " (con la solución)",
  "reproduce.setup": "montaje: {facts}",
  "reproduce.fixed": "solucionado: todos los clientes conectaron",
  "reproduce.reproduced": "reproducido: cada cliente vio lo que documenta la guía",
  "reproduce.notAsDocumented": "no coincide con lo documentado",
  "reproduce.runFailed": "la ejecución falló: {failure}",
  // doctor
  "doctor.waiting": "… {step}: esperando (hasta {seconds} s)",
  "doctor.ok": "veredicto: ok",
  "doctor.okDetail": "conecta, y el puerto habla lo que espera el esquema",
  "doctor.note": "nota",
  "doctor.verdict": "veredicto: {category}",
  "doctor.noCause": "ninguna causa conocida encaja con estas pruebas; mira los pasos de arriba",
  "doctor.ambiguous": "las pruebas no distinguen entre las primeras causas: comprueba cada una",
  "doctor.evidence": "pruebas:",
  "doctor.fix": "solución:",
  "doctor.guide": "guía:   ",
  "doctor.openWith": "ábrela con `pnpm connlab start` (luego {url})",
  // lab
  "lab.head.scenario": "escenario",
  "lab.head.url": "URL para probar",
  "lab.head.tryIt": "míralo fallar",
  "lab.up": "laboratorio en marcha: {count} montajes rotos",
  "lab.upDetail": "(pid {pid}); Ctrl-C los detiene",
  "lab.down": "laboratorio detenido ({signal}): {count} montajes cerrados",
  "lab.none": "no hay ningún laboratorio en marcha",
  "lab.stale":
    "no hay ningún laboratorio en marcha ({path} caducado, del pid {pid}; `connlab lab down` lo borra)",
  "lab.running": "laboratorio en marcha desde {since} (pid {pid})",
  "lab.stopped": "laboratorio detenido (pid {pid})",
  "lab.removedStale": "borrado un estado caducado del laboratorio (el pid {pid} ya no existía)",
  "lab.removedLeftover": "borrado el resto {name}",
  // workshop
  "workshop.notReady": "no está listo: arregla las líneas ✗ de arriba",
  "workshop.ready": "listo",
  "workshop.scenario": "escenario {id}",
  "workshop.verify": "compruébalo: {command}",
  "workshop.restarted": "{name}: reiniciado, escucha en {address}",
  "workshop.fixed": "✓ {name}: solucionado",
  "workshop.notFixed": "✗ {name}: aún sin solucionar",
  "workshop.head.exercise": "ejercicio",
  "workshop.head.scenario": "escenario",
  "workshop.head.tier": "nivel",
  "workshop.head.running": "en marcha",
  "workshop.head.verified": "comprobado",
  "workshop.progress": "{done} de {total} ejercicios comprobados",
  "workshop.stopped": "{name}: detenido",
  // start
  "start.building": "construyendo la guía…",
  "start.buildFailed":
    "la guía no se pudo construir; su registro completo: {log} (o vuelve a ejecutar con --verbose)",
  "start.buildFailedAbove": "la guía no se pudo construir (mira arriba)",
  "start.guide": "guía:",
  "start.stop": "(Ctrl+C para parar)",
};
