// What must never be printed: the database URLs of a run and every form of their passwords. One `Secrets` per run
// collects them as the URLs become known; every channel out (log, stderr, JSON report, job summary, annotations,
// outputs) passes its text through it, whatever produced the text: a registry, a driver or our own code.

/** Every form of the password a URL can carry: userinfo and `password=` parameter, raw, decoded and re-encoded. */
export function secretsOf(url: string | undefined): string[] {
  if (!url) return [];
  const secrets = new Set<string>();
  try {
    const parsed = new URL(url);
    for (const value of [parsed.password, parsed.searchParams.get('password') ?? '']) {
      if (!value) continue;
      secrets.add(value);
      try {
        const decoded = decodeURIComponent(value);
        secrets.add(decoded);
        secrets.add(encodeURIComponent(decoded));
      } catch {
        // A malformed escape: the raw form is already covered.
      }
    }
  } catch {
    // Not a URL: nothing we can recognise as a password, and checkDatabaseUrl never lets it be printed.
  }
  return [...secrets].filter((secret) => secret.length > 0);
}

/** Replaces every secret in `text` with `***`, the longest first (a whole URL before the password inside it). */
export function redact(text: string, secrets: readonly string[]): string {
  return [...secrets].sort((a, b) => b.length - a.length).reduce((result, secret) => result.split(secret).join('***'), text);
}

/** The secrets of a run, added as they become known. */
export class Secrets {
  readonly #values = new Set<string>();
  /** All values as one pattern, longest first (a whole URL before the password inside it); rebuilt after an add. */
  #pattern: RegExp | undefined;

  /** Adds the password forms of `url` (and with `whole`, the URL itself); returns those it did not hold yet. */
  addUrl(url: string | undefined, options: { whole?: boolean } = {}): string[] {
    const forms = secretsOf(url);
    return this.add(...(options.whole && url && forms.length > 0 ? [url, ...forms] : forms));
  }

  /** Adds values to hide as they are (an empty one is ignored); returns those it did not hold yet. */
  add(...values: (string | undefined)[]): string[] {
    const added: string[] = [];
    for (const value of values) {
      if (!value || this.#values.has(value)) continue;
      this.#values.add(value);
      added.push(value);
    }
    if (added.length > 0) this.#pattern = undefined;
    return added;
  }

  get values(): string[] {
    return [...this.#values];
  }

  /** `text` with every secret replaced by `***`: one pass, so a fleet's thousands of URLs cost little per line. */
  redact(text: string): string {
    if (this.#values.size === 0) return text;
    this.#pattern ??= new RegExp(
      [...this.#values]
        .sort((a, b) => b.length - a.length)
        .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.#pattern, '***');
  }

  /** A deep copy of `value` with every secret replaced in its strings (for a JSON report). */
  redactDeep<T>(value: T): T {
    if (this.#values.size === 0) return value;
    return JSON.parse(JSON.stringify(value), (_key, item: unknown) => (typeof item === 'string' ? this.redact(item) : item)) as T;
  }
}

/** The secrets a process starts with: the URL in DATABASE_URL and libpq's PGPASSWORD, which pg also reads. */
export function secretsFromEnv(env: NodeJS.ProcessEnv): Secrets {
  const secrets = new Secrets();
  secrets.addUrl(env.DATABASE_URL);
  secrets.add(env.PGPASSWORD);
  return secrets;
}
