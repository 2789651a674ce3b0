// The same static host `connlab start` runs, so the browser tier serves the guide as users get it.
export { serveStatic } from "../../cli/src/static-site.ts";
