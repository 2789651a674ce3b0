import { describe, expect, it } from "vitest";
import { sidebar } from "../../../site/src/sidebar.ts";

const labels = (items: ReturnType<typeof sidebar>) =>
  items.map((item) => (typeof item === "string" ? item : item.label));

describe("the guide's sidebar", () => {
  it("autogenerates one group per category folder and leaves out folders that do not exist", () => {
    const items = sidebar((path) => ["refused/", "timeout/", "addrnotavail/", "protocol/"].includes(path));
    expect(labels(items)).toEqual([
      "Empieza aquí",
      "Conexión rechazada",
      "Tiempo de espera agotado",
      "No se puede asignar la dirección",
      "Protocolo equivocado",
    ]);
    expect(items[1]).toMatchObject({
      translations: { en: "Connection refused" },
      items: [{ autogenerate: { directory: "refused" } }],
    });
  });

  it("takes in the doctor page and the workshop folder as soon as they exist", () => {
    const without = sidebar(() => false);
    expect(without[0]).toMatchObject({ items: [{ slug: "index" }] });
    const withThem = sidebar((path) => ["errors.mdx", "doctor.mdx", "workshop/"].includes(path));
    expect(withThem[0]).toMatchObject({ items: [{ slug: "index" }, { slug: "errors" }, { slug: "doctor" }] });
    expect(labels(withThem)).toEqual(["Empieza aquí", "Taller"]);
  });
});
