import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanJsonSchema } from './contract.js';
import { cliTempDir, isOneLine, MUONG_LAY_PLAN, PLAN_SEEDS_DIR, ROOT, runCli } from './helpers.js';

const seed = (name: string) => join(PLAN_SEEDS_DIR, name);
const MUONG_LAY = MUONG_LAY_PLAN;

function planJson(args: readonly string[]) {
  const run = runCli(['plan', ...args, '--format', 'json']);
  return { run, json: PlanJsonSchema.parse(JSON.parse(run.stdout)) };
}

const tmp = cliTempDir();

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(tmp.dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** A minimal .docx (content types, package relationships, one document part), zipped with the jszip exceljs depends on. */
async function docx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const requireFromExceljs = createRequire(
    createRequire(join(ROOT, 'packages', 'cli', 'package.json')).resolve('exceljs'),
  );
  const JSZip = requireFromExceljs('jszip') as new () => {
    file(name: string, data: string): void;
    generateAsync(o: { type: 'uint8array' }): Promise<Uint8Array>;
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`)
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('phuluc plan on the seed plans', () => {
  it('Mường Lay 2024: prints its eight amounts and the total, no issue, exit 0', () => {
    const run = runCli(['plan', MUONG_LAY]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of [
      'DA2',
      '3.154 triệu đồng',
      'DA3.TDA1',
      '1.469',
      'DA4.TDA1',
      '1.695',
      'NSTW 1.588, NSĐP 107',
      'DA4.TDA3',
      'DA6.TDA1',
      '522',
      'DA6.TDA2',
      '148',
      'DA7.TDA1',
      '288',
      'DA7.TDA2',
      '172',
      '7.645 triệu đồng',
      'NSTW 7.538, NSĐP 107',
    ])
      expect(run.stdout).toContain(text);
    expect(run.stdout).toContain('Không có vấn đề');
    const { json } = planJson([MUONG_LAY]);
    expect(json.lines.map((l) => `${l.subproject ?? l.project} ${l.amount}`)).toEqual([
      'DA2 3154',
      'DA3.TDA1 1469',
      'DA4.TDA1 1695',
      'DA4.TDA3 197',
      'DA6.TDA1 522',
      'DA6.TDA2 148',
      'DA7.TDA1 288',
      'DA7.TDA2 172',
    ]);
    expect(json.lines[2]).toEqual({
      line: 164,
      project: 'DA4',
      subproject: 'DA4.TDA1',
      amount: '1695',
      unit: 'trieu',
      central: '1588',
      local: '107',
    });
    expect(json.total).toMatchObject({ line: 271, amount: '7645', central: '7538', local: '107' });
    expect(json.issues).toEqual([]);
  });

  it('Ba Tơ 2024: three amounts in đồng and their total', () => {
    const { run, json } = planJson([seed('004-ba-to-2024.txt')]);
    expect(run.status).toBe(0);
    expect(json.lines.map((l) => [l.subproject, l.amount, l.unit])).toEqual([
      ['DA6.TDA2', '378000000', 'dong'],
      ['DA7.TDA1', '1470000000', 'dong'],
      ['DA7.TDA2', '596771300', 'dong'],
    ]);
    expect(json.total).toMatchObject({ amount: '2444771300', unit: 'dong' });
    expect(json.issues).toEqual([]);
    expect(runCli(['plan', seed('004-ba-to-2024.txt'), '--lang', 'en']).stdout).toContain(
      '2,444,771,300 đồng',
    );
  });

  it('Cao Ngọc 2024 and Kim Bảng 2023: their poverty targets, no false issue', () => {
    const cao = runCli(['plan', seed('001-cao-ngoc-2024.txt')]);
    expect(cao.status).toBe(0);
    expect(cao.stdout).toContain('5,21% → 3,25%');
    expect(cao.stdout).toContain('64 → 40');
    expect(cao.stdout).toContain('khoảng 1.229 hộ');
    const kim = planJson([seed('002-kim-bang-2023.txt')]);
    expect(kim.run.status).toBe(0);
    expect(kim.json.targets).toEqual([
      { line: 27, startRate: '2.5', endRate: '1.95', reduction: '0.55' },
    ]);
    expect(kim.json.issues).toEqual([]);
  });

  it('Đắk Lắk 2022–2025: no figures, no issue', () => {
    const run = runCli(['plan', seed('003-dak-lak-truyen-thong-2022-2025.txt'), '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No amount and no poverty target was found');
    expect(planJson([seed('003-dak-lak-truyen-thong-2022-2025.txt')]).json).toMatchObject({
      lines: [],
      targets: [],
      issues: [],
      total: null,
    });
  });
});

describe('phuluc plan finds what disagrees', () => {
  it('a changed amount is caught at the total line, exit 1', () => {
    const lines = readFileSync(MUONG_LAY, 'utf8').split('\n');
    lines[184] = (lines[184] as string).replace('197', '297'); // line 185: DA4 TDA3
    const changed = file('changed.txt', lines.join('\n'));
    const { run, json } = planJson([changed]);
    expect(run.status).toBe(1);
    expect(json.lines.find((l) => l.subproject === 'DA4.TDA3')).toMatchObject({
      line: 185,
      amount: '297',
    });
    expect(json.issues.map((i) => [i.code, i.line, i.cell, i.expected, i.actual])).toEqual([
      ['plan/total-mismatch', 271, '', '7745', '7645'],
    ]);
    const text = runCli(['plan', changed]);
    expect(text.stdout).toMatch(/dòng 271 .*plan\/total-mismatch/);
  });

  it('--annex examples/muong-lay-2024.xlsx agrees with the Mường Lay plan', () => {
    const { run, json } = planJson([MUONG_LAY, '--annex', 'examples/muong-lay-2024.xlsx']);
    expect(run.status, run.stderr).toBe(0);
    expect(json.annex).toEqual({ file: 'examples/muong-lay-2024.xlsx', sheet: 'PL01' });
    expect(json.issues).toEqual([]);
  });

  it('--annex with another plan reports the annex mismatches at their cells', () => {
    const { run, json } = planJson([
      seed('004-ba-to-2024.txt'),
      '--annex',
      'examples/muong-lay-2024.xlsx',
    ]);
    expect(run.status).toBe(1);
    const mismatches = json.issues.filter((i) => i.code === 'plan/annex-mismatch');
    expect(mismatches.length).toBeGreaterThan(0);
    expect(mismatches.every((i) => /^[A-Z]+\d+$/.test(i.cell) && i.line > 0)).toBe(true);
    expect(
      planJson([seed('004-ba-to-2024.txt'), '--annex', 'examples/ba-to-2024.xlsx']).json.issues,
    ).toEqual([]);
  });

  it('reads a .docx', async () => {
    const text = readFileSync(MUONG_LAY, 'utf8').split('\n');
    const d = file('ke-hoach.docx', await docx(text));
    const { run, json } = planJson([d, '--annex', 'examples/muong-lay-2024.xlsx']);
    expect(run.status, run.stderr).toBe(0);
    expect(json.lines).toHaveLength(8);
    expect(json.total).toMatchObject({ amount: '7645' });
    expect(json.issues).toEqual([]);
  });
});

describe('phuluc plan: unusable input exits 2 with one line on stderr', () => {
  const unusable = (args: string[], pattern: RegExp) => {
    const run = runCli(['plan', ...args]);
    expect(run.status, run.stderr + run.stdout).toBe(2);
    expect(isOneLine(run.stderr), JSON.stringify(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(pattern);
    expect(run.stdout).toBe('');
  };
  it('a missing plan file', () => unusable([join(tmp.dir, 'nope.txt')], /Không tìm thấy tệp/));
  it('a broken .docx', () =>
    unusable(
      [file('broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))],
      /Không đọc được tệp Word/,
    ));
  it('an old .doc', () =>
    unusable(
      [file('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))],
      /Word cũ \(\.doc\)/,
    ));
  it('a binary file', () =>
    unusable([file('bin.txt', new Uint8Array([0x41, 0, 0xff, 0xfe, 0xc3]))], /không phải văn bản/));
  it('an empty plan', () => unusable([file('empty.txt', '  \n')], /không có chữ nào/));
  it('a missing annex', () =>
    unusable([MUONG_LAY, '--annex', join(tmp.dir, 'nope.xlsx')], /Không tìm thấy tệp/));
  it('an annex that is no workbook', () =>
    unusable([MUONG_LAY, '--annex', MUONG_LAY], /không phải là sổ tính Excel/));
  it('an unknown annex sheet', () =>
    unusable(
      [MUONG_LAY, '--annex', 'examples/muong-lay-2024.xlsx', '--sheet', 'Nope'],
      /Không có trang tính "Nope"/,
    ));
  it('no file', () => unusable([], /Thiếu tệp/));
});

describe('phuluc --help lists plan', () => {
  it('in the overview and as its own topic', () => {
    expect(runCli(['--help']).stdout).toContain('phuluc plan');
    const help = runCli(['plan', '--help', '--lang', 'en']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--annex FILE.xlsx');
  });
});
