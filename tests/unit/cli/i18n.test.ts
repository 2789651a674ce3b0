import { describe, expect, it } from "vitest";
import { chooseLocale, locale, messages, t } from "../../../cli/src/i18n/index.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the CLI's message tables", () => {
  it("have the same keys in Spanish and English", () => {
    expect(Object.keys(messages.es).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it("fill the same placeholders in both languages, and no message is empty", () => {
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      expect(placeholders(messages.es[key]), key).toEqual(placeholders(messages.en[key]));
      expect(messages.es[key].trim(), key).not.toBe("");
    }
  });
});

describe("the CLI's locale", () => {
  it("is --lang when given, else LC_ALL, LC_MESSAGES, LANG, else Spanish", () => {
    expect(chooseLocale("en", { LANG: "es_ES.UTF-8" })).toBe("en");
    expect(chooseLocale(undefined, { LC_ALL: "en_GB.UTF-8", LANG: "es_ES.UTF-8" })).toBe("en");
    expect(chooseLocale(undefined, { LC_MESSAGES: "es_AR", LANG: "en_US" })).toBe("es");
    expect(chooseLocale(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(chooseLocale(undefined, { LANG: "C.UTF-8" })).toBe("es");
    expect(chooseLocale(undefined, { LANG: "fr_FR.UTF-8" })).toBe("es");
    expect(chooseLocale(undefined, {})).toBe("es");
  });

  it("fills placeholders in the chosen language", () => {
    chooseLocale("es", {});
    expect(locale()).toBe("es");
    expect(t("workshop.progress", { done: 2, total: 6 })).toBe("2 de 6 ejercicios comprobados");
    chooseLocale("en", {});
    expect(t("workshop.progress", { done: 2, total: 6 })).toBe("2 of 6 exercises verified");
  });
});
