// The integration project lints with the committed plugin bundle: before any of its tests, dist/ must be what the
// sources build to (its source stamp, tools/dist-stamp.mjs), or the run stops with one line.
import { requireFreshDist } from '../../../../tools/dist-stamp.mjs';

export default async function integrationGlobalSetup() {
  await requireFreshDist('packages/eslint-plugin');
}
