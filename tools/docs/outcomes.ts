// What each run outcome means to the person reading a report, and what to do about it. The list of outcomes is the
// code's (RUN_OUTCOMES); the generator refuses to build the docs when this table and that list differ.
export const OUTCOME_DOCS: Record<string, { meaning: string; action: string }> = {
  completed: { meaning: 'Every entry got a status (created, skipped, failed...).', action: 'Read the statuses; failed ones are retried next run.' },
  'another-builder': {
    meaning: "Another index-builder held the database's lock; every index is `deferred`, nothing was done.",
    action: 'Nothing: the running builder does the work. The exit code is 0.',
  },
  unreachable: {
    meaning: 'The database could not be reached (refused, wrong password, unknown host...).',
    action: 'Fix the URL or the network; the notice names the cause.',
  },
  pooler: {
    meaning: 'Refused: a transaction or statement pooler stands between the builder and the server.',
    action: 'Use a direct or session-mode URL (see [Connection poolers](./poolers.md)).',
  },
  'read-only': {
    meaning: 'Refused: the target takes no writes (a hot standby, or `default_transaction_read_only`); none attempted.',
    action: 'Point the URL at the primary, or turn the setting off.',
  },
  cancelled: {
    meaning: 'SIGINT/SIGTERM stopped the run; the running build was cancelled on the server.',
    action: 'Nothing: the next run continues.',
  },
  'invalid-registry': {
    meaning: 'The registry has problems; nothing connected.',
    action: 'Fix them (`index-builder check`, [problem codes](./problem-codes.md)).',
  },
  deferred: {
    meaning: "A fleet run held this database back because a canary database's index failed (the reason is in its row).",
    action: "Fix the canary's failure; the next run builds it.",
  },
};
