// What the Action registers with the runner (core.setSecret) for a database URL: the URL and every form of its password.
import { secretsOf } from '../db/secrets.ts';

/** The strings to register with core.setSecret: the whole URL, then each form of the password. */
export function secretsToMask(url: string): string[] {
  return [...new Set([url, ...secretsOf(url)])].filter((secret) => secret.length > 0);
}
