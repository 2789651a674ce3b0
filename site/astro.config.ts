import { existsSync } from "node:fs";
import starlight from "@astrojs/starlight";
import { defineConfig, passthroughImageService } from "astro/config";
import starlightLinksValidator from "starlight-links-validator";
import { sidebar } from "./src/sidebar.ts";

const docs = new URL("./src/content/docs/", import.meta.url);

export default defineConfig({
  // Only used for the sitemap and canonical links; the site is served locally.
  site: "http://127.0.0.1:4321",
  // No raster images are processed: skip sharp entirely.
  image: { service: passthroughImageService() },
  integrations: [
    starlight({
      title: "connlab",
      description:
        "Por qué un cliente no puede conectar con un servidor / Why a client cannot connect to a server",
      defaultLocale: "root",
      locales: {
        root: { label: "Español", lang: "es" },
        en: { label: "English", lang: "en" },
      },
      sidebar: sidebar((path) => existsSync(new URL(path, docs))),
      customCss: ["./src/styles/connlab.css"],
      // Wrapped code never scrolls sideways, so no code block becomes a scrollable region
      // (axe's landmark-unique flags several unnamed ones on one page) and phones read it whole.
      expressiveCode: { defaultProps: { wrap: true } },
      plugins: [starlightLinksValidator({ errorOnInconsistentLocale: true })],
      lastUpdated: false,
      pagination: true,
    }),
  ],
});
