// The documentation site as a reader gets it: built by VitePress, served over HTTP, opened in headless Chromium
// (Debian's package, driven by playwright-core). Every page renders without a console error, every internal link and
// #anchor resolves, the local search finds "pooler", and the quick start's commands, read from the rendered page,
// run against a real PostgreSQL. Screenshots of every page go to .tmp/screenshots/docs/.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../tools/system-packages.mjs';
import { PACKAGE, ROOT, runCli } from '../../packages/index-builder/test/support/cli.ts';
import { useTestDatabase } from '../../packages/index-builder/test/support/db.ts';

const BASE = '/index-builder/';
const SCREENSHOTS = join(ROOT, '.tmp/screenshots/docs');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

let site: string;
let server: Server;
let origin: string;
let browser: Browser;

/** The built file a site path is served from, as GitHub Pages resolves it (`/a` → a.html, `/a/` → a/index.html). */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const path = decodeURIComponent(pathname.slice(BASE.length));
  for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
    const file = join(site, candidate);
    if (!relative(site, file).startsWith('..') && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Every page of the built site, as site paths. */
function pages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? entry.name === 'assets'
          ? []
          : walk(join(dir, entry.name))
        : entry.name.endsWith('.html')
          ? [join(dir, entry.name)]
          : [],
    );
  return walk(site)
    .filter((file) => !file.endsWith('404.html'))
    .map((file) => BASE + relative(site, file))
    .sort();
}

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'ib-docs-site-'));
  await promisify(execFile)(process.execPath, ['tools/docs/run.mjs'], { cwd: ROOT });
  await promisify(execFile)(process.execPath, ['node_modules/vitepress/bin/vitepress.js', 'build', 'docs', '--outDir', site], {
    cwd: ROOT,
    env: { ...process.env, DOCS_BASE: BASE },
  });
  server = createServer((request, response) => {
    const file = fileFor(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!file) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is not installed: run node tools/ensure-system-packages.mjs (npm test runs it first)');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (site) rmSync(site, { recursive: true, force: true });
});

it('has a page for each part of the documentation and for each rule the plugin links to', () => {
  const built = pages();
  for (const page of [
    'index',
    'quick-start',
    'concepts',
    'registry',
    'cli',
    'action',
    'fleets',
    'poolers',
    'problem-codes',
    'outcomes',
    'performance',
    'faq',
    'rules/index',
  ]) {
    expect(built).toContain(`${BASE}${page}.html`);
  }
  for (const rule of ['no-index-in-migration', 'no-constraint-index-in-migration', 'valid-registry', 'configure'])
    expect(built).toContain(`${BASE}rules/${rule}.html`);
});

it('renders every page without console errors, and every internal link and anchor resolves', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${page.url()}: ${response.status()} for ${response.url()}`);
  });
  const links = new Map<string, string>(); // href → the page it was found on
  const rendered: { path: string; title: string; heading: string }[] = [];
  for (const path of pages()) {
    const response = await page.goto(origin + path, { waitUntil: 'networkidle' });
    expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
    const heading = (await page.locator('.vp-doc h1').first().textContent())?.trim() ?? '';
    rendered.push({ path, title: await page.title(), heading });
    await page.screenshot({
      path: join(
        SCREENSHOTS,
        `${path
          .slice(BASE.length)
          .replace(/\//g, '_')
          .replace(/\.html$/, '')}.png`,
      ),
      fullPage: false,
    });
    for (const href of await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) {
      if (href.startsWith(origin) && !links.has(href)) links.set(href, path);
    }
  }
  await context.close();
  expect(errors).toEqual([]);
  for (const { path, title, heading } of rendered) {
    expect({ path, titled: / \| index-builder$|^index-builder$/.test(title), heading: heading.length > 0 }).toEqual({
      path,
      titled: true,
      heading: true,
    });
  }

  const broken: string[] = [];
  for (const [href, from] of links) {
    const url = new URL(href);
    const file = fileFor(url.pathname);
    if (!file) broken.push(`${from}: ${url.pathname} does not exist`);
    else if (url.hash && !readFileSync(file, 'utf8').includes(` id="${decodeURIComponent(url.hash.slice(1))}"`))
      broken.push(`${from}: ${url.pathname}${url.hash} has no such anchor`);
  }
  expect(broken).toEqual([]);
  expect(links.size).toBeGreaterThan(50);
}, 300_000);

it('finds "pooler" with the local search', async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}${BASE}index.html`, { waitUntil: 'networkidle' });
  await page.locator('.DocSearch-Button, .VPNavBarSearchButton').first().click();
  await page.locator('.VPLocalSearchBox input').fill('pooler');
  const results = page.locator('.VPLocalSearchBox .results li');
  await results.first().waitFor();
  const titles = await results.allTextContents();
  await page.screenshot({ path: join(SCREENSHOTS, 'search-pooler.png') });
  await page.close();
  expect(titles.some((title) => /pooler/i.test(title))).toBe(true);
}, 60_000);

describe('the quick start, as the page shows it', () => {
  const db = useTestDatabase({
    setup: `CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL, status text);
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            COMMENT ON INDEX orders_customer_idx IS 'Order history of one customer.'`,
  });
  let project: string;

  beforeAll(() => {
    // `npm i -D index-builder` in a project of its own: the package is this checkout.
    project = mkdtempSync(join(tmpdir(), 'ib-docs-quick-start-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(PACKAGE, join(project, 'node_modules/index-builder'), 'dir');
    writeFileSync(join(project, 'package.json'), '{ "name": "quick-start", "private": true, "type": "module" }\n');
  });
  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('runs import, check, plan and build against a real PostgreSQL, and a second build skips everything', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}${BASE}quick-start.html`, { waitUntil: 'networkidle' });
    const block = await page.locator('h2#try-it-on-your-database ~ div[class*="language-sh"] code').first().innerText();
    await page.close();
    const commands = block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== '');
    expect(commands[0]).toBe('npm i -D index-builder eslint-plugin-index-builder');
    expect(commands[1]).toMatch(/^export DATABASE_URL=/);
    const cli = commands.slice(2);
    expect(cli.map((command) => command.split(' ').slice(0, 3).join(' '))).toEqual([
      'npx index-builder import',
      'npx index-builder check',
      'npx index-builder plan',
      'npx index-builder build',
    ]);

    const env = { DATABASE_URL: db.url };
    const outputs: string[] = [];
    for (const command of cli) {
      const result = await runCli(command.split(' ').slice(2), { cwd: project, env });
      expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 0, stderr: '' });
      outputs.push(result.stdout);
    }
    expect(readFileSync(join(project, 'db/indexes.ts'), 'utf8')).toContain("name: 'orders_customer_idx'");
    expect(outputs[0]).toContain('✅ Wrote 1 index(es) to db/indexes.ts');
    expect(outputs[2]).toContain('orders_customer_idx');
    const again = await runCli(['build'], { cwd: project, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Skipped: +1 \(already existed\)$/m);
  }, 120_000);
});
