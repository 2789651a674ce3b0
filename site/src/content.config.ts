import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { scenarioIds } from "@connlab/scenarios";
import { z } from "astro/zod";

/** A catalogue id: a page that names a scenario the catalogue does not know fails the build. */
const scenarioId = z.string().refine((id) => scenarioIds.includes(id), {
  message: `not a catalogue id; valid ids: ${scenarioIds.join(", ")}`,
});

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** The scenario this page explains; its Symptom, Reproduce, Fix and Related come from it. */
        scenario: scenarioId.optional(),
      }),
    }),
  }),
};
