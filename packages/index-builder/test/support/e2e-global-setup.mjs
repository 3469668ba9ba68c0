// The e2e project runs the committed bundles: before any of its tests, dist/ must be what the sources build to (its
// source stamp, tools/dist-stamp.mjs), or the run stops with one line instead of failures that mislead.
import { requireFreshDist } from '../../../../tools/dist-stamp.mjs';
import globalSetup from './global-setup.mjs';

export default async function e2eGlobalSetup() {
  try {
    await requireFreshDist('packages/index-builder');
  } catch (error) {
    // The db project's setup may have started the server already: jest runs no teardown after a failed setup.
    const server = globalThis.__INDEX_BUILDER_TEST_SERVER__;
    globalThis.__INDEX_BUILDER_TEST_SERVER__ = undefined;
    await server?.stop();
    throw error;
  }
  await globalSetup();
}
