// The Action's post step: runs after the job, even a cancelled one, and drops the invalid registry indexes a killed
// build left behind (none that another session is still building). It reconnects only when the main step's build
// did not finish (killed, cancelled). Best effort: it never fails the job.
import * as core from '@actions/core';
import { dropAbandonedIndexes, type CleanupResult } from '../builder/cleanup.ts';
import { loadRegistry } from '../registry/load.ts';
import { cleanupFleet } from './fleet-post.ts';
import { InputError, readInputs } from './inputs.ts';
import * as log from './log.ts';
import { BUILD_FINISHED, BUILD_STARTED } from './state.ts';

export async function runPost(): Promise<void> {
  log.protect(core.getInput('database-url'));
  log.protect(process.env.DATABASE_URL);
  if (core.getState(BUILD_STARTED) !== 'true') {
    log.info('index-builder cleanup: no build was started in this step; nothing to clean up.');
    return;
  }
  if (core.getState(BUILD_FINISHED) === 'true') {
    log.info('index-builder cleanup: the main step finished its build; nothing was left to clean up.');
    return;
  }
  try {
    const inputs = readInputs((name) => core.getInput(name));
    log.protect(inputs.databaseUrl);
    if (inputs.fleet) await (await import('./fleet.ts')).protectTargets(inputs.fleet);
    const registry = await loadRegistry(inputs.registry);
    if (registry.problems.length > 0) {
      log.info(`index-builder cleanup: ${registry.file} is invalid; nothing to clean up.`);
      return;
    }
    if (inputs.fleet) {
      await cleanupFleet(registry.entries, inputs.fleet, inputs.lockTimeoutMs, printCleanup);
      return;
    }
    const result = await dropAbandonedIndexes(registry.entries, { url: inputs.databaseUrl, lockTimeoutMs: inputs.lockTimeoutMs });
    printCleanup(result);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warning(error instanceof InputError ? `index-builder cleanup skipped: ${message}` : `index-builder cleanup stopped unexpectedly: ${message}`);
  }
}

/** `prefix` names the database in a fleet (`[tenant-a] `); empty for one database. */
function printCleanup(result: CleanupResult, prefix = ''): void {
  if (result.notice) {
    log.info(`${prefix}index-builder cleanup: nothing was dropped: ${result.notice.replace(/\.$/, '')}.`);
    return;
  }
  for (const name of result.dropped) log.info(`${prefix}🧹 Dropped invalid index ${name}, left by an interrupted build`);
  for (const name of result.inProgress) log.info(`${prefix}⏳ Left invalid index ${name} alone: another session is building it`);
  for (const failure of result.failed) {
    log.warning(`${prefix}Could not drop the invalid index ${failure.name}: ${failure.message}. The next build drops and rebuilds it.`, {
      title: 'index-builder cleanup',
    });
  }
  if (result.dropped.length > 0) {
    log.notice(
      `${prefix}Dropped ${result.dropped.length} invalid index(es) left by an interrupted build: ${result.dropped.join(', ')}. The next deploy builds them again.`,
      {
        title: 'index-builder cleanup',
      },
    );
  }
  if (result.dropped.length + result.inProgress.length + result.failed.length === 0) {
    log.info(`${prefix}index-builder cleanup: no invalid registry index was left behind.`);
  }
}
