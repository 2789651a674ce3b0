/** The catalogue's short texts use `backticks` for code; render them as <code>, escaping the rest. */
export function inlineCode(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.replace(/`([^`]+)`/g, "<code>$1</code>");
}
