/**
 * A hand-written fake of the Excel JavaScript API, just the parts the adapter uses, with the
 * batch semantics that matter: `load()` and property writes are queued and run in order at
 * `context.sync()`; a loaded property can be read only after the sync that loaded it; the
 * number of syncs is counted; a request that loads too many cells fails like Excel on the web
 * with `RequestPayloadSizeLimitExceeded`.
 */
import { parseA1, toA1 } from '@phuluc/rules';

export interface FakeFill {
  /** `null`: no fill. */
  color: string | null;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface FakeCell {
  value: number | string | boolean | null;
  formula?: string;
  numFmt?: string;
  error?: string;
  fill?: FakeFill;
  bold?: boolean;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  notes: Map<string, string>;
  frozenRows: number;
  validations: Map<string, string>;
  columnWidths: Map<number, number>;
}

export interface FakeExcelOptions {
  /** Requirement sets the fake host supports, e.g. `{ ExcelApi: '1.13' }`. Default 1.7. */
  readonly excelApi?: string;
  /** Cells (× loaded cell properties) one request may carry; default 1 000 000. */
  readonly payloadCellLimit?: number;
}

class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message = code) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRect(address: string): Rect {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b = a] = local.split(':');
  const p = parseA1(a ?? '');
  const q = parseA1(b ?? '');
  if (!p || !q) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

function rectAddress(sheet: string, r: Rect): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return `${sheet}!${a === b ? a : `${a}:${b}`}`;
}

function splitProps(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string')
    return props
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.flatMap(splitProps);
  if (typeof props === 'object' && props && 'select' in props)
    return splitProps((props as { select: string }).select);
  return [];
}

