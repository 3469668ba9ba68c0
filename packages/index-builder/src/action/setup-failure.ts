// A step that cannot start because an input names no usable file (the registry, the targets): it fails whatever
// `fail-on` says, with the error as the step's annotation (core.setFailed) and in the job summary. `fail-on` governs
// what happens to indexes; a path that names nothing is a mistake in the workflow, and a green step would hide it.
import * as log from './log.ts';
import { escapeText } from '../render/summary.ts';

export async function failSetup(message: string): Promise<void> {
  const markdown = [
    '## ❌ Index build: not started',
    `❌ ${escapeText(message)}`,
    'Nothing was built. The step fails whatever `fail-on` says: the workflow names a file that cannot be used.',
  ].join('\n\n');
  await log.publishSummary(`${markdown}\n`);
  log.fail(`index-builder: ${message}`);
}
