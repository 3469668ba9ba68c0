// The documentation site (VitePress): its pages are the Markdown files of docs/; docs/generated/ holds the parts that
// tools/docs/run.mjs writes from the code (included into pages, never pages themselves).
import { defineConfig } from 'vitepress';

const REPOSITORY = 'https://github.com/index-builder/index-builder';
// GitHub Pages serves the site under the repository's name; DOCS_BASE changes it.
const base = process.env.DOCS_BASE ?? '/index-builder/';

export default defineConfig({
  title: 'index-builder',
  description: 'Keep PostgreSQL performance indexes out of migrations: one registry, built concurrently after every deploy.',
  base,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: `${base}favicon.svg` }]],
  srcExclude: ['generated/**', 'test/**'],
  lastUpdated: false,
  markdown: {
    // Inline code is shown as written: `{{ .Schema }}` is a template placeholder, not a Vue expression.
    config(md) {
      const render = md.renderer.rules.code_inline;
      md.renderer.rules.code_inline = (tokens, index, options, env, self) =>
        render(tokens, index, options, env, self).replace(/^<code/, '<code v-pre');
    },
  },
  themeConfig: {
    search: { provider: 'local' },
    outline: [2, 3],
    nav: [
      { text: 'Quick start', link: '/quick-start' },
      { text: 'Reference', link: '/cli' },
      { text: 'npm', link: 'https://www.npmjs.com/package/index-builder' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Quick start and adopting', link: '/quick-start' },
          { text: 'Concepts', link: '/concepts' },
          { text: 'The registry', link: '/registry' },
          { text: 'Fleets', link: '/fleets' },
          { text: 'Database health, windows, parallel builds', link: '/health' },
          { text: 'Connection poolers', link: '/poolers' },
          { text: 'Performance', link: '/performance' },
          { text: 'FAQ', link: '/faq' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'CLI', link: '/cli' },
          { text: 'GitHub Action', link: '/action' },
          { text: 'Problem codes', link: '/problem-codes' },
          { text: 'Outcomes', link: '/outcomes' },
        ],
      },
      {
        text: 'ESLint rules',
        items: [
          { text: 'Overview', link: '/rules/' },
          { text: 'Configuring the plugin', link: '/rules/configure' },
          { text: 'no-index-in-migration', link: '/rules/no-index-in-migration' },
          { text: 'no-constraint-index-in-migration', link: '/rules/no-constraint-index-in-migration' },
          { text: 'valid-registry', link: '/rules/valid-registry' },
        ],
      },
      {
        text: 'Contributing',
        items: [{ text: 'Architecture', link: '/ARCHITECTURE' }],
      },
    ],
    socialLinks: [{ icon: 'github', link: REPOSITORY }],
  },
});
