// Where each entry stands in a .ts/.js registry file, so that problems read `file:line: message`. (JSON and YAML
// registries: json-registry.ts, yaml-registry.ts.)
/**
 * Lines of each entry in a .ts/.js registry. The module has already run, so this only needs to find the entries in
 * the text: by their `name:` properties in order when there is one per entry, else by each entry's name value.
 */
export function entryLinesInScript(text: string, names: unknown[]): number[] {
  const nameProperties = [...text.matchAll(/(?<![\w$.])(['"]?)name\1\s*:/g)].map((m) => m.index);
  const fallback = lineAt(text, text.search(/defineIndexes\s*\(|export\s+default/));
  if (nameProperties.length === names.length) return nameProperties.map((offset) => lineAt(text, offset));
  const used = new Set<number>();
  return names.map((name) => {
    if (typeof name !== 'string') return fallback;
    const pattern = new RegExp(`(?<![\\w$.])(['"]?)name\\1\\s*:\\s*(['"\`])${escapeRegExp(name)}\\2`, 'g');
    const match = [...text.matchAll(pattern)].find((m) => !used.has(m.index));
    if (!match) return fallback;
    used.add(match.index);
    return lineAt(text, match.index);
  });
}

function lineAt(text: string, offset: number): number {
  return offset < 0 ? 1 : text.slice(0, offset).split('\n').length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
