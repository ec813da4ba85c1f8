/**
 * A corpus of odd workbooks, each generated with ExcelJS into the OS temp folder (never into the
 * repository), each with its expected outcome, run through the built CLI (`validate --format
 * json`, `fill`) and/or readWorkbook + worksheetToGrid + validateSheet. Every case: no crash, no
 * stack trace, a clear message, the documented exit status (0 no error, 1 errors, 2 unusable).
 * Password-protected workbooks and old .xls files are in cli-errors.test.ts.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { validateSheet, type Report } from '../packages/rules/src/index.js';
import {
  ExcelJS,
  LIMITS,
  openXlsx,
  readWorkbook,
  worksheetToGrid,
  writeWorkbook,
} from '../packages/xlsx/src/index.js';
import { codec as nodeCodec } from '../packages/xlsx/src/surgical/__tests__/helpers.js';
import { writeCells } from '../packages/xlsx/src/surgical/write-cells.js';
import type { ValidateJson } from './contract.js';
import { cliTempDir, isOneLine, ROOT, runCli, validateJson } from './helpers.js';
import { paddedSheet, zipOf, type RawEntry } from './zip-bomb.js';

/** JSZip as @phuluc/xlsx depends on it (the root has no node_modules entry for it). */
interface ZipFile {
  readonly dir: boolean;
  async(type: 'string'): Promise<string>;
  async(type: 'uint8array'): Promise<Uint8Array>;
}
interface Zip {
  readonly files: Record<string, ZipFile>;
  file(name: string): ZipFile | null;
  file(name: string, data: string): Zip;
  generateAsync(options: { type: 'uint8array'; compression: 'DEFLATE' }): Promise<Uint8Array>;
}
const JSZip = createRequire(join(ROOT, 'packages', 'xlsx', 'package.json'))('jszip') as {
  loadAsync(data: Uint8Array): Promise<Zip>;
};

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
type Worksheet = ExcelJS.Worksheet;

const tmp = cliTempDir();

async function save(wb: Workbook, name: string): Promise<string> {
  const path = join(tmp.dir, name);
  writeFileSync(path, await writeWorkbook(wb));
  return path;
}

const HEADER = ['TT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'];
/** A consistent budget annex: total, two projects (one with two sub-lines). */
const BODY: (string | number | null)[][] = [
  [null, 'Tổng cộng', 4623, 4516, 107],
  ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 3154, 3154, 0],
  ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 1469, 1362, 107],
];

/** A budget sheet: title, unit line, header at row 4, data from row 5. */
function budgetSheet(wb: Workbook, name = 'PL01', body = BODY, header = HEADER): Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'PHỤ LỤC SỐ 01';
  ws.getCell('A2').value =
    'PHÂN BỔ KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2024';
  ws.getCell('E3').value = 'Đơn vị tính: triệu đồng';
  header.forEach((h, c) => {
    if (h !== null) ws.getCell(4, c + 1).value = h;
  });
  body.forEach((r, i) => {
    r.forEach((v, c) => {
      if (v !== null) ws.getCell(5 + i, c + 1).value = v;
    });
  });
  return ws;
}

function codes(json: ValidateJson, sheet?: string): string[] {
  return json.sheets
    .filter((s) => sheet === undefined || s.sheet === sheet)
    .flatMap((s) => s.issues.map((i) => `${i.cell} ${i.code}`));
}

function noFailure(json: ValidateJson): void {
  expect(json.sheets.flatMap((s) => s.issues).filter((i) => i.code === 'check/failed')).toEqual([]);
}

/** validate through the CLI: JSON on stdout, nothing on stderr, exit status as given. */
function validated(file: string, status: 0 | 1): ValidateJson {
  const { run, json } = validateJson(file);
  expect(run.stderr).toBe('');
  expect(run.status, run.stdout.slice(0, 2000)).toBe(status);
  noFailure(json);
  return json;
}

async function reports(path: string): Promise<Report[]> {
  const wb = await readWorkbook(readFileSync(path));
  return wb.worksheets.map((ws) => validateSheet(worksheetToGrid(ws)));
}

