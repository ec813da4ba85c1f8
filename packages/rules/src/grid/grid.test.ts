import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, parseA1, rangeToA1, toA1 } from './a1.js';
import { cellText, gridFromRows, gridSize, isEmptyCell, mergeAt } from './grid.js';
import { normalizeText, similarity, stripDiacritics } from './normalize.js';

describe('A1 addresses', () => {
  it('converts both ways', () => {
    expect(toA1(7, 2)).toBe('C8');
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(16383)).toBe('XFD');
    expect(columnIndex('XFD')).toBe(16383);
    expect(parseA1('$C$8')).toEqual({ row: 7, col: 2 });
    expect(parseA1('XFE1')).toBeNull();
    expect(parseA1('hello')).toBeNull();
    expect(rangeToA1(7, 2, 11, 2)).toBe('C8:C12');
  });
  it('round-trips every column', () => {
    for (let c = 0; c < 16384; c += 97) expect(columnIndex(columnLetters(c))).toBe(c);
  });
});

describe('normalisation', () => {
  it('folds diacritics, đ, case, spaces and punctuation', () => {
    expect(stripDiacritics('Ngân sách địa phương')).toBe('Ngan sach dia phuong');
    expect(normalizeText('  Ngân sách\nTrung ương (NSTW) ')).toBe('ngan sach trung uong nstw');
    expect(normalizeText('ĐVT: Triệu đồng')).toBe('dvt trieu dong');
  });
  it('treats NFC and NFD alike', () => {
    const nfc = 'Tổng cộng'.normalize('NFC');
    const nfd = 'Tổng cộng'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(normalizeText(nfc)).toBe(normalizeText(nfd));
  });
  it('finds OCR-damaged text close', () => {
    expect(similarity('ngan sach trung wong', 'ngan sach trung uong')).toBeGreaterThan(0.8);
    expect(similarity('tong so', 'nguon von')).toBeLessThan(0.3);
  });
});

describe('grid', () => {
  it('builds from rows and reads cells', () => {
    const g = gridFromRows(
      'S',
      [
        ['TT', 'Nội dung', 3154],
        [null, { error: '#REF!' }, { value: 1, formula: 'A1' }],
      ],
      [{ top: 0, left: 0, bottom: 1, right: 0 }],
    );
    expect(cellText(g.cells[0]?.[2] ?? undefined)).toBe('3154');
    expect(cellText(g.cells[1]?.[1] ?? undefined)).toBe('#REF!');
    expect(g.cells[1]?.[2]?.formula).toBe('A1');
    expect(isEmptyCell(g.cells[1]?.[0] ?? undefined)).toBe(true);
    expect(isEmptyCell({ value: null, formula: 'SUM(A1:A2)' })).toBe(false);
    expect(mergeAt(g, 1, 0)).toEqual({ top: 0, left: 0, bottom: 1, right: 0 });
  });
});

describe('roman numerals', () => {
  it('numbers groups as annexes do', async () => {
    const { romanNumeral } = await import('./roman.js');
    expect([1, 4, 9, 14, 19, 40, 1999].map(romanNumeral)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XIX',
      'XL',
      'MCMXCIX',
    ]);
    expect(romanNumeral(0)).toBe('0');
  });
});

describe('gridSize', () => {
  it('remembers a grid’s size, and reads it again when rows are added', () => {
    const cells: Array<Array<{ value: number } | null>> = [
      [{ value: 1 }],
      [null, null, { value: 2 }],
    ];
    const grid = { name: 'S', cells, merges: [] };
    expect(gridSize(grid)).toEqual({ rows: 2, cols: 3 });
    expect(gridSize(grid)).toEqual({ rows: 2, cols: 3 });
    cells.push([null, null, null, null, { value: 3 }]);
    expect(gridSize(grid)).toEqual({ rows: 3, cols: 5 });
    // The size handed out is the caller's to change.
    gridSize(grid).cols = 99;
    expect(gridSize(grid)).toEqual({ rows: 3, cols: 5 });
  });
});
