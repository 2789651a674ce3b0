import { createRequire } from "node:module";
import { styleText } from "node:util";
import type TableType from "cli-table3";

// cli-table3 (a CommonJS package, 11 modules with its string-width) is required on the first
// table, not at load: `--json`, the doctor and help print none.
const require = createRequire(import.meta.url);

type Style = Parameters<typeof styleText>[0];

/** Colours only when stdout is a terminal and NO_COLOR is unset (styleText checks both). */
export function paint(style: Style, text: string): string {
  return styleText(style, text, { stream: process.stdout });
}

/** A plain table for terminals: no borders when piped, so output stays grep-able. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const plain = !process.stdout.isTTY;
  const Table: typeof TableType = require("cli-table3");
  const t = new Table({
    head: head.map((h) => paint("bold", h)),
    style: { head: [], border: [] },
    ...(plain
      ? {
          chars: {
            top: "",
            "top-mid": "",
            "top-left": "",
            "top-right": "",
            bottom: "",
            "bottom-mid": "",
            "bottom-left": "",
            "bottom-right": "",
            left: "",
            "left-mid": "",
            mid: "",
            "mid-mid": "",
            right: "",
            "right-mid": "",
            middle: "  ",
          },
        }
      : {}),
  });
  for (const row of rows) t.push([...row]);
  return t.toString();
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