describe('a corpus of odd workbooks', () => {
  it('the clean base sheet passes (exit 0), so every case below differs from it by one oddity', async () => {
    const wb = new ExcelJS.Workbook();
    budgetSheet(wb);
    const json = validated(await save(wb, 'base.xlsx'), 0);
    expect(json.sheets[0]?.template).toBe('budget-allocation');
  });

  it('merged cells across the header and the data', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = budgetSheet(wb, 'PL01', BODY, ['TT', 'Nội dung', 'Tổng số', 'Nguồn vốn']);
    // Header on two rows: "Nguồn vốn" over the two sources; data labels merged across A:B.
    ws.spliceRows(5, 0, [null, null, null, 'Ngân sách trung ương', 'Ngân sách địa phương']);
    ws.mergeCells('D4:E4');
    ws.mergeCells('A4:A5');
    ws.mergeCells('B4:B5');
    ws.mergeCells('C4:C5');
    ws.getCell('A6').value = null;
    ws.mergeCells('A6:B6');
    ws.getCell('A6').value = 'Tổng cộng';
    const json = validated(await save(wb, 'merged.xlsx'), 0);
    expect(json.sheets[0]?.template).toBe('budget-allocation');
  });

  it('hidden rows and columns are still read and checked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = budgetSheet(wb, 'PL01', [
      ...BODY.slice(0, 2),
      // a hidden project whose amount the total must include
      ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 1469, 1362, 107],
    ]);
    ws.getRow(7).hidden = true;
    ws.getColumn(5).hidden = true;
    const file = await save(wb, 'hidden.xlsx');
    validated(file, 0);
    const [r] = await reports(file);
    expect(r?.layout).toBe('budget-allocation');
    // Change the hidden row: the total no longer foots, and that is reported.
    ws.getCell('C7').value = 1470;
    const json = validated(await save(wb, 'hidden-2.xlsx'), 1);
    expect(codes(json)).toEqual(expect.arrayContaining(['C5 sum/foot']));
  });

  it('three header rows with merged groups', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PL01');
    ws.getCell('A1').value = 'PHÂN BỔ KINH PHÍ NĂM 2024';
    ws.getCell('F2').value = 'Đơn vị tính: triệu đồng';
    ws.getRow(3).values = ['TT', 'Nội dung', 'Tổng số', 'Trong đó'];
    ws.getRow(4).values = [null, null, null, 'Ngân sách trung ương', null, 'Ngân sách địa phương'];
    ws.getRow(5).values = [null, null, null, 'Vốn đầu tư', 'Vốn sự nghiệp', 'Vốn sự nghiệp'];
    ws.mergeCells('D3:F3');
    ws.mergeCells('D4:E4');
    for (const c of ['A', 'B', 'C']) ws.mergeCells(`${c}3:${c}5`);
    ws.getRow(6).values = [null, 'Tổng cộng', 4623, 1000, 3516, 107];
    ws.getRow(7).values = [
      '1',
      'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo',
      1000,
      1000,
      0,
      0,
    ];
    ws.getRow(8).values = [
      '2',
      'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
      3623,
      0,
      3516,
      107,
    ];
    const file = await save(wb, 'three-headers.xlsx');
    const { run, json } = validateJson(file);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    noFailure(json);
    expect(json.sheets[0]?.template).toBe('budget-allocation');
    // The total row still foots: no sum error is reported at it.
    expect(codes(json).filter((c) => /^D6 sum\//.test(c))).toEqual([]);
  });

  it('blank rows inside the data', async () => {
    const wb = new ExcelJS.Workbook();
    budgetSheet(wb, 'PL01', [BODY[0]!, [], BODY[1]!, [], [], BODY[2]!]);
    validated(await save(wb, 'blank-rows.xlsx'), 0);
  });

  it('"#N/A" as text and as an error value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = budgetSheet(wb);
    ws.getCell('D6').value = '#N/A';
    ws.getCell('E7').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const json = validated(await save(wb, 'na.xlsx'), 1);
    const found = codes(json);
    expect(found).toEqual(expect.arrayContaining(['E7 cell/error-value']));
    expect(found.some((c) => c.startsWith('D6 cell/'))).toBe(true);
  });

  it('formulas into other sheets keep their cached results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = budgetSheet(wb);
    const src = wb.addWorksheet('Số liệu');
    src.getCell('A1').value = 3154;
    ws.getCell('D6').value = { formula: "'Số liệu'!A1", result: 3154 };
    ws.getCell('C6').value = { formula: 'D6+E6', result: 3154 };
    const json = validated(await save(wb, 'cross-sheet.xlsx'), 0);
    expect(json.sheets.map((s) => s.sheet)).toEqual(['PL01', 'Số liệu']);
  });

  it('very long strings (100 000 characters) are read and reported quickly, with a bounded message', async () => {
    const long = 'Dự án '.repeat(20_000).slice(0, 100_000);
    const wb = new ExcelJS.Workbook();
    const ws = budgetSheet(wb);
    ws.getCell('B6').value = long;
    ws.getCell('D7').value = `1${'0'.repeat(99_999)}`;
    ws.getCell('F5').value = long;
    const file = await save(wb, 'long.xlsx');
    const started = Date.now();
    const { run, json } = validateJson(file);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    noFailure(json);
    // No message quotes the whole text back.
    for (const i of json.sheets.flatMap((s) => s.issues))
      expect(i.message.length).toBeLessThan(2_000);
  });

  it('1e308 and other extreme numbers neither crash validate nor fill', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = budgetSheet(wb);
    ws.getCell('D6').value = 1e308;
    ws.getCell('D7').value = 1e308;
    ws.getCell('E6').value = -1e-300;
    ws.getCell('C5').value = null;
    const file = await save(wb, 'huge-number.xlsx');
    const json = validated(file, 1);
    expect(codes(json).length).toBeGreaterThan(0);
    const out = join(tmp.dir, 'huge-number-filled.xlsx');
    const fill = runCli(['fill', file, '-o', out, '--format', 'json']);
    expect(fill.stderr).toBe('');
    expect(fill.status).toBe(0);
    const written = JSON.parse(fill.stdout) as {
      sheets: { writes: { cell: string; value: string }[] }[];
    };
    for (const w of written.sheets.flatMap((s) => s.writes))
      expect(w.value).not.toMatch(/Infinity|NaN/);
  });

  it('numbers stored as text with spaces and non-breaking spaces are read as numbers and flagged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = budgetSheet(wb);
    ws.getCell('C6').value = ' 3154 ';
    ws.getCell('D6').value = '3\u00a0154';
    ws.getCell('C7').value = '1 469';
    const json = validated(await save(wb, 'text-numbers.xlsx'), 0);
    const found = codes(json);
    expect(found).toEqual(
      expect.arrayContaining([
        'C6 cell/number-as-text',
        'D6 cell/number-as-text',
        'C7 cell/number-as-text',
      ]),
    );
    // …and they foot: no sum error.
    expect(found.filter((c) => c.includes(' sum/'))).toEqual([]);
  });

  it('decomposed (NFD) and composed (NFC) diacritics give the same result', async () => {
    const make = async (form: 'NFC' | 'NFD', name: string) => {
      const wb = new ExcelJS.Workbook();
      const n = (s: string | number | null) => (typeof s === 'string' ? s.normalize(form) : s);
      const body = BODY.map((r) => r.map(n));
      body[2]![3] = 1360; // one planted mistake, so there is something to compare
      budgetSheet(
        wb,
        'PL01'.normalize(form),
        body,
        HEADER.map((h) => h.normalize(form)),
      );
      return save(wb, name);
    };
    const nfc = validated(await make('NFC', 'nfc.xlsx'), 1);
    const nfd = validated(await make('NFD', 'nfd.xlsx'), 1);
    expect(nfd.sheets.map((s) => s.template)).toEqual(nfc.sheets.map((s) => s.template));
    expect(codes(nfd)).toEqual(codes(nfc));
    expect(codes(nfc).length).toBeGreaterThan(0);
  });
});

