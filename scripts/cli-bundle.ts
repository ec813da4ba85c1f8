/**
 * The built CLI (packages/cli/dist/phuluc.js), built when missing or older than the sources it
 * bundles. Shared by the end-to-end tests and the benchmark, which both run the bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The CLI bundle's entry. */
export const CLI = join(ROOT, 'packages', 'cli', 'dist', 'phuluc.js');

/** The newest modification time of the TypeScript sources (not tests) under `dir`. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Build the CLI bundle when it is missing or older than the sources it bundles. */
export function ensureCliBuilt(log: (line: string) => void = () => {}): void {
  const sources = ['cli', 'xlsx', 'rules'].map((p) => join(ROOT, 'packages', p, 'src'));
  if (existsSync(CLI) && sources.every((s) => newestMtime(s) <= statSync(CLI).mtimeMs)) return;
  log('building the CLI (packages/cli/build.mjs)…');
  execFileSync(process.execPath, [join(ROOT, 'packages', 'cli', 'build.mjs')], {
    stdio: 'inherit',
  });
}
