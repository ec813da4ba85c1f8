import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, ROOT, runCli, validateJson } from './helpers.js';
import { PLANTED } from './planted.js';

const CLEAN = [
  'muong-lay-2024.xlsx',
  'muong-lay-2024-dich-vu.xlsx',
  'ba-to-2024.xlsx',
  'cao-ngoc-2024-ho-ngheo.xlsx',
];
const DIRTY = 'muong-lay-2024-loi.xlsx';
const example = (f: string) => join('examples', f);

beforeAll(() => ensureCliBuilt(), 120_000);

describe('phuluc validate on the examples', () => {
  it.each(CLEAN)('%s has no error and exits 0', (file) => {
    const { run, json } = validateJson(example(file));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(json.file).toBe(example(file));
    expect(json.summary.errors).toBe(0);
    expect(json.sheets.some((s) => s.template !== null)).toBe(true);
  });

  it('reads each clean example as the layout it is', () => {
    const layouts = Object.fromEntries(
      CLEAN.map((f) => [f, validateJson(example(f)).json.sheets.map((s) => s.template)]),
    );
    expect(layouts).toEqual({
      'muong-lay-2024.xlsx': ['budget-allocation'],
      'muong-lay-2024-dich-vu.xlsx': ['service-targets'],
      'ba-to-2024.xlsx': ['budget-allocation', null],
      'cao-ngoc-2024-ho-ngheo.xlsx': ['poverty-targets'],
    });
  });

  it('reports each planted mistake of the dirty example at its cell, and exits 1', () => {
    const { run, json } = validateJson(example(DIRTY));
    expect(run.status).toBe(1);
    expect(json.summary.errors).toBeGreaterThan(0);
    for (const p of PLANTED) {
      const sheet = json.sheets.find((s) => s.sheet === p.sheet);
      expect(sheet, p.sheet).toBeDefined();
      const hit = sheet!.issues.find((i) => i.cell === p.cell && i.code === p.code);
      expect(hit, `${p.sheet}!${p.cell} ${p.code} (${p.what})`).toBeDefined();
    }
    const summed = json.sheets.flatMap((s) => s.issues);
    expect(json.summary).toEqual({
      errors: summed.filter((i) => i.severity === 'error').length,
      warnings: summed.filter((i) => i.severity === 'warning').length,
      infos: summed.filter((i) => i.severity === 'info').length,
    });
  });

  it('keeps expected/actual as decimal strings and omits them when absent', () => {
    const { json } = validateJson(example(DIRTY));
    const foot = json.sheets[0]!.issues.find((i) => i.cell === 'C9' && i.code === 'sum/foot')!;
    expect(foot.expected).toBe('4623');
    expect(foot.actual).toBe('3154');
    const name = json.sheets[0]!.issues.find((i) => i.code === 'catalog/name-mismatch')!;
    expect('expected' in name && name.expected === undefined).toBe(false);
  });

  it('speaks English with --lang en and Vietnamese by default', () => {
    const vi = validateJson(example(DIRTY)).json.sheets[0]!.issues[0]!.message;
    const en = validateJson(example(DIRTY), ['--lang', 'en']).json.sheets[0]!.issues[0]!.message;
    expect(vi).not.toBe(en);
    expect(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(vi)).toBe(true);
  });

  it('validates one sheet with --sheet and forces a layout with --template', () => {
    const one = validateJson(example(DIRTY), ['--sheet', 'PL02']).json;
    expect(one.sheets.map((s) => s.sheet)).toEqual(['PL02']);
    const forced = validateJson(example('ba-to-2024.xlsx'), [
      '--sheet',
      'Phụ lục',
      '--template',
      'budget-allocation',
    ]).json;
    expect(forced.sheets[0]!.template).toBe('budget-allocation');
  });

  it('prints text grouped by sheet with vi-VN numbers, no colour off a terminal, and a summary', () => {
    const run = runCli(['validate', example(DIRTY)]);
    expect(run.status).toBe(1);
    expect(run.stdout.includes(String.fromCharCode(27))).toBe(false); // no ANSI colour
    expect(run.stdout).toMatch(/Trang tính "PL01" — mẫu: budget-allocation/);
    expect(run.stdout).toMatch(/^ {2}C9 +lỗi +sum\/foot .*cần 4\.623, thực tế 3\.154/m);
    expect(run.stdout).toMatch(/^Tổng kết: \d+ lỗi, \d+ cảnh báo, \d+ thông tin\.$/m);
    const en = runCli(['validate', example(DIRTY), '--lang', 'en']);
    expect(en.stdout).toMatch(/expected 4,623, actual 3,154/);
    expect(en.stdout).toMatch(/^Summary: /m);
  });

  it('prints the layouts with their columns', () => {
    const run = runCli(['templates']);
    expect(run.status).toBe(0);
    for (const id of ['budget-allocation', 'poverty-targets', 'service-targets', 'budget-matrix'])
      expect(run.stdout).toContain(id);
    const json = JSON.parse(runCli(['templates', '--format', 'json']).stdout) as {
      id: string;
      columns: unknown[];
    }[];
    expect(json.map((l) => l.id)).toEqual([
      'budget-allocation',
      'poverty-targets',
      'service-targets',
      'budget-matrix',
    ]);
    expect(json.every((l) => l.columns.length > 0)).toBe(true);
  });

  it('answers --help and --version', () => {
    expect(runCli(['--help'])).toMatchObject({ status: 0 });
    expect(runCli(['--help']).stdout).toContain('phuluc validate');
    expect(runCli(['validate', '--help']).stdout).toContain('--tolerance');
    // The bundle says the packages' version, as the sources do (packages/cli/src/version.test.ts).
    const { version } = JSON.parse(
      readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(runCli(['--version']).stdout).toBe(`${version}\n`);
  });
});
