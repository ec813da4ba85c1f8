import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from './version.js';

const pkgVersion = (dir: string): unknown =>
  (
    JSON.parse(readFileSync(new URL(`../../${dir}/package.json`, import.meta.url), 'utf8')) as {
      version?: unknown;
    }
  ).version;

describe('one version everywhere', () => {
  it('is the version of every package, from source as from the bundle', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    for (const dir of ['cli', 'rules', 'xlsx', 'excel-addin'])
      expect(pkgVersion(dir)).toBe(VERSION);
  });
});
