// action.yml is what GitHub reads; the code has its own defaults for runs outside GitHub. They must agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { INPUT_DEFAULTS } from '../../../src/action/inputs.ts';
import { FLEET_OUTPUT_NAMES, OUTPUT_NAMES } from '../../../src/action/outputs.ts';
import { DEFAULTS } from '../../../src/builder/build.ts';
import { parseDuration } from '../../../src/util/duration.ts';
import { ROOT } from '../../support/cli.ts';

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const deployExample = readFileSync(join(ROOT, 'examples/workflows/deploy.yml'), 'utf8');

describe('action.yml', () => {
  it('runs the committed bundles on node24, with a post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'packages/index-builder/dist/index.js', post: 'packages/index-builder/dist/post.js' });
  });

  it('has a description the Marketplace accepts (at most 125 characters)', () => {
    expect(action.description.length).toBeLessThanOrEqual(125);
  });

  it('has a name, description, author and branding', () => {
    for (const field of [action.name, action.description, action.author, action.branding.icon, action.branding.color]) {
      expect(field).toEqual(expect.any(String));
      expect(field.length).toBeGreaterThan(0);
    }
  });

  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['database-url', ...Object.keys(INPUT_DEFAULTS)].sort());
    expect(action.inputs['database-url']!.required).toBe(false); // a fleet (targets) needs none
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) {
      expect({ name, default: action.inputs[name]!.default }).toEqual({ name, default: value });
    }
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
  });

  it("has the builder's own fallbacks as its defaults (one place: defaults.ts)", () => {
    const input = (name: string) => action.inputs[name]!.default!;
    expect(DEFAULTS).toMatchObject({
      lockTimeoutMs: parseDuration(input('lock-timeout')),
      statementTimeoutMs: parseDuration(input('statement-timeout')),
      maxAttempts: Number(input('max-attempts')),
      progressIntervalMs: parseDuration(input('progress-interval')),
    });
  });

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES, ...FLEET_OUTPUT_NAMES].sort());
    for (const output of Object.values(action.outputs)) expect(output.description.length).toBeGreaterThan(10);
  });
});

describe('examples/workflows/deploy.yml', () => {
  const steps = (parse(deployExample) as { jobs: { deploy: { steps: { id?: string; uses?: string; with?: Record<string, string> }[] } } }).jobs.deploy
    .steps;
  const step = steps.find((s) => s.uses === 'index-builder/index-builder@v1')!;

  it('uses the Action after the migration step, with inputs it declares', () => {
    expect(steps.findIndex((s) => s === step)).toBeGreaterThan(steps.findIndex((s) => (s as { name?: string }).name === 'Migrate'));
    expect(step.with!['database-url']).toBe('${{ secrets.DATABASE_URL }}');
    for (const name of Object.keys(step.with!)) expect(Object.keys(action.inputs)).toContain(name);
  });

  it('reads only outputs the Action sets', () => {
    const used = [...deployExample.matchAll(/steps\.indexes\.outputs(?:\.([\w-]+)|\['([\w-]+)'\])/g)].map((m) => m[1] ?? m[2]);
    expect(used.length).toBeGreaterThan(3);
    for (const name of used) expect(OUTPUT_NAMES).toContain(name);
  });
});

describe('examples/workflows/fleet.yml', () => {
  interface Job {
    needs?: string;
    outputs?: Record<string, string>;
    strategy?: { matrix: string };
    steps: { id?: string; uses?: string; run?: string; with?: Record<string, unknown> }[];
  }
  const text = readFileSync(join(ROOT, 'examples/workflows/fleet.yml'), 'utf8');
  const jobs = (parse(text) as { jobs: Record<string, Job> }).jobs;

  it('computes the shards in one job and builds each in a matrix job with fromJSON', () => {
    expect(jobs.shards!.steps.find((s) => s.id === 'split')!.run).toContain('npx index-builder shards --targets db/targets.yml --shards 4');
    expect(jobs.indexes!.needs).toBe('shards');
    expect(jobs.indexes!.strategy!.matrix).toBe('${{ fromJSON(needs.shards.outputs.matrix) }}');
    const step = jobs.indexes!.steps.find((s) => s.uses === 'index-builder/index-builder@v1')!;
    expect(step.with).toMatchObject({ targets: 'db/targets.yml', shard: '${{ matrix.shard }}' });
    for (const name of Object.keys(step.with!)) expect(Object.keys(action.inputs)).toContain(name);
  });

  it('reads only outputs the Action sets', () => {
    const used = [...text.matchAll(/steps\.indexes\.outputs(?:\.([\w-]+)|\['([\w-]+)'\])/g)].map((m) => m[1] ?? m[2]);
    expect(used.length).toBeGreaterThan(1);
    for (const name of used) expect([...OUTPUT_NAMES, ...FLEET_OUTPUT_NAMES]).toContain(name);
  });
});