describe('sheets beyond the size limits', () => {
  it(`a cell at XFD1048576 (1 048 576 rows × 16 384 columns): that sheet is refused with a clear issue, the other sheet is checked (limit ${LIMITS.maxRows} × ${LIMITS.maxCols})`, async () => {
    const wb = new ExcelJS.Workbook();
    budgetSheet(wb, 'PL01');
    const big = wb.addWorksheet('Lớn');
    big.getCell('A1').value = 'x';
    big.getCell('XFD1048576').value = 1;
    const file = await save(wb, 'corner.xlsx');
    expect(statSync(file).size).toBeLessThan(20_000);
    const started = Date.now();
    const json = validated(file, 1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(json.sheets.map((s) => [s.sheet, s.template])).toEqual([
      ['PL01', 'budget-allocation'],
      ['Lớn', null],
    ]);
    expect(codes(json, 'PL01')).toEqual([]);
    const [issue] = json.sheets[1]!.issues;
    expect(issue).toMatchObject({ code: 'sheet/too-large', severity: 'error', cell: 'A1' });
    expect(issue?.message).toMatch(/1\.048\.576.*XFD.*200\.000/);
    // The text output names the sheet as not checked.
    const text = runCli(['validate', file]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/Trang tính "Lớn" — không kiểm tra được/);
    // fill leaves that sheet alone, fills the others and says so.
    const out = join(tmp.dir, 'corner-filled.xlsx');
    const fill = runCli(['fill', file, '-o', out]);
    expect(fill.status, fill.stderr).toBe(0);
    expect(fill.stdout).toMatch(/"Lớn" — không điền được/);
  });

  it('16 384 columns in one row, and 200 001 rows in one column, are refused; a declared dimension alone is not', async () => {
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('Rộng').getCell('XFD1').value = 1;
    const wideJson = validated(await save(wide, 'wide.xlsx'), 1);
    expect(codes(wideJson)).toEqual(['A1 sheet/too-large']);

    const tall = new ExcelJS.Workbook();
    const t = tall.addWorksheet('Dài');
    t.getCell(1, 1).value = 'x';
    t.getCell(LIMITS.maxRows + 1, 1).value = 1;
    expect(codes(validated(await save(tall, 'tall.xlsx'), 1))).toEqual(['A1 sheet/too-large']);

    // <dimension ref="A1:XFD1048576"/> on a small sheet: the cells decide, not the declaration.
    const small = new ExcelJS.Workbook();
    budgetSheet(small);
    const zip = await JSZip.loadAsync(await writeWorkbook(small));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file(
      'xl/worksheets/sheet1.xml',
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    );
    const path = join(tmp.dir, 'declared.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    validated(path, 0);
  });
});

// ---------------------------------------------------------------- zip bombs

/** The parts of a small real workbook, deflated, with their true sizes. */
async function workbookParts(): Promise<RawEntry[]> {
  const wb = new ExcelJS.Workbook();
  budgetSheet(wb);
  const zip = await JSZip.loadAsync(await writeWorkbook(wb));
  const out: RawEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const raw = await file.async('uint8array');
    out.push({ name, data: deflateRawSync(raw), declared: raw.length });
  }
  return out;
}

function expectRefused(file: string, pattern: RegExp): void {
  const run = runCli(['validate', file, '--format', 'json']);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(isOneLine(run.stderr), run.stderr).toBe(true);
  expect(run.stderr).toMatch(pattern);
  // fill refuses it the same way, and writes nothing.
  const out = `${file}.filled.xlsx`;
  const fill = runCli(['fill', file, '-o', out]);
  expect(fill.status, fill.stderr).toBe(2);
  expect(isOneLine(fill.stderr), fill.stderr).toBe(true);
  expect(fill.stderr).toMatch(pattern);
  expect(existsSync(out)).toBe(false);
  // So does the surgical writer, given a cell to write (of the sheet, when its name can be read).
  const bytes = readFileSync(file);
  let sheet = 'Sheet1';
  try {
    sheet = openXlsx(bytes, nodeCodec.inflateRaw).sheets[0]?.name ?? sheet;
  } catch {
    // refused at opening: the writer opens it the same way
  }
  const edits = new Map([
    [sheet, new Map([[1, new Map([[1, { kind: 'value' as const, value: 1 }]])]])],
  ]);
  expect(() => writeCells(bytes, edits, nodeCodec)).toThrow(
    expect.objectContaining({ code: expect.stringMatching(/^(too-large|zip-bomb)$/) }),
  );
}

describe('zip bombs: refused before ExcelJS inflates anything, exit 2, one line', () => {
  it(`declares more than ${LIMITS.maxUncompressedBytes / 1024 / 1024} MB uncompressed in all (a small file claiming 3.9 GB)`, async () => {
    const parts = await workbookParts();
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    const bytes = zipOf(parts.map((p) => (p === sheet ? { ...p, declared: 3_900_000_000 } : p)));
    expect(bytes.length).toBeLessThan(50_000);
    const file = join(tmp.dir, 'bomb-declared.xlsx');
    writeFileSync(file, bytes);
    expectRefused(file, /quá lớn để kiểm tra.*giới hạn 200 MB.* \/ .*too large to check/);
    await expect(readWorkbook(bytes)).rejects.toMatchObject({ code: 'too-large' });
  });

  it(`a large part compressed more than ${LIMITS.maxCompressionRatio}:1`, async () => {
    const parts = await workbookParts();
    const data = await paddedSheet(150);
    const bytes = zipOf(
      parts.map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? { ...p, data, declared: 150 * 1024 * 1024 + 140 }
          : p,
      ),
    );
    expect(bytes.length).toBeLessThan(1_000_000);
    const file = join(tmp.dir, 'bomb-ratio.xlsx');
    writeFileSync(file, bytes);
    expectRefused(file, /bom zip.* \/ .*zip bomb/);
  });

  it('a part that lies about its size and inflates to 300 MB is stopped at its declared size', async () => {
    const parts = await workbookParts();
    const data = await paddedSheet(300);
    const bytes = zipOf(
      parts.map((p) =>
        p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data, declared: 4000 } : p,
      ),
    );
    const file = join(tmp.dir, 'bomb-lying.xlsx');
    writeFileSync(file, bytes);
    const before = process.memoryUsage().rss;
    await expect(readWorkbook(bytes)).rejects.toMatchObject({ code: 'zip-bomb' });
    // Inflation stopped early: nowhere near 300 MB was held.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    expectRefused(file, /bom zip/);
  });
});
