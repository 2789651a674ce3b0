export { chromiumPath, launchChromium } from "./chromium.ts";
