// What a person sees of each job summary of the scenario matrix: rendered as GitHub-flavoured Markdown, styled as
// GitHub styles a job summary, in headless Chromium (Debian's package; no browser is downloaded) at GitHub's width.
// The headline state comes first and no column is clipped; screenshots go to .tmp/screenshots/summaries/.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../../../tools/system-packages.mjs';
import { ROOT } from '../support/cli.ts';
import { renderChannels, scenarios } from '../support/scenarios.ts';

const SCREENSHOTS = join(ROOT, '.tmp/screenshots/summaries');
/** The width of a job summary's Markdown on github.com at its usual layout. */
const VIEWPORT = { width: 1012, height: 900 };

// The parts of GitHub's markdown-body styles that decide layout: tables that scroll rather than squeeze, code that
// wraps, details folded.
const STYLE = `
body { margin: 0; padding: 16px 24px; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; background: #fff; }
h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; margin: 0 0 16px; }
p, table, ul, details { margin: 0 0 16px; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; vertical-align: top; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
code { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: .2em .4em; background: #eff1f3; border-radius: 6px; white-space: break-spaces; }
sub { font-size: 75%; }
`;

let browser: Browser;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is not installed: run node tools/ensure-system-packages.mjs (npm test runs it first)');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('job summaries as a person sees them', () => {
  for (const scenario of scenarios()) {
    it(`${scenario.name}: the headline state first, no column clipped`, async () => {
      const { summary } = renderChannels(scenario);
      const html = `<!doctype html><meta charset="utf-8"><style>${STYLE}</style><body>${await marked.parse(summary, { gfm: true })}</body>`;
      writeFileSync(join(SCREENSHOTS, `${scenario.name}.html`), html);
      const page = await browser.newPage({ viewport: VIEWPORT });
      try {
        await page.setContent(html);
        const seen = await page.evaluate(() => {
          const first = document.body.firstElementChild as HTMLElement;
          const clipped = [...document.querySelectorAll('table, th, td')]
            .filter((element) => element.scrollWidth > element.clientWidth + 1)
            .map((element) => `${element.tagName}: ${(element.textContent ?? '').slice(0, 60)}`);
          return { tag: first.tagName, text: first.innerText, top: first.getBoundingClientRect().top, clipped };
        });
        expect(seen.tag).toBe('H2');
        expect(seen.top).toBeLessThan(40);
        // The state, as the model words it, is the headline's first character.
        expect(seen.text).toMatch(/^(✅|❌|⚠️|🔀|⏸️|⏹️) Index build/u);
        expect(seen.clipped).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `${scenario.name}.png`), fullPage: scenario.name !== '10000-entries' });
      } finally {
        await page.close();
      }
    }, 60_000);
  }
});
