import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { cliTempDir, EXAMPLES_DIR, MUONG_LAY_PLAN, ROOT, runCli } from './helpers.js';

/**
 * The published JSON Schema files (packages/rules/schema/) validate what the CLI really prints,
 * read as any other system would read them: the files alone, with a standard validator (Ajv,
 * draft 2020-12), not the zod schemas they came from.
 */
const SCHEMA_DIR = join(ROOT, 'packages', 'rules', 'schema');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schema = (name: string) =>
  ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as object);

function expectValid(name: string, doc: unknown): void {
  const check = schema(name);
  expect(check(doc), JSON.stringify(check.errors?.slice(0, 3))).toBe(true);
}

const PLAN = MUONG_LAY_PLAN;
const LAYOUT = join(EXAMPLES_DIR, 'layouts', 'dang-ky-thoat-ngheo.json');

const tmp = cliTempDir();

describe('JSON Schemas against real outputs', () => {
  it('validate: every example workbook, the relation examples and a user layout', () => {
    const files = [
      ...readdirSync(EXAMPLES_DIR)
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => join('examples', f)),
      ...readdirSync(join(EXAMPLES_DIR, 'relations'))
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => join('examples', 'relations', f)),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const run = runCli(['validate', f, '--format', 'json', '--counterpart-ratio', '30%']);
      expect(run.status, `${f}: ${run.stderr}`).toBeLessThan(2);
      expectValid('validate', JSON.parse(run.stdout));
    }
    const withLayout = runCli([
      'validate',
      'examples/muong-lay-2024.xlsx',
      '--format',
      'json',
      '--layout-file',
      LAYOUT,
    ]);
    expectValid('validate', JSON.parse(withLayout.stdout));
  });

  it('fill, plan (with its annex) and templates', () => {
    const out = join(tmp.dir, 'filled.xlsx');
    const fill = runCli([
      'fill',
      'examples/muong-lay-2024-loi.xlsx',
      '-o',
      out,
      '--format',
      'json',
    ]);
    expect(fill.status, fill.stderr).toBe(0);
    const fillDoc = JSON.parse(fill.stdout) as { summary: { writes: number; conflicts: number } };
    expect(fillDoc.summary.conflicts).toBeGreaterThan(0);
    expectValid('fill', fillDoc);
    const plan = runCli([
      'plan',
      PLAN,
      '--annex',
      'examples/muong-lay-2024-loi.xlsx',
      '--format',
      'json',
    ]);
    expect(plan.status, plan.stderr).toBeLessThan(2);
    expectValid('plan', JSON.parse(plan.stdout));
    expectValid('templates', JSON.parse(runCli(['templates', '--format', 'json']).stdout));
  });

  it('refuse documents that break the contract', () => {
    const run = runCli(['validate', 'examples/muong-lay-2024-loi.xlsx', '--format', 'json']);
    const doc = JSON.parse(run.stdout) as {
      sheets: Array<{ issues: Array<Record<string, unknown>> }>;
    };
    const issue = doc.sheets[0]!.issues[0]!;
    for (const broken of [
      { ...issue, code: 'sum/unknown' },
      { ...issue, cell: 'c9' },
      { ...issue, expected: null },
      { ...issue, extra: 1 },
    ]) {
      const copy = structuredClone(doc);
      copy.sheets[0]!.issues[0] = broken;
      expect(schema('validate')(copy), JSON.stringify(broken)).toBe(false);
    }
  });
});
