// A step that cannot start because an input is invalid or names no usable file (the registry, the targets): it fails
// whatever `fail-on` says, with the error as the step's annotation (core.setFailed), in the job summary, and with
// every output set (outcome `invalid-input`, zero counts), so that a workflow reading them finds them. `fail-on`
// governs what happens to indexes; a bad input is a mistake in the workflow, and a green step would hide it.
import * as log from './log.ts';
import { OUTPUT_NAMES, setOutputs } from './outputs.ts';
import { escapeText } from '../render/summary.ts';

export async function failSetup(message: string, why = 'the workflow names a file that cannot be used'): Promise<void> {
  const markdown = [
    '## ❌ Index build: not started',
    `❌ ${escapeText(message)}`,
    `Nothing was built. The step fails whatever \`fail-on\` says: ${why}.`,
  ].join('\n\n');
  const outputs: Record<string, string> = {};
  for (const name of OUTPUT_NAMES) outputs[name] = '0';
  setOutputs({ ...outputs, outcome: 'invalid-input', 'dry-run': 'false', 'critical-failed': 'false', report: '' });
  await log.publishSummary(`${markdown}\n`);
  log.fail(`index-builder: ${message}`);
}