/** The fake host: workbook data plus counters the tests assert on. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheet = '';
  selected: { sheet: string; cell: string } | null = null;
  syncCount = 0;
  /** Cells loaded per sync, for payload assertions. */
  readonly payloads: number[] = [];
  private readonly excelApi: string;
  private readonly payloadCellLimit: number;
  /** Fail the next sync with this Office error code. */
  failNextSync: string | null = null;

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? '1.7';
    this.payloadCellLimit = options.payloadCellLimit ?? 1_000_000;
  }

  supports = (set: string, version: string): boolean =>
    set === 'ExcelApi' && versionAtLeast(this.excelApi, version);

  addSheet(
    name: string,
    rows: (
      number | string | boolean | null | { f: string; v?: number } | { error: string }
    )[][] = [],
    origin = 'A1',
  ): FakeSheet {
    const sheet: FakeSheet = {
      name,
      cells: new Map(),
      merges: [],
      notes: new Map(),
      frozenRows: 0,
      validations: new Map(),
      columnWidths: new Map(),
    };
    const o = parseA1(origin) ?? { row: 0, col: 0 };
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const addr = toA1(o.row + r, o.col + c);
        if (typeof v === 'object' && 'f' in v)
          sheet.cells.set(addr, { value: v.v ?? 0, formula: v.f });
        else if (typeof v === 'object') sheet.cells.set(addr, { value: v.error, error: v.error });
        else sheet.cells.set(addr, { value: v });
      }),
    );
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet ${name}`);
    return s;
  }

  /** A new request context, as `Excel.run` hands one out. */
  context(): Excel.RequestContext {
    return new FakeContext(this) as unknown as Excel.RequestContext;
  }

  /** `Excel.run(callback)`. */
  run = async <T>(callback: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    callback(this.context());

  usedRect(sheet: FakeSheet): Rect | null {
    let r: Rect | null = null;
    for (const [addr, cell] of sheet.cells) {
      if (cell.value === null && !cell.formula) continue;
      const p = parseA1(addr)!;
      r = r
        ? {
            top: Math.min(r.top, p.row),
            left: Math.min(r.left, p.col),
            bottom: Math.max(r.bottom, p.row),
            right: Math.max(r.right, p.col),
          }
        : { top: p.row, left: p.col, bottom: p.row, right: p.col };
    }
    return r;
  }

  /** Run a batch; called by the context. */
  execute(actions: (() => number | void)[]): void {
    this.syncCount++;
    if (this.failNextSync) {
      const code = this.failNextSync;
      this.failNextSync = null;
      throw new FakeOfficeError(code);
    }
    let cells = 0;
    for (const action of actions) {
      cells += action() ?? 0;
      if (cells > this.payloadCellLimit) {
        this.payloads.push(cells);
        throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
      }
    }
    this.payloads.push(cells);
  }
}

class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  private queue: (() => number | void)[] = [];
  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(action: () => number | void): void {
    this.queue.push(action);
  }
  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    this.host.execute(actions);
  }
}

/** Base: queued loads, readable only after the sync that ran them. */
class Loadable {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected read(_prop: string): unknown {
    return undefined;
  }
  /** Cells a loaded property carries (for the payload limit). */
  protected weight(_prop: string): number {
    return 0;
  }
  load(props?: unknown): this {
    const list = splitProps(props);
    this.ctx.enqueue(() => {
      let w = 0;
      for (const p of list) {
        this.loaded.set(p, this.read(p));
        w += this.weight(p);
      }
      return w;
    });
    return this;
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new Error(`PropertyNotLoaded: ${prop} (call load and sync first)`);
    return this.loaded.get(prop) as T;
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
  }
}

class FakeWorksheets extends Loadable {
  private proxies: FakeWorksheet[] = [];
  protected override read(prop: string): unknown {
    if (prop.startsWith('items')) {
      this.proxies = this.ctx.host.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, s.name);
        w.preload('name', s.name);
        return w;
      });
      return true;
    }
    return undefined;
  }
  get items(): FakeWorksheet[] {
    this.get('items/name');
    return this.proxies;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, null);
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueue(() => {
      if (this.ctx.host.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists');
      }
      this.ctx.host.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly fixedName: string | null,
  ) {
    super(ctx);
  }
  preload(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  data(): FakeSheet {
    return this.ctx.host.sheet(this.fixedName ?? this.ctx.host.activeSheet);
  }
  protected override read(prop: string): unknown {
    if (prop === 'name') return this.data().name;
    return undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get notes(): FakeNotes {
    return new FakeNotes(this.ctx, this);
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) => this.ctx.enqueue(() => void (this.data().frozenRows = n)),
    };
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => this.ctx.host.usedRect(this.data()));
  }
  getRange(address: string): FakeRange {
    const rect = parseRect(address);
    return new FakeRange(this.ctx, this, () => rect);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const rect = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    return new FakeRange(this.ctx, this, () => rect);
  }
  activate(): void {
    this.ctx.enqueue(() => void (this.ctx.host.activeSheet = this.data().name));
  }
}

class FakeRange extends Loadable {
  readonly format: FakeFormat;
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeWorksheet,
    readonly rect: () => Rect | null,
  ) {
    super(ctx);
    this.format = new FakeFormat(ctx, this);
  }
  private each<T>(fn: (addr: string, cell: FakeCell | undefined) => T): T[][] {
    const r = this.rect();
    if (!r) return [];
    const data = this.sheet.data();
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const addr = toA1(row, col);
        line.push(fn(addr, data.cells.get(addr)));
      }
      out.push(line);
    }
    return out;
  }
  protected override weight(prop: string): number {
    if (!['values', 'formulas', 'numberFormat', 'valueTypes'].includes(prop)) return 0;
    const r = this.rect();
    return r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
  }
  protected override read(prop: string): unknown {
    const r = this.rect();
    switch (prop) {
      case 'isNullObject':
        return r === null;
      case 'address':
        return r ? rectAddress(this.sheet.data().name, r) : undefined;
      case 'rowIndex':
        return r?.top;
      case 'columnIndex':
        return r?.left;
      case 'rowCount':
        return r ? r.bottom - r.top + 1 : 0;
      case 'columnCount':
        return r ? r.right - r.left + 1 : 0;
      case 'values':
        return this.each((_a, c) => (c?.error ? c.error : (c?.value ?? '')));
      case 'formulas':
        return this.each((_a, c) => (c?.formula ? `=${c.formula}` : (c?.value ?? '')));
      case 'numberFormat':
        return this.each((_a, c) => c?.numFmt ?? 'General');
      case 'valueTypes':
        return this.each((_a, c) => {
          if (!c || c.value === null || c.value === '') return 'Empty';
          if (c.error) return 'Error';
          if (typeof c.value === 'number') return Number.isInteger(c.value) ? 'Integer' : 'Double';
          if (typeof c.value === 'boolean') return 'Boolean';
          return 'String';
        });
      default:
        return undefined;
    }
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    // Like Excel: a string starting with "=" set as a value becomes a formula; a leading
    // apostrophe (quote prefix) keeps the rest as text and is not part of the value.
    this.ctx.enqueue(() =>
      this.write(v, (cell, x) => {
        delete cell.error;
        if (typeof x === 'string' && x.startsWith("'")) {
          cell.value = x.slice(1);
          delete cell.formula;
        } else if (typeof x === 'string' && x.startsWith('=') && x.length > 1) {
          cell.formula = x.slice(1);
          cell.value = 0;
        } else {
          cell.value = x as FakeCell['value'];
          delete cell.formula;
        }
      }),
    );
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.ctx.enqueue(() =>
      this.write(v, (cell, x) => {
        delete cell.error;
        if (typeof x === 'string' && x.startsWith('=')) {
          cell.formula = x.slice(1);
          cell.value = 0;
        } else if (
          typeof x === 'string' &&
          /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(x)
        ) {
          // An error constant typed as a formula.
          cell.value = x;
          cell.error = x;
          delete cell.formula;
        } else {
          cell.value = x as FakeCell['value'];
          delete cell.formula;
        }
      }),
    );
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(() => this.write(v, (cell, x) => void (cell.numFmt = String(x))));
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  private write(v: unknown[][], set: (cell: FakeCell, x: unknown) => void): void {
    const r = this.rect();
    if (!r) throw new FakeOfficeError('InvalidArgument');
    const data = this.sheet.data();
    v.forEach((row, i) =>
      row.forEach((x, j) => {
        const addr = toA1(r.top + i, r.left + j);
        const cell = data.cells.get(addr) ?? { value: null };
        set(cell, x);
        data.cells.set(addr, cell);
      }),
    );
  }
  /** `Range.clear(applyTo)`: 'Contents' empties values and formulas, keeping formats. */
  clear(applyTo: string = 'All'): void {
    this.ctx.enqueue(() => {
      const data = this.sheet.data();
      this.each((addr, c) => {
        if (!c) return;
        c.value = null;
        delete c.formula;
        delete c.error;
        if (applyTo === 'All') data.cells.delete(addr);
      });
    });
  }
  /** Every cell of the range, created when missing. */
  cellsForFormat(): FakeCell[] {
    const data = this.sheet.data();
    return this.each((addr, c) => {
      if (c) return c;
      const cell: FakeCell = { value: null };
      data.cells.set(addr, cell);
      return cell;
    }).flat();
  }
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.ctx, this);
  }
  merge(_across?: boolean): void {
    this.ctx.enqueue(() => {
      const r = this.rect();
      if (r) this.sheet.data().merges.push(rectAddress(this.sheet.data().name, r).split('!')[1]!);
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const r = this.rect();
      if (!r) throw new FakeOfficeError('InvalidArgument');
      this.ctx.host.selected = { sheet: this.sheet.data().name, cell: toA1(r.top, r.left) };
    });
  }
  get dataValidation(): { rule: unknown } {
    const set = (rule: unknown): void =>
      this.ctx.enqueue(() => {
        const r = this.rect();
        const source = (rule as { list?: { source?: string } }).list?.source ?? '';
        if (r) this.sheet.data().validations.set(rectAddress('', r).slice(1), source);
      });
    return {
      set rule(rule: unknown) {
        set(rule);
      },
      get rule(): unknown {
        return undefined;
      },
    };
  }
}

class FakeMergedAreas extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  private inside(): string[] {
    const r = this.range.rect();
    if (!r) return [];
    return this.range.sheet.data().merges.filter((m) => {
      const x = parseRect(m);
      return x.top >= r.top && x.bottom <= r.bottom && x.left >= r.left && x.right <= r.right;
    });
  }
  protected override read(prop: string): unknown {
    const list = this.inside();
    if (prop === 'isNullObject') return list.length === 0;
    const name = this.range.sheet.data().name;
    if (prop === 'address')
      return list.length ? list.map((m) => `${name}!${m}`).join(',') : undefined;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
}

class FakeFormat {
  readonly fill: FakeFillProxy;
  readonly font: Record<string, unknown>;
  readonly borders: { getItem(edge: string): { style: string } };
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeFillProxy(ctx, range);
    const enqueue = (fn: (c: FakeCell) => void): void =>
      ctx.enqueue(() => range.cellsForFormat().forEach(fn));
    this.font = {
      set bold(v: boolean) {
        enqueue((c) => void (c.bold = v));
      },
      set italic(_v: boolean) {
        enqueue(() => undefined);
      },
      set size(_v: number) {
        enqueue(() => undefined);
      },
    };
    this.borders = { getItem: () => ({ style: '' }) };
  }
  set wrapText(_v: boolean) {
    this.ctx.enqueue(() => undefined);
  }
  set horizontalAlignment(_v: string) {
    this.ctx.enqueue(() => undefined);
  }
  set columnWidth(v: number) {
    this.ctx.enqueue(() => {
      const r = this.range.rect();
      if (r) for (let c = r.left; c <= r.right; c++) this.range.sheet.data().columnWidths.set(c, v);
    });
  }
}

class FakeFillProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  private first(): FakeFill | undefined {
    const r = this.range.rect();
    if (!r) return undefined;
    return this.range.sheet.data().cells.get(toA1(r.top, r.left))?.fill;
  }
  protected override read(prop: string): unknown {
    const fill = this.first();
    const detailed = this.ctx.host.supports('ExcelApi', '1.9');
    switch (prop) {
      case 'color':
        // Like Excel: "No Fill" reads as white.
        return fill?.color ?? '#FFFFFF';
      case 'pattern':
        if (!detailed) throw new FakeOfficeError('ApiNotFound');
        return fill?.color ? (fill.pattern ?? 'Solid') : 'None';
      case 'patternColor':
        if (!detailed) throw new FakeOfficeError('ApiNotFound');
        return fill?.patternColor ?? '#000000';
      case 'tintAndShade':
        if (!detailed) throw new FakeOfficeError('ApiNotFound');
        return fill?.color ? (fill.tintAndShade ?? 0) : null;
      default:
        return undefined;
    }
  }
  private update(fn: (f: FakeFill) => void): void {
    this.ctx.enqueue(() => {
      for (const cell of this.range.cellsForFormat()) {
        const f: FakeFill = cell.fill ? { ...cell.fill } : { color: null };
        fn(f);
        cell.fill = f;
      }
    });
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.update((f) => {
      f.color = v;
      if (!f.pattern) delete f.pattern;
    });
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(v: string) {
    this.update((f) => void (f.pattern = v));
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(v: string) {
    this.update((f) => void (f.patternColor = v));
  }
  get tintAndShade(): number | null {
    return this.get('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.update((f) => void (f.tintAndShade = v));
  }
  clear(): void {
    this.ctx.enqueue(() => {
      for (const cell of this.range.cellsForFormat()) delete cell.fill;
    });
  }
}

class FakeNote extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly cell: string,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop === 'content') return this.sheet.data().notes.get(this.cell);
    return undefined;
  }
  get content(): string {
    return this.get('content');
  }
  getLocation(): FakeRange {
    const rect = parseRect(this.cell);
    return new FakeRange(this.ctx, this.sheet, () => rect);
  }
  delete(): void {
    this.ctx.enqueue(() => {
      if (!this.sheet.data().notes.delete(this.cell)) throw new FakeOfficeError('ItemNotFound');
    });
  }
}

class FakeNotes extends Loadable {
  private proxies: FakeNote[] = [];
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  private guard(): void {
    if (!this.ctx.host.supports('ExcelApi', '1.18')) throw new FakeOfficeError('ApiNotFound');
  }
  protected override read(prop: string): unknown {
    this.guard();
    if (prop.startsWith('items')) {
      this.proxies = [...this.sheet.data().notes.keys()].map(
        (cell) => new FakeNote(this.ctx, this.sheet, cell),
      );
      return true;
    }
    return undefined;
  }
  get items(): FakeNote[] {
    this.get('items/content');
    return this.proxies;
  }
  add(cell: string, content: string): FakeNote {
    this.ctx.enqueue(() => {
      this.guard();
      const notes = this.sheet.data().notes;
      if (notes.has(cell)) throw new FakeOfficeError('InvalidArgument', `note exists at ${cell}`);
      notes.set(cell, content);
    });
    return new FakeNote(this.ctx, this.sheet, cell);
  }
  getItem(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, cell);
  }
}
