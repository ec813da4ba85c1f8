/**
 * `phuluc fill` on the surgical writer's feature corpus (packages/xlsx/src/surgical/__fixtures__):
 * every part but the filled sheet comes back byte for byte, the filled annex validates clean, and
 * a write that cannot be made safely is refused with one line, exit 2, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../packages/xlsx/src/limits.js';
import {
  corpus,
  FIXTURES,
  gridOf,
  partText,
  rawRecords,
  withoutCells,
} from '../packages/xlsx/src/surgical/__tests__/helpers.js';
import { cliTempDir, isOneLine, runCli, validateJson } from './helpers.js';

const tmp = cliTempDir();

/** Parts fill may change: the filled sheet, `<calcPr>`, and the calculation chain's traces. */
const MAY_CHANGE = new Set([
  'xl/worksheets/sheet1.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
]);

let runs = 0;
function fill(name: string): { input: string; out: string } {
  const n = ++runs;
  const input = join(tmp.dir, `${n}-${name}`);
  copyFileSync(join(FIXTURES, name), input);
  const out = join(tmp.dir, `${n}-filled-${name}`);
  const run = runCli(['fill', input, '-o', out]);
  expect(run.status, run.stderr).toBe(0);
  return { input, out };
}

describe('phuluc fill keeps everything it does not write', () => {
  for (const name of corpus()) {
    it(name, () => {
      const { input, out } = fill(name);
      const [a, b] = [new Uint8Array(readFileSync(input)), new Uint8Array(readFileSync(out))];
      const [rawIn, rawOut] = [rawRecords(a), rawRecords(b)];
      for (const e of zipEntries(a)) {
        if (MAY_CHANGE.has(e.name) || e.name === 'xl/calcChain.xml') continue;
        expect(
          Buffer.from(rawOut.get(e.name)!).equals(Buffer.from(rawIn.get(e.name)!)),
          e.name,
        ).toBe(true);
      }
      // The annex's "Tổng số" column is filled, and nothing else of the sheet changed.
      const grid = gridOf(b, 'PL01');
      expect(grid.cells[1]![2]).toMatchObject({ value: 4623 });
      expect(grid.cells[2]![2]).toMatchObject({ value: 3154 });
      expect(grid.cells[3]![2]).toMatchObject({ value: 1469 });
      const sheet = 'xl/worksheets/sheet1.xml';
      expect(withoutCells(partText(b, sheet)!, ['C2', 'C3', 'C4'])).toBe(
        withoutCells(partText(a, sheet)!, ['C2', 'C3', 'C4']),
      );
      // Fill leaves no error in the annex it filled, and adds none elsewhere.
      const errors = (file: string) =>
        validateJson(file, ['--sheet', 'PL01'])
          .json.sheets.flatMap((s) => s.issues)
          .filter((i) => i.severity === 'error')
          .map((i) => `${i.code} ${i.cell}`);
      const after = errors(out);
      expect(after.filter((e) => / C[234]$/.test(e))).toEqual([]);
      expect(after.filter((e) => !errors(input).includes(e))).toEqual([]);
    });
  }

  it('an .xlsm stays an .xlsm: the macros and the content type come back as they were', () => {
    const { input, out } = fill('macro.xlsm');
    const [a, b] = [new Uint8Array(readFileSync(input)), new Uint8Array(readFileSync(out))];
    expect(
      Buffer.from(rawRecords(b).get('xl/vbaProject.bin')!).equals(
        Buffer.from(rawRecords(a).get('xl/vbaProject.bin')!),
      ),
    ).toBe(true);
    expect(partText(b, '[Content_Types].xml')).toBe(partText(a, '[Content_Types].xml'));
    expect(partText(b, '[Content_Types].xml')).toContain(
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    );
  });
});

describe('phuluc fill refuses rather than damage', () => {
  it('a cell it would write holds XML it does not know: one line naming the cell, exit 2, nothing written', () => {
    const input = join(tmp.dir, 'refuse-unexpected-xml.xlsx');
    copyFileSync(join(FIXTURES, 'refuse-unexpected-xml.xlsx'), input);
    const out = join(tmp.dir, 'refused.xlsx');
    const run = runCli(['fill', input, '-o', out]);
    expect(run.status).toBe(2);
    expect(isOneLine(run.stderr), run.stderr).toBe(true);
    expect(run.stderr).toContain('C2');
    expect(run.stderr).toContain('xl/worksheets/sheet1.xml');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['refuse-strict.xlsx', /Strict Open XML/],
    ['refuse-duplicate-part.xlsx', /xl\/worksheets\/sheet1\.xml/],
  ])('%s: one line, exit 2, nothing written', (name, message) => {
    const input = join(tmp.dir, name);
    copyFileSync(join(FIXTURES, name), input);
    const out = join(tmp.dir, `refused-${name}`);
    const run = runCli(['fill', input, '-o', out, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(isOneLine(run.stderr), run.stderr).toBe(true);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

/** One line of LibreOffice's CSV: fields split at commas outside double quotes. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

// LibreOffice, when installed, recalculates the filled workbook: every shown value is the input's,
// and the filled cells show their totals (formats such as 0.00\% and #,##0\ \t\r\.\đ included).
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
describe.skipIf(!soffice)(
  `LibreOffice recalculates the filled corpus${soffice ? '' : ' (skipped: soffice is not installed)'}`,
  () => {
    it('shows the same values, and the totals in the filled cells', () => {
      const names = ['chart.xlsx', 'number-formats.xlsx', 'defined-names.xlsx', 'lo-table.xlsx'];
      const pairs = names.map((n) => fill(n));
      const files = pairs.flatMap(({ input, out }) => [input, out]);
      const csvDir = join(tmp.dir, 'csv');
      const r = spawnSync(
        soffice!,
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${tmp.dir}/lo-profile`,
          '--convert-to',
          // UTF-8, cells as shown (their number formats applied).
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
          '--outdir',
          csvDir,
          ...files,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const csv = (file: string) =>
        readFileSync(join(csvDir, file.replace(/^.*\//, '').replace(/\.\w+$/, '.csv')), 'utf8')
          .trim()
          .split('\n')
          .map(parseCsvLine);
      for (const { input, out } of pairs) {
        const [a, b] = [csv(input), csv(out)];
        expect(b.length).toBe(a.length);
        a.forEach((row, i) => {
          const filled = i >= 1 && i <= 3;
          expect(
            b[i]!.filter((_, c) => c !== 2),
            `${out}, row ${i + 1}`,
          ).toEqual(row.filter((_, c) => c !== 2));
          // The written cell's own number format applies (a new cell takes its row's or column's).
          if (filled) expect(b[i]![2]!.replace(/,/g, '')).toBe(['4623', '3154', '1469'][i - 1]);
        });
      }
    }, 180_000);
  },
);
