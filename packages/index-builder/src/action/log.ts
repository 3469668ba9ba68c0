// The Action's only ways out: log lines, groups, annotations, the step's failure, outputs, the job summary and the
// JSON report. Each one hides the run's secrets (the runner masks only its own log, not the summary or the files,
// and only once told), and each log line is made safe: text from a registry or a database cannot start a line that
// the runner would take for a workflow command (render/safe-text.ts). Our own commands go through @actions/core.
import * as core from '@actions/core';
import { SETTING_DEFAULTS } from '../defaults.ts';
import { writeJsonReport } from '../render/json.ts';
import { safeLine, safeLines, visible } from '../render/safe-text.ts';
import { Secrets } from '../db/secrets.ts';
import type { Annotation } from '../render/annotations.ts';
import { secretsToMask } from './secrets.ts';

const secrets = new Secrets();
/** What the runner was told to mask (each once). */
const masked = new Set<string>();
// pg falls back on libpq's PGPASSWORD when a URL carries no password.
secrets.add(process.env.PGPASSWORD);

/**
 * Hides `url` and every form of its password from here on: registered with the runner (core.setSecret, so it masks
 * them in the log) and redacted from every channel below. Off a runner nothing consumes `::add-mask::` lines, so
 * printing them would show the password instead of hiding it.
 */
export function protect(url: string | undefined): void {
  const forms = secretsToMask(url ?? '');
  secrets.add(...forms);
  if (process.env.GITHUB_ACTIONS !== 'true') return;
  for (const secret of forms.filter((form) => !masked.has(form))) {
    masked.add(secret);
    core.setSecret(secret);
  }
}

export function redact(text: string): string {
  return secrets.redact(text);
}

export function redactDeep<T>(value: T): T {
  return secrets.redactDeep(value);
}

/** One line of the log. */
export function info(line: string): void {
  core.info(safeLine(redact(line)));
}

/** Text of ours over several lines (the job summary printed when there is no GITHUB_STEP_SUMMARY). */
export function infoLines(text: string): void {
  for (const line of safeLines(redact(text))) core.info(line);
}

/** Folds what follows into a collapsible group (the title is one line). */
export const group = {
  start: (title: string) => core.startGroup(visible(redact(title))),
  end: () => core.endGroup(),
};

/** An annotation; @actions/core escapes it as a command, this keeps it to one readable line without secrets. */
export function annotate(annotation: Annotation): void {
  const emit = { error: core.error, warning: core.warning, notice: core.notice }[annotation.level];
  emit(visible(redact(annotation.message)), {
    title: visible(redact(annotation.title)),
    ...(annotation.file !== undefined ? { file: redact(annotation.file) } : {}),
    ...(annotation.startLine !== undefined ? { startLine: annotation.startLine } : {}),
  });
}

export function warning(message: string, properties: { title?: string } = {}): void {
  annotate({ level: 'warning', title: properties.title ?? '', message });
}

export function notice(message: string, properties: { title?: string } = {}): void {
  annotate({ level: 'notice', title: properties.title ?? '', message });
}

/** Fails the step with one line (an error annotation and exit code 1). */
export function fail(message: string): void {
  core.setFailed(visible(redact(message)));
}

export function setOutput(name: string, value: string): void {
  core.setOutput(name, redact(value));
}

/** The JSON report, written with the run's secrets hidden. */
export async function writeReport(path: string, report: Parameters<typeof writeJsonReport>[1]): Promise<void> {
  await writeJsonReport(path, redactDeep(report));
}

/** The job summary (Markdown whose external text the renderer escaped), or, off a runner, printed to the log. */
export async function publishSummary(markdown: string): Promise<void> {
  const text = redact(markdown);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(text, true)
      .write()
      .catch((error: unknown) => warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`));
  } else {
    info('');
    info('Job summary (GITHUB_STEP_SUMMARY is not set, so it is printed here):');
    infoLines(text);
  }
}

/**
 * An error thrown where nothing awaits it (a registry's timer, a stray promise) would otherwise end the process with
 * Node's stack trace, password and all. It ends the step as main's own failures do: one line without secrets, a
 * failure when `mayFail` and fail-on is not "never" (the post step never fails the job).
 */
export function handleStrayErrors(mayFail: boolean): void {
  const stop = (error: unknown) => {
    const message = `index-builder stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    if (!mayFail || (core.getInput('fail-on').trim() || SETTING_DEFAULTS['fail-on']) === 'never') warning(message);
    else fail(message);
    process.exit();
  };
  process.on('uncaughtException', stop);
  process.on('unhandledRejection', stop);
}
