import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, EXAMPLES_DIR, isOneLine, runCli, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let good: string;
beforeAll(() => {
  ensureCliBuilt();
  tmp = tempDir();
  good = join(tmp.dir, 'PL01.xlsx');
  copyFileSync(join(EXAMPLES_DIR, 'muong-lay-2024.xlsx'), good);
}, 120_000);
afterAll(() => tmp.cleanup());

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(tmp.dir, name);
  writeFileSync(p, bytes);
  return p;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A minimal OLE2 compound file whose directory names one stream (UTF-16LE), e.g. EncryptedPackage. */
function ole2(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set(OLE2, 0);
  bytes.set(
    [...stream].flatMap((c) => [c.charCodeAt(0), 0]),
    1024,
  );
  return bytes;
}

function expectUnusable(args: string[], pattern: RegExp): void {
  const run = runCli(args);
  expect(run.status, run.stderr + run.stdout).toBe(2);
  expect(isOneLine(run.stderr), JSON.stringify(run.stderr)).toBe(true);
  expect(run.stderr).toMatch(pattern);
  expect(run.stdout).toBe('');
}

describe('unusable input: exit 2, one line on stderr, no stack', () => {
  it('missing file', () =>
    expectUnusable(
      ['validate', join(tmp.dir, 'nope.xlsx')],
      /Không tìm thấy tệp .* \/ File not found/,
    ));
  it('a text file renamed .xlsx', () =>
    expectUnusable(
      ['validate', file('text.xlsx', 'TT;Dự án;Tổng\n1;DA2;3154\n')],
      /không phải là sổ tính Excel/,
    ));
  it('an old .xls', () =>
    expectUnusable(['validate', file('old.xls', ole2('Workbook'))], /Excel cũ \(\.xls/));
  it('a password-protected workbook', () =>
    expectUnusable(
      ['validate', file('secret.xlsx', ole2('EncryptedPackage'))],
      /đặt mật khẩu.* \/ .*password-protected/,
    ));
  it('a truncated xlsx', () => {
    const bytes = readFileSync(join(EXAMPLES_DIR, 'muong-lay-2024.xlsx'));
    expectUnusable(
      ['validate', file('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)))],
      /bị hỏng/,
    );
  });
  it('an empty file', () => expectUnusable(['validate', file('empty.xlsx', '')], /rỗng/));
  it('a folder', () => expectUnusable(['validate', tmp.dir], /thư mục/));
  it('unknown sheet', () =>
    expectUnusable(['validate', good, '--sheet', 'PL09'], /Không có trang tính "PL09".*"PL01"/));
  it('unknown template', () =>
    expectUnusable(['validate', good, '--template', 'ngan-sach'], /Không có mẫu "ngan-sach"/));
  it('unknown template id for template', () =>
    expectUnusable(['template', 'ngan-sach', '-o', join(tmp.dir, 'x.xlsx')], /Không có mẫu/));
  it('unknown option', () =>
    expectUnusable(['validate', good, '--colour'], /Không có tùy chọn "--colour"/));
  it('bad option value', () => expectUnusable(['validate', good, '--format', 'xml'], /--format/));
  it('bad number', () => expectUnusable(['validate', good, '--tolerance', 'abc'], /--tolerance/));
  it('missing value', () => expectUnusable(['validate', good, '--sheet'], /--sheet/));
  it('unknown command', () => expectUnusable(['check', good], /Không có lệnh "check"/));
  it('no file', () => expectUnusable(['validate'], /Thiếu tệp/));
  it('fill without -o', () => expectUnusable(['fill', good], /-o/));

  it('output exists without --overwrite, and OUT == input', () => {
    const out = file('exists.xlsx', 'keep me');
    expectUnusable(['fill', good, '-o', out], /đã có.*--overwrite/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expectUnusable(['template', 'budget-allocation', '-o', out], /đã có/);
    expectUnusable(['fill', good, '-o', good], /trùng với tệp gốc/);
    const run = runCli(['fill', good, '-o', out, '--overwrite']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('never writes the input: bytes and mtime unchanged after validate and fill', () => {
    const before = readFileSync(good);
    const mtime = statSync(good).mtimeMs;
    runCli(['validate', good]);
    runCli(['fill', good, '-o', join(tmp.dir, 'filled.xlsx'), '--overwrite-cells']);
    runCli(['fill', good, '-o', good]);
    expect(readFileSync(good).equals(before)).toBe(true);
    expect(statSync(good).mtimeMs).toBe(mtime);
  });
});
