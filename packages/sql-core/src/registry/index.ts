// The registry validator, the core's second entry (`@index-builder/sql-core/registry`): what a registry entry may
// say, checked with PostgreSQL's parser, and the stable problem codes that every channel keys on. Loading a registry
// file is the index-builder package's job; validating what it holds is shared with the ESLint rule.
export * from './validate.ts';
export * from './constraint.ts';
export * from './problems.ts';
export * from './build-settings.ts';
export type * from './types.ts';
