import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidateJsonSchema, type ValidateJson } from './contract.js';
import { afterAll, beforeAll } from 'vitest';
import { CLI, ensureCliBuilt } from '../scripts/cli-bundle.js';

export { CLI, ensureCliBuilt } from '../scripts/cli-bundle.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLES_DIR = join(ROOT, 'examples');
/** The seed plans' texts (shared/seeds, as the rules' plan fixtures keep them). */
export const PLAN_SEEDS_DIR = join(ROOT, 'packages', 'rules', 'src', 'plan', '__fixtures__');
/** Mường Lay's 2024 plan, whose annex is examples/muong-lay-2024.xlsx. */
export const MUONG_LAY_PLAN = join(PLAN_SEEDS_DIR, '000-muong-lay-2024.txt');

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built CLI; never through a terminal, so no colour and no progress line. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `phuluc validate FILE --format json`, parsed against the contract. */
export function validateJson(
  file: string,
  extra: readonly string[] = [],
): { run: CliRun; json: ValidateJson } {
  const run = runCli(['validate', file, '--format', 'json', ...extra]);
  const json = ValidateJsonSchema.parse(JSON.parse(run.stdout));
  return { run, json };
}

/** A fresh temporary folder under the OS temp dir, removed by the returned function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file that runs the built CLI on files of its own: the CLI built once before its tests,
 * and a temporary folder (`dir`) made for them and removed after them.
 */
export function cliTempDir(): { readonly dir: string } {
  let tmp: ReturnType<typeof tempDir> | undefined;
  beforeAll(() => {
    ensureCliBuilt();
    tmp = tempDir();
  }, 120_000);
  afterAll(() => tmp?.cleanup());
  return {
    get dir(): string {
      if (!tmp) throw new Error('cliTempDir: its folder exists only while the tests run');
      return tmp.dir;
    },
  };
}

/** Exactly one line on stderr and no stack trace. */
export function isOneLine(stderr: string): boolean {
  const lines = stderr.split('\n').filter((l) => l.length > 0);
  return lines.length === 1 && !/^\s+at /m.test(stderr) && lines[0]!.startsWith('phuluc: ');
}
