// Where the plugin's tests find things: the plugin package, the repository around it, the fixture projects.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The eslint-plugin-index-builder package (its package.json, dist/, docs/). */
export const PLUGIN = fileURLToPath(new URL('../..', import.meta.url));
/** The repository's root (node_modules/, examples/). */
export const REPOSITORY = join(PLUGIN, '../..');
/** The projects the integration tests lint. */
export const FIXTURES = join(PLUGIN, 'test/fixtures');
export const DOCS = join(PLUGIN, 'docs/rules');
export const ESLINT_BIN = join(REPOSITORY, 'node_modules/eslint/bin/eslint.js');
