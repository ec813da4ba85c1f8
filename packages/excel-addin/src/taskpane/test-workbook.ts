/** An in-memory {@link Workbook} for component tests: records every call the pane makes. */
import {
  gridFromRows,
  parseA1,
  type Cell,
  type CellValue,
  type CellWrite,
  type Grid,
  type Severity,
  type TemplateSheet,
} from '@phuluc/rules';
import type { MarkRequest, Workbook } from '../workbook/types.js';

export type Row = (CellValue | Cell)[];

/** Mường Lay 2024 (domain.md §7), triệu đồng; `typo` plants a wrong total on DA4 TDA1 (row 8). */
export function muongLayRows(options: { typo?: boolean; blankTotal?: boolean } = {}): Row[] {
  const data: [string, string, number, number, number][] = [
    ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 3154, 3154, 0],
    [
      '2',
      'Tiểu dự án 1 - Dự án 3: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
      1469,
      1469,
      0,
    ],
    [
      '3',
      'Tiểu dự án 1 - Dự án 4: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
      1695,
      1588,
      107,
    ],
    ['4', 'Tiểu dự án 3 - Dự án 4: Hỗ trợ việc làm bền vững', 197, 197, 0],
    ['5', 'Tiểu dự án 1 - Dự án 6: Giảm nghèo về thông tin', 522, 522, 0],
    ['6', 'Tiểu dự án 2 - Dự án 6: Truyền thông về giảm nghèo đa chiều', 148, 148, 0],
    ['7', 'Tiểu dự án 1 - Dự án 7: Nâng cao năng lực thực hiện Chương trình', 288, 288, 0],
    ['8', 'Tiểu dự án 2 - Dự án 7: Giám sát, đánh giá', 172, 172, 0],
  ];
  if (options.typo) data[2]![2] = 1659;
  const first = 6; // 1-based row of the first item
  const last = first + data.length - 1;
  const total: Cell = options.blankTotal
    ? { value: null }
    : { value: 7645, formula: `SUM(C${first}:C${last})` };
  return [
    ['PHỤ LỤC SỐ 01'],
    ['PHÂN BỔ KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2024'],
    [null, null, null, null, 'Đơn vị tính: triệu đồng'],
    ['TT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'],
    [null, 'Tổng cộng', total, 7538, 107],
    ...data.map(([tt, label, t, c, l]) => [tt, label, t, c, l] as Row),
  ];
}

export class MemoryWorkbook implements Workbook {
  readonly kind = 'office' as const;
  readonly grids = new Map<string, Grid>();
  active: string;
  readonly marks = new Map<string, MarkRequest[]>();
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** Throw this from the next call (an Office error shape, `{ code }`). */
  failNext: unknown = null;
  private sheetListener: ((s: string) => void) | null = null;

  /** Each sheet as rows, or as a grid (with its merges) that keeps its own cells under `name`. */
  constructor(sheets: Record<string, Row[] | Grid>) {
    for (const [name, sheet] of Object.entries(sheets))
      this.grids.set(name, Array.isArray(sheet) ? gridFromRows(name, sheet) : { ...sheet, name });
    this.active = Object.keys(sheets)[0] ?? '';
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
  }

  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async listSheets(): Promise<string[]> {
    this.record('listSheets');
    return [...this.grids.keys()];
  }
  async activeSheet(): Promise<string> {
    this.record('activeSheet');
    return this.active;
  }
  async readSheet(sheet: string): Promise<Grid> {
    this.record('readSheet', sheet);
    const g = this.grids.get(sheet);
    if (!g) throw Object.assign(new Error('not found'), { code: 'ItemNotFound' });
    return g;
  }
  async readAllSheets(): Promise<Grid[]> {
    this.record('readAllSheets');
    return [...this.grids.values()];
  }
  async applyWrites(
    sheet: string,
    writes: readonly CellWrite[],
    mode: 'formula' | 'value',
  ): Promise<number> {
    this.record('applyWrites', sheet, writes, mode);
    const g = this.grids.get(sheet)!;
    const cells = g.cells.map((row) => [...row]);
    for (const w of writes) {
      const row = (cells[w.row] ??= []);
      row[w.col] =
        mode === 'formula' && w.formula
          ? { value: w.value, formula: w.formula }
          : { value: w.value };
    }
    this.undo.set(sheet, [...(this.undo.get(sheet) ?? []), g]);
    this.grids.set(sheet, { ...g, cells });
    return writes.length;
  }
  /** Grids before each fill, to undo. */
  private readonly undo = new Map<string, Grid[]>();
  async undoFill(sheet: string): Promise<number> {
    this.record('undoFill', sheet);
    const prev = this.undo.get(sheet)?.pop();
    if (!prev) return 0;
    this.grids.set(sheet, prev);
    return 1;
  }
  canUndoFill(sheet: string): boolean {
    return (this.undo.get(sheet)?.length ?? 0) > 0;
  }
  async markCells(sheet: string, marks: readonly MarkRequest[]): Promise<number> {
    this.record('markCells', sheet, marks);
    this.marks.set(sheet, [...marks]);
    return new Set(marks.map((m) => m.cell)).size;
  }
  async clearMarks(sheet: string): Promise<number> {
    this.record('clearMarks', sheet);
    const n = this.marks.get(sheet)?.length ?? 0;
    this.marks.delete(sheet);
    return n;
  }
  hasMarks(sheet: string): boolean {
    return (this.marks.get(sheet)?.length ?? 0) > 0;
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record('selectCell', sheet, cell);
    if (!parseA1(cell)) throw new Error(`bad cell ${cell}`);
  }
  async activateSheet(sheet: string): Promise<void> {
    this.record('activateSheet', sheet);
    this.active = sheet;
  }
  async addTemplateSheet(template: TemplateSheet, name: string): Promise<string> {
    this.record('addTemplateSheet', template, name);
    let unique = name;
    for (let i = 2; this.grids.has(unique); i++) unique = `${name} (${i})`;
    this.grids.set(unique, { ...template.grid, name: unique });
    this.active = unique;
    this.sheetListener?.(unique);
    return unique;
  }
  onActiveSheetChanged(listener: (sheet: string) => void): () => void {
    this.sheetListener = listener;
    return () => {
      this.sheetListener = null;
    };
  }
  severityOf(sheet: string, cell: string): Severity | undefined {
    return this.marks.get(sheet)?.find((m) => m.cell === cell)?.severity;
  }
}
