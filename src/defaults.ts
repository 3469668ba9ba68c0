// Every user-facing setting's default, in one place and as a user writes it: action.yml's `default:` values (a test
// keeps them equal), the Action's inputs, the CLI's options and the builder's own fallbacks all read them here.
export const SETTING_DEFAULTS = {
  registry: 'db/indexes.ts',
  'lock-timeout': '5min',
  'max-attempts': '10',
  'statement-timeout': '0',
  'time-budget': '',
  'progress-interval': '10s',
  'fail-on': 'never',
  'dry-run': 'false',
  'on-drift': 'report',
  prune: 'false',
  'prune-include': '',
  'prune-max': '5',
  'ssl-ca': '',
  targets: '',
  concurrency: '4',
  'per-host': '2',
  canary: '',
  shard: '',
  'max-replica-lag': '',
  'max-retained-wal': '',
  window: '',
  parallel: '1',
  'maintenance-work-mem': '',
  'max-parallel-maintenance-workers': '',
} as const;

export type SettingName = keyof typeof SETTING_DEFAULTS;
