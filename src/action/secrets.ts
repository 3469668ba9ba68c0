// What must never be printed: the database URL and every form of its password.
import { redact, secretsOf } from '../builder/connection.ts';

/** The strings to register with core.setSecret: the whole URL, then each form of the password. */
export function secretsToMask(url: string): string[] {
  return [...new Set([url, ...secretsOf(url)])].filter((secret) => secret.length > 0);
}

/**
 * Registers the URL's secrets with the runner (core.setSecret) and returns them for redaction. Off a runner nothing
 * consumes `::add-mask::` lines, so printing them would show the password instead of hiding it.
 */
export function maskSecrets(url: string, setSecret: (secret: string) => void, env: NodeJS.ProcessEnv = process.env): string[] {
  const secrets = secretsToMask(url);
  if (env.GITHUB_ACTIONS === 'true') for (const secret of secrets) setSecret(secret);
  return secrets;
}

/**
 * A deep copy of `value` with every secret replaced by `***` in its strings. The builder already keeps passwords out
 * of its messages; this is the second lock for what the runner does not mask (summary, outputs and report files).
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => (typeof item === 'string' ? redact(item, secrets) : item)) as T;
}
