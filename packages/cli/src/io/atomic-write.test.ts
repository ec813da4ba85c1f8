import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { isCliError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';

// Make the last step (rename, or link into place and its rename fallback) or the temporary
// write itself fail on demand.
const fail = vi.hoisted(() => ({ step: '' as '' | 'rename' | 'link' | 'write' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const boom = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...real,
    rename: (a: string, b: string) =>
      fail.step === 'rename' || fail.step === 'link'
        ? Promise.reject(boom('ENOSPC'))
        : real.rename(a, b),
    link: (a: string, b: string) =>
      fail.step === 'link' ? Promise.reject(boom('EIO')) : real.link(a, b),
    writeFile: async (...args: Parameters<typeof real.writeFile>) => {
      if (fail.step === 'write') {
        // Half the bytes reach the disk, then the disk is full.
        await real.writeFile(args[0], (args[1] as Uint8Array).subarray(0, 10), args[2]);
        throw boom('ENOSPC');
      }
      return real.writeFile(...args);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'phuluc-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  fail.step = '';
});

const bytes = new Uint8Array(1000).fill(0x41);
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file', async () => {
    const out = join(dir, 'ok.xlsx');
    await writeFileAtomic(out, bytes, { overwrite: false });
    expect(readFileSync(out)).toEqual(Buffer.from(bytes));
    expect(leftovers()).toEqual([]);
  });

  it.each(['write', 'link'] as const)(
    'a failed %s leaves no OUT file, partial or whole, and no temporary file',
    async (step) => {
      const out = join(dir, `failed-${step}.xlsx`);
      fail.step = step;
      const error = await writeFileAtomic(out, bytes, { overwrite: false }).catch((e) => e);
      expect(isCliError(error) && error.key).toBe('cli.error.cannot-write');
      expect(existsSync(out)).toBe(false);
      expect(leftovers()).toEqual([]);
    },
  );

  it.each(['write', 'rename'] as const)(
    'with --overwrite, a failed %s keeps the previous OUT intact',
    async (step) => {
      const out = join(dir, `keep-${step}.xlsx`);
      writeFileSync(out, 'previous');
      fail.step = step;
      await expect(writeFileAtomic(out, bytes, { overwrite: true })).rejects.toSatisfy(isCliError);
      expect(readFileSync(out, 'utf8')).toBe('previous');
      expect(leftovers()).toEqual([]);
    },
  );

  it('refuses to write over the input, even through another path', async () => {
    const input = join(dir, 'input.xlsx');
    writeFileSync(input, 'input');
    const error = await writeFileAtomic(join(dir, '.', 'input.xlsx'), bytes, {
      overwrite: true,
      input,
    }).catch((e) => e);
    expect(isCliError(error) && error.key).toBe('cli.error.output-is-input');
    expect(readFileSync(input, 'utf8')).toBe('input');
  });
});
