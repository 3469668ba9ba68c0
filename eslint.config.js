// ESLint for this repository's own code: typescript-eslint's type-checked rules on the TypeScript, and our own plugin
// on the examples (what a user's repository gets from `...indexBuilder.configs.recommended`).
import indexBuilder from 'eslint-plugin-index-builder';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'packages/*/dist/',
      'coverage/',
      '.tmp/',
      'bench/.data/',
      '**/fixtures/',
      'node_modules/',
      'docs/.vitepress/cache/',
      'docs/.vitepress/dist/',
    ],
  },
  // Dogfooding: the examples are linted the way the plugin's README tells users to (before the TypeScript settings
  // below, whose type-aware parser then wins for .ts files).
  ...indexBuilder.configs.recommended.map((config) => ({
    ...config,
    files: config.files?.map((pattern) => `examples/**/${pattern.replace(/^\*\*\//, '')}`),
  })),
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.recommended],
  },
  {
    // One convention for both: `_name` is unused on purpose, and `const { drop, ...rest } = x` is how we omit a key.
    files: ['**/*.{ts,js,mjs,cjs}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The plugin compares TSESTree nodes' `type` with string literals ('Identifier'), the idiom of ESLint rules; the
    // literals are checked against the string enum all the same.
    files: ['packages/eslint-plugin/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
  },
  {
    // Tests: jest's expect(...) matchers and mocks are typed loosely; the rule would only add noise there.
    files: ['packages/*/test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
