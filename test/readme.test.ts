import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidateJsonSchema } from './contract.js';
import { ROOT } from './helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The Quick start's first command after its install step, as words. */
function mainCommand(): string[] {
  const line = README.split('\n').find((l) => /^npx .* install && npx .* phuluc validate /.test(l));
  expect(line, 'the Quick start main command').toBeDefined();
  return line!.split(' && ')[1]!.trim().split(/\s+/);
}

describe("the README's main command", () => {
  it('prints exactly one JSON document with --format json, as the README says', () => {
    const [bin, ...args] = mainCommand();
    expect(bin).toBe('npx');
    const r = spawnSync('npx', [...args, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '' },
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    const json = ValidateJsonSchema.parse(JSON.parse(r.stdout));
    expect(json.file).toBe('examples/muong-lay-2024-loi.xlsx');
    expect(json.summary.errors).toBeGreaterThan(0);
  }, 150_000);
});
