import { defineCollection } from "astro:content";
import { docsLoader, i18nLoader } from "@astrojs/starlight/loaders";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { scenarioIds } from "@connlab/scenarios";
import { z } from "astro/zod";

/** A catalogue id: a page that names a scenario the catalogue does not know fails the build. */
const scenarioId = z.string().refine((id) => scenarioIds.includes(id), {
  message: `not a catalogue id; valid ids: ${scenarioIds.join(", ")}`,
});

export const collections = {
  // Starlight ships no English texts for code blocks, so with Spanish as the root locale the
  // English pages' code frames said "Copiar al portapapeles": en.json names them in English.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** The scenario this page explains; its Symptom, Reproduce, Fix and Related come from it. */
        scenario: scenarioId.optional(),
        /** Workshop exercises: the scenario the attendee breaks and fixes (its page stays the guide's). */
        practices: scenarioId.optional(),
      }),
    }),
  }),
};
