/**
 * A rehype plugin: prefixes Astro's `base` to every root-relative link written in the pages'
 * Markdown (`[índice](/errors/)`), so the prose can name pages as the reader sees them locally
 * and still work when the guide is published under a sub-path. It runs before the links
 * validator, which then checks the prefixed links against the built pages.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function withBase(base: string, href: string): string {
  if (base === "/" || !href.startsWith("/") || href.startsWith("//")) return href;
  if (href === base.slice(0, -1) || href.startsWith(base)) return href;
  return `${base.slice(0, -1)}${href}`;
}

function rewrite(node: HastNode, base: string): void {
  const href = node.type === "element" && node.tagName === "a" ? node.properties?.href : undefined;
  if (typeof href === "string" && node.properties) node.properties.href = withBase(base, href);
  for (const child of node.children ?? []) rewrite(child, base);
}

export function rehypeBaseLinks(options: { base: string }) {
  return (tree: HastNode) => rewrite(tree, options.base);
}
