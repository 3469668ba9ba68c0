// A step that cannot start because an input names no usable file (the registry, the targets): it fails whatever
// `fail-on` says, with the error as the step's annotation (core.setFailed) and in the job summary. `fail-on` governs
// what happens to indexes; a path that names nothing is a mistake in the workflow, and a green step would hide it.
import * as core from '@actions/core';
import { escapeText } from './summary.ts';

export async function failSetup(message: string): Promise<void> {
  const markdown = [
    '## ❌ Index build: not started',
    `❌ ${escapeText(message)}`,
    'Nothing was built. The step fails whatever `fail-on` says: the workflow names a file that cannot be used.',
  ].join('\n\n');
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(`${markdown}\n`, true)
      .write()
      .catch((error: unknown) => core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`));
  } else {
    core.info('');
    core.info('Job summary (GITHUB_STEP_SUMMARY is not set, so it is printed here):');
    core.info(markdown);
  }
  core.setFailed(`index-builder: ${message}`);
}
