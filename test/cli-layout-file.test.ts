import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLES_DIR,
  ensureCliBuilt,
  isOneLine,
  runCli,
  tempDir,
  validateJson,
} from './helpers.js';

const LAYOUT = join(EXAMPLES_DIR, 'layouts', 'dang-ky-thoat-ngheo.json');
const tmp = tempDir();

/** A commune's list of poor households registered to exit poverty, as the example layout describes. */
async function registrations(file: string, registeredInSecondVillage = 16): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DK');
  ws.addRow(['DANH SÁCH HỘ NGHÈO ĐĂNG KÝ THOÁT NGHÈO NĂM 2024']);
  ws.addRow([
    'STT',
    'Tên thôn',
    'Số hộ nghèo',
    'Số hộ đăng ký thoát nghèo',
    'Tỷ lệ (%)',
    'Ghi chú',
  ]);
  ws.addRow(['1', 'Thôn Nà Bó', 20, 8, 40]);
  ws.addRow(['2', 'Thôn Khuổi Vài', 44, registeredInSecondVillage, 36.36]);
  ws.addRow([
    null,
    'Toàn xã',
    { formula: 'SUM(C3:C4)', result: 64 },
    { formula: 'SUM(D3:D4)', result: 24 },
    { formula: 'ROUND(D5/C5*100,2)', result: 37.5 },
  ]);
  await wb.xlsx.writeFile(file);
}

beforeAll(() => ensureCliBuilt());
afterAll(() => tmp.cleanup());

describe('phuluc --layout-file', () => {
  it('validates a sheet with a user-defined layout', async () => {
    const file = join(tmp.dir, 'dk.xlsx');
    await registrations(file);
    const plain = validateJson(file);
    expect(plain.json.sheets[0]!.template).not.toBe('dang-ky-thoat-ngheo');
    const { run, json } = validateJson(file, ['--layout-file', LAYOUT]);
    expect(run.status, run.stderr).toBe(0);
    expect(json.sheets[0]!.template).toBe('dang-ky-thoat-ngheo');
    expect(json.summary.errors).toBe(0);
  });

  it('catches a rate that disagrees with its counts, and fills with the same layout', async () => {
    const file = join(tmp.dir, 'dk-bad.xlsx');
    await registrations(file, 20);
    const { run, json } = validateJson(file, [
      '--layout-file',
      LAYOUT,
      '--template',
      'dang-ky-thoat-ngheo',
    ]);
    expect(run.status).toBe(1);
    const cells = json.sheets[0]!.issues.map((i) => `${i.cell} ${i.code}`);
    expect(cells).toEqual(expect.arrayContaining(['E4 rate/mismatch']));
    const out = join(tmp.dir, 'dk-filled.xlsx');
    const fill = runCli(['fill', file, '-o', out, '--layout-file', LAYOUT, '--format', 'json']);
    expect(fill.status, fill.stderr).toBe(0);
  });

  it('refuses a layout file with mistakes in one line that says what to change', () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'x',
        title: { vi: 'X' },
        columns: [{ key: 'label', header: 'A', kind: 'tiền' }],
      }),
    );
    const run = runCli([
      'validate',
      join(EXAMPLES_DIR, 'muong-lay-2024.xlsx'),
      '--layout-file',
      bad,
    ]);
    expect(run.status).toBe(2);
    expect(isOneLine(run.stderr)).toBe(true);
    expect(run.stderr).toContain('columns');
    const missing = runCli([
      'validate',
      join(EXAMPLES_DIR, 'muong-lay-2024.xlsx'),
      '--layout-file',
      join(tmp.dir, 'nope.json'),
    ]);
    expect(missing.status).toBe(2);
    expect(isOneLine(missing.stderr)).toBe(true);
  });

  it('accepts --template of the user layout only with its file', () => {
    const run = runCli([
      'validate',
      join(EXAMPLES_DIR, 'muong-lay-2024.xlsx'),
      '--template',
      'dang-ky-thoat-ngheo',
    ]);
    expect(run.status).toBe(2);
    expect(isOneLine(run.stderr)).toBe(true);
  });
});
