// The registry of migration libraries (src/frameworks/): every library module exports the whole shared interface and
// is registered, so a new library cannot be half-added; and the database names the dialect guards read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { DATABASE_NAMES, FRAMEWORKS } from '../../src/frameworks/index.ts';
import type { FrameworkReader, MigrationFramework } from '../../src/frameworks/shared/framework.ts';
import { PLUGIN } from '../support/paths.ts';

const FRAMEWORKS_DIR = join(PLUGIN, 'src/frameworks');
const READER_HOOKS: (keyof FrameworkReader)[] = ['enter', 'indexes', 'indexObjects', 'constraints', 'createdTable'];

/** The library modules: every file directly in src/frameworks but the registry. */
const libraryFiles = readdirSync(FRAMEWORKS_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

async function exportsOf(file: string): Promise<unknown[]> {
  const module = (await import(pathToFileURL(join(FRAMEWORKS_DIR, file)).href)) as Record<string, unknown>;
  return Object.values(module);
}

describe('the migration libraries', () => {
  it('are one module each, named after the library', () => {
    expect(libraryFiles.sort()).toEqual(FRAMEWORKS.map((framework) => `${framework.name}.ts`).sort());
  });

  it.each(libraryFiles)('%s exports exactly one library, and it is registered', async (file) => {
    const exported = await exportsOf(file);
    expect(exported).toHaveLength(1);
    expect(FRAMEWORKS).toContain(exported[0]);
  });

  it.each(FRAMEWORKS.map((framework) => [framework.name, framework] as const))(
    '%s has every field of the interface',
    (_name, framework: MigrationFramework) => {
      expect(typeof framework.name).toBe('string');
      for (const names of [framework.dialects.postgres, framework.dialects.others]) {
        expect(Array.isArray(names)).toBe(true);
        for (const name of names) expect(name).toBe(name.toLowerCase());
      }
      const reader = framework.read('');
      for (const hook of READER_HOOKS) expect(typeof reader[hook]).toBe('function');
    },
  );

  it('never call one name both PostgreSQL and another database', () => {
    expect([...DATABASE_NAMES.postgres].filter((name) => DATABASE_NAMES.others.has(name))).toEqual([]);
  });

  it('give the dialect guards these names', () => {
    expect([...DATABASE_NAMES.postgres].sort()).toEqual(
      ['aurora-postgres', 'cockroachdb', 'pg', 'pg-native', 'pglite', 'pgnative', 'postgres', 'postgresql'].sort(),
    );
    expect([...DATABASE_NAMES.others].sort()).toEqual(
      [
        'aurora-mysql',
        'better-sqlite',
        'better-sqlite3',
        'capacitor',
        'cordova',
        'db2',
        'expo',
        'libsql',
        'mariadb',
        'mongodb',
        'mssql',
        'mysql',
        'mysql2',
        'nativescript',
        'oracle',
        'oracledb',
        'react-native',
        'redshift',
        'sap',
        'spanner',
        'sqlite',
        'sqlite3',
        'sqljs',
        'tedious',
      ].sort(),
    );
  });
});
