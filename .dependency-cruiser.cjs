// The architecture, enforced (`npm run lint` runs it): which layer may import which, no cycles between folders,
// and each package reached by the others only through its name. ARCHITECTURE.md draws the same picture.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend on each other in one direction only (see ARCHITECTURE.md for the order).',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-core',
      comment: 'The shared SQL core knows nothing of the packages that bundle it.',
      severity: 'error',
      from: { path: '^packages/sql-core/' },
      to: { path: '^packages/(index-builder|eslint-plugin)/' },
    },
    {
      name: 'packages-by-name',
      comment: 'A package reaches another only by its package name (@index-builder/sql-core), never a path into its files.',
      severity: 'error',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/', pathNot: '^packages/$1/', dependencyTypes: ['local'] },
    },
    {
      name: 'plugin-apart',
      comment: 'The ESLint plugin and the builder share only the core.',
      severity: 'error',
      from: { path: '^packages/(eslint-plugin|index-builder)/src/' },
      to: { path: '^packages/(eslint-plugin|index-builder)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'engine-below-entries',
      comment:
        'The engine (builder, fleet, import, registry, the outcome model, db) is driven by the CLI and the Action and never imports them or the renderers.',
      severity: 'error',
      from: { path: '^packages/index-builder/src/(builder|fleet|import|registry|outcome|db|util)/' },
      to: { path: '^packages/index-builder/src/(cli|action|render)/' },
    },
    {
      name: 'renderers-below-entries',
      comment: 'Renderers turn results into text; they do not reach back into the CLI or the Action.',
      severity: 'error',
      from: { path: '^packages/index-builder/src/render/' },
      to: { path: '^packages/index-builder/src/(cli|action)/' },
    },
    {
      name: 'cli-and-action-apart',
      comment: 'The CLI and the Action are two entries over the same engine; neither imports the other.',
      severity: 'error',
      from: { path: '^packages/index-builder/src/(cli|action)/' },
      to: { path: '^packages/index-builder/src/(cli|action)/', pathNot: '^packages/index-builder/src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|fixtures|corpus)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
