// The renderers (console, JSON, job summaries, outputs, annotations) only render the outcome model: no state and no
// next-step sentence of their own. A renderer that words what happens next, or maps a status to text, fails here.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '../../../src');
const RENDERERS = [
  ...readdirSync(join(src, 'render')).map((file) => `render/${file}`),
  'render/annotations.ts',
  'action/outputs.ts',
  'action/main.ts',
  'action/fleet.ts',
  'action/publish.ts',
];

/** Words of a next step or of a state's meaning: they belong to src/outcome only. */
const NEXT_STEP_WORDS = [
  /next run/i,
  /retries (it|them)\b/i,
  /time budget/i,
  /processed successfully/i,
  /fix the cause/i,
  /deploy (went|goes) on/i,
  /needs a fix/i,
  /fail the same way/i,
  /--on-drift/,
  /on-drift input/,
  /prune input/,
  /the CLI's `--prune`/,
  /made by index-builder/,
];

/** Every string literal of the model's sentences (the parts between interpolations). */
function modelPhrases(): string[] {
  const text = readFileSync(join(src, 'outcome/next-step.ts'), 'utf8');
  const literals = [...text.matchAll(/'([^'\n]{24,})'|`([^`\n]{24,})`/g)].map((m) => m[1] ?? m[2]!);
  return literals.flatMap((literal) => literal.split(/\$\{[^}]*\}/)).filter((part) => part.trim().length >= 24);
}

describe('renderers only render the outcome model', () => {
  for (const file of RENDERERS) {
    const text = readFileSync(join(src, file), 'utf8')
      // Comments may explain; only code speaks to the reader.
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    it(`${file} words no next step of its own`, () => {
      for (const words of NEXT_STEP_WORDS) expect({ file, found: words.exec(text)?.[0] }).toEqual({ file, found: undefined });
      for (const phrase of modelPhrases()) expect({ file, copied: text.includes(phrase) ? phrase : undefined }).toEqual({ file, copied: undefined });
    });
    it(`${file} maps no status to text of its own`, () => {
      expect(text).not.toMatch(/Record<IndexStatus,\s*string>|Partial<Record<IndexStatus/);
      expect(text).not.toMatch(/STATUS_(EMOJI|REASON|LABEL)/);
    });
  }

  it('the model holds the sentences the renderers show', () => {
    expect(modelPhrases().length).toBeGreaterThan(10);
  });
});
