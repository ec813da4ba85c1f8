/**
 * A hand-written fake of the Excel JavaScript API: the parts the adapter uses (the interfaces of
 * `excel-api.ts`, which `tsc` checks against `@types/office-js`), with the behaviour of real
 * Excel where it is less kind than a naive fake:
 *
 * - `load()` and property writes are queued and run in order at `context.sync()`; a loaded
 *   property can be read only after the sync that loaded it; syncs are counted;
 * - every request and response is measured in bytes (JSON, UTF-8, plus an overhead for each
 *   object path and action, like Office.js's own messages) and one over 5 MB fails with
 *   `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`, as Excel on the web;
 * - `getMergedAreasOrNullObject` fails on more than 512 areas;
 * - `notes.getItem(cell).delete()` throws `ItemNotFound` for a note that is gone;
 * - text set through `values` or `formulas` is parsed like typing: "1.469" becomes a number,
 *   "'1.469" stays text, and anything written into a Text-formatted ('@') cell stays text —
 *   a formula too;
 * - worksheets can be hidden or very hidden; a context cannot sync after its `run` ended.
 */
import { parseA1, toA1 } from '@phuluc/rules';
import { jsonBytes } from './blocks.js';
import type {
  ExcelRunner,
  XlContext,
  XlCustomXmlPart,
  XlCustomXmlParts,
  XlFill,
  XlNote,
  XlNotes,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlResult,
  XlWorkbook,
  XlWorksheet,
  XlWorksheets,
} from './excel-api.js';

/** Excel on the web's limit on one request and on one response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;
/** Bytes the fake counts for each object path and each action (Office.js's JSON overhead). */
export const FAKE_PATH_BYTES = 100;
export const FAKE_ACTION_BYTES = 100;
/** More merged areas than this in one range make `getMergedAreasOrNullObject` fail. */
export const MERGED_AREAS_LIMIT = 512;

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
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  merges: string[];
  notes: Map<string, string>;
  frozenRows: number;
  validations: Map<string, string>;
  columnWidths: Map<number, number>;
}

export interface FakeExcelOptions {
  /** The ExcelApi version the fake host supports, e.g. `'1.18'`. Default 1.13 (the manifest's floor). */
  readonly excelApi?: string;
  /** Largest request and response in bytes; default {@link EXCEL_WEB_PAYLOAD_LIMIT}. */
  readonly payloadLimitBytes?: number;
}

/** One sync's measured sizes. */
export interface FakeRequest {
  readonly request: number;
  readonly response: number;
  /** The error code when the host refused or failed the request. */
  readonly failed?: string;
}

/** An Office error as Office.js throws it (`OfficeExtension.Error`: name and code). */
export class FakeOfficeError extends Error {
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

const ERROR_CONSTANT = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/;
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * What Excel stores when `x` is entered into a cell (through `values` or `formulas`): the quote
 * prefix keeps text, a Text-formatted cell keeps everything as text, "=…" is a formula, numeric
 * and TRUE/FALSE text is parsed, "#N/A" and friends are errors.
 */
function enter(cell: FakeCell, x: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (typeof x !== 'string') {
    const v = typeof x === 'number' || typeof x === 'boolean' ? x : null;
    // A Text-formatted cell keeps what it is given as text, a number too.
    cell.value = cell.numFmt === '@' && v !== null ? String(v) : v;
    return;
  }
  if (x.startsWith("'")) {
    cell.value = x.slice(1);
    return;
  }
  if (cell.numFmt === '@') {
    cell.value = x === '' ? null : x;
    return;
  }
  if (x === '') cell.value = null;
  else if (x.startsWith('=') && x.length > 1) {
    cell.formula = x.slice(1);
    cell.value = 0;
  } else if (ERROR_CONSTANT.test(x)) {
    cell.value = x;
    cell.error = x;
  } else if (NUMBER_TEXT.test(x)) cell.value = Number(x);
  else if (/^(true|false)$/i.test(x)) cell.value = x.toLowerCase() === 'true';
  else cell.value = x;
}

let nextId = 1;

/** The fake host: workbook data plus counters the tests assert on. */
export class FakeExcel implements ExcelRunner {
  readonly sheets: FakeSheet[] = [];
  /** Custom XML parts by id: the XML as stored in the file. */
  readonly customXml = new Map<string, string>();
  activeSheet = '';
  selected: { sheet: string; cell: string } | null = null;
  syncCount = 0;
  /** Contexts handed out by {@link run}. */
  runCount = 0;
  /** Each sync's request and response bytes. */
  readonly requests: FakeRequest[] = [];
  readonly excelApi: string;
  private readonly payloadLimit: number;
  private readonly activationListeners = new Set<(id: string) => void>();
  /** Fail the next sync with this Office error code. */
  failNextSync: string | null = null;

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? '1.13';
    this.payloadLimit = options.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
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
      id: `{00000000-0000-0000-0000-${String(nextId++).padStart(12, '0')}}`,
      name,
      visibility: 'Visible',
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

  /** A sheet by name or id. */
  sheet(key: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === key || x.id === key);
    if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet ${key}`);
    return s;
  }

  /**
   * The workbook saved and opened again (a pane reload, or Excel closed and reopened): cells,
   * notes, merges and custom XML parts are kept; counters start again.
   */
  reopened(): FakeExcel {
    const again = new FakeExcel({ excelApi: this.excelApi, payloadLimitBytes: this.payloadLimit });
    for (const s of this.sheets) again.sheets.push(structuredClone(s));
    for (const [id, xml] of this.customXml) again.customXml.set(id, xml);
    again.activeSheet = this.activeSheet;
    return again;
  }

  /** A new request context (what `Excel.run` hands its batch). */
  context(): FakeContext {
    return new FakeContext(this);
  }

  /** `Excel.run(batch)`: a fresh context, unusable once the batch is done. */
  run = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    this.runCount++;
    const context = new FakeContext(this);
    try {
      return await batch(context);
    } finally {
      context.finished = true;
    }
  };

  onSheetActivated = async (listener: (worksheetId: string) => void) => {
    this.activationListeners.add(listener);
    return async () => void this.activationListeners.delete(listener);
  };

  /** The user clicks a sheet tab: the sheet becomes active and `onActivated` fires. */
  userActivates(name: string): void {
    const s = this.sheet(name);
    this.activeSheet = s.name;
    for (const l of this.activationListeners) l(s.id);
  }

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
  execute(actions: (() => number)[], request: number): void {
    this.syncCount++;
    if (this.failNextSync) {
      const code = this.failNextSync;
      this.failNextSync = null;
      this.requests.push({ request, response: 0, failed: code });
      throw new FakeOfficeError(code);
    }
    if (request > this.payloadLimit) {
      this.requests.push({ request, response: 0, failed: 'RequestPayloadSizeLimitExceeded' });
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
    }
    let response = 0;
    try {
      for (const action of actions) response += action();
    } catch (e) {
      this.requests.push({ request, response, failed: (e as FakeOfficeError).code ?? 'Error' });
      throw e;
    }
    if (response > this.payloadLimit) {
      this.requests.push({ request, response, failed: 'ResponsePayloadSizeLimitExceeded' });
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded');
    }
    this.requests.push({ request, response });
  }

  /** The largest request or response of the syncs that succeeded. */
  largestPayload(): number {
    return Math.max(
      0,
      ...this.requests.filter((r) => !r.failed).map((r) => Math.max(r.request, r.response)),
    );
  }
}

/** `Excel.RequestContext`. */
export class FakeContext implements XlContext {
  readonly workbook: FakeWorkbook;
  finished = false;
  private queue: (() => number)[] = [];
  private requestBytes = 0;
  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  /** A new object path (a proxy) in the request. */
  path(): void {
    this.requestBytes += FAKE_PATH_BYTES;
  }
  /** Queue an action; it returns the response bytes it produced. */
  enqueue(action: () => number | void, argumentBytes = 0): void {
    this.requestBytes += FAKE_ACTION_BYTES + argumentBytes;
    this.queue.push(() => action() ?? 0);
  }
  async sync(): Promise<void> {
    if (this.finished) throw new FakeOfficeError('InvalidRequestContext', 'Excel.run has ended');
    const actions = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.host.execute(actions, request);
  }
}

/** Base: queued loads, readable only after the sync that ran them. */
class Loadable {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {
    ctx.path();
  }
  protected read(_prop: string): unknown {
    return undefined;
  }
  load(propertyNames: string): this {
    const list = propertyNames
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue(() => {
      let bytes = 0;
      for (const p of list) {
        const v = this.read(p);
        this.loaded.set(p, v);
        bytes += jsonBytes(v ?? null) + p.length + 3;
      }
      return bytes;
    }, jsonBytes(propertyNames));
    return this;
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new Error(`PropertyNotLoaded: ${prop} (call load and sync first)`);
    return this.loaded.get(prop) as T;
  }
}

function notLoaded(prop: string): never {
  throw new Error(`PropertyNotLoaded: ${prop} (write-only in this fake)`);
}

class FakeResult<T> implements XlResult<T> {
  private ready = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.ready = true;
  }
  get value(): T {
    if (!this.ready) throw new Error('PropertyNotLoaded: value (sync first)');
    return this.v as T;
  }
}

class FakeWorkbook implements XlWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly customXmlParts: FakeCustomXmlParts;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.customXmlParts = new FakeCustomXmlParts(ctx);
  }
}

class FakeWorksheets extends Loadable implements XlWorksheets {
  private proxies: FakeWorksheet[] = [];
  protected override read(prop: string): unknown {
    if (prop.startsWith('items')) {
      const field = prop.split('/')[1] ?? 'name';
      this.proxies = this.ctx.host.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, s.id);
        w.preload('name', s.name);
        w.preload('visibility', s.visibility);
        w.preload('id', s.id);
        return w;
      });
      return this.ctx.host.sheets.map((s) =>
        field === 'visibility' ? s.visibility : field === 'id' ? s.id : s.name,
      );
    }
    return undefined;
  }
  get items(): FakeWorksheet[] {
    this.get('items/name');
    return this.proxies;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, null);
  }
  add(name = ''): FakeWorksheet {
    this.ctx.enqueue(() => {
      if (this.ctx.host.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists');
      }
      this.ctx.host.addSheet(name);
    }, jsonBytes(name));
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Loadable implements XlWorksheet {
  constructor(
    ctx: FakeContext,
    private readonly key: string | null,
  ) {
    super(ctx);
  }
  preload(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  data(): FakeSheet {
    return this.ctx.host.sheet(this.key ?? this.ctx.host.activeSheet);
  }
  protected override read(prop: string): unknown {
    if (prop === 'name') return this.data().name;
    if (prop === 'visibility') return this.data().visibility;
    if (prop === 'id') return this.data().id;
    return undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  private notesProxy: FakeNotes | undefined;
  /** Like Office.js, one proxy per worksheet proxy (one object path in the request). */
  get notes(): FakeNotes {
    this.notesProxy ??= new FakeNotes(this.ctx, this);
    return this.notesProxy;
  }
  get freezePanes(): { freezeRows(n?: number): void } {
    return {
      freezeRows: (n = 1) => this.ctx.enqueue(() => void (this.data().frozenRows = n), 8),
    };
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => this.ctx.host.usedRect(this.data()));
  }
  getRange(address = ''): FakeRange {
    const rect = parseRect(address);
    this.ctx.path();
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

const PATTERNS = [
  'None',
  'Solid',
  'Gray50',
  'Gray75',
  'Gray25',
  'Horizontal',
  'Vertical',
  'Down',
  'Up',
  'Checker',
  'SemiGray75',
  'LightHorizontal',
  'LightVertical',
  'LightDown',
  'LightUp',
  'Grid',
  'CrissCross',
  'Gray16',
  'Gray8',
  'LinearGradient',
  'RectangularGradient',
] as const;

function toPattern(p: string): (typeof PATTERNS)[number] {
  const found = PATTERNS.find((x) => x === p);
  if (!found) throw new FakeOfficeError('InvalidArgument', `fill pattern ${p}`);
  return found;
}

/**
 * A cell's fill as `getCellProperties` reports it. Like Excel (office-js issue #6218), "No Fill"
 * reads exactly as a solid white fill: only `RangeFill.tintAndShade` (null for No Fill) tells
 * them apart.
 */
function fillProperties(fill: FakeFill | undefined): Excel.CellProperties {
  if (!fill?.color) {
    return {
      format: {
        fill: { color: '#FFFFFF', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0 },
      },
    };
  }
  const pattern = fill.pattern ? toPattern(fill.pattern) : 'Solid';
  return {
    format: {
      fill: {
        color: fill.color,
        pattern,
        patternColor: fill.patternColor ?? '#000000',
        tintAndShade: fill.tintAndShade ?? 0,
      },
    },
  };
}

class FakeRange extends Loadable implements XlRange {
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
          if (typeof c.value === 'number') return 'Double';
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
    this.write(v, enter);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write(v, enter);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write(v, (cell, x) => void (cell.numFmt = String(x)));
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  private write(v: unknown[][], set: (cell: FakeCell, x: unknown) => void): void {
    this.ctx.enqueue(() => {
      const r = this.rect();
      if (!r) throw new FakeOfficeError('InvalidArgument');
      if (v.length !== r.bottom - r.top + 1 || v.some((row) => row.length !== r.right - r.left + 1))
        throw new FakeOfficeError('InvalidArgument', 'array size does not match the range');
      const data = this.sheet.data();
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null) return; // Office.js: null leaves the cell as it is
          const addr = toA1(r.top + i, r.left + j);
          const cell = data.cells.get(addr) ?? { value: null };
          set(cell, x);
          data.cells.set(addr, cell);
        }),
      );
    }, jsonBytes(v));
  }
  /** `Range.clear(applyTo)`: 'Contents' empties values and formulas, keeping formats. */
  clear(applyTo: 'All' | 'Contents' = 'All'): void {
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
  getCellProperties(options: Excel.CellPropertiesLoadOptions): XlResult<Excel.CellProperties[][]> {
    const result = new FakeResult<Excel.CellProperties[][]>();
    this.ctx.enqueue(() => {
      if (!this.ctx.host.supports('ExcelApi', '1.9')) throw new FakeOfficeError('ApiNotFound');
      const v = this.each((_a, c) => (options.format?.fill ? fillProperties(c?.fill) : {}));
      result.set(v);
      return jsonBytes(v);
    }, jsonBytes(options));
    return result;
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
  get dataValidation(): { rule: Excel.DataValidationRule } {
    const set = (rule: Excel.DataValidationRule): void =>
      this.ctx.enqueue(() => {
        const r = this.rect();
        const source = rule.list?.source;
        if (r)
          this.sheet
            .data()
            .validations.set(rectAddress('', r).slice(1), typeof source === 'string' ? source : '');
      }, jsonBytes(rule));
    return {
      set rule(rule: Excel.DataValidationRule) {
        set(rule);
      },
      get rule(): Excel.DataValidationRule {
        return notLoaded('rule');
      },
    };
  }
}

class FakeMergedAreas extends Loadable implements XlRangeAreas {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  /** Areas whose top-left cell is in the range (what Excel returns). */
  private inside(): string[] {
    const r = this.range.rect();
    if (!r) return [];
    return this.range.sheet.data().merges.filter((m) => {
      const x = parseRect(m);
      return x.top >= r.top && x.top <= r.bottom && x.left >= r.left && x.left <= r.right;
    });
  }
  protected override read(prop: string): unknown {
    const list = this.inside();
    if (list.length > MERGED_AREAS_LIMIT)
      throw new FakeOfficeError('InvalidOperation', 'more than 512 merged areas');
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

class FakeFormat implements XlRangeFormat {
  readonly fill: FakeFillProxy;
  readonly font: { bold: boolean; italic: boolean; size: number };
  readonly borders: {
    getItem(index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight'): { style: string };
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeFillProxy(ctx, range);
    const enqueue = (fn: (c: FakeCell) => void): void =>
      ctx.enqueue(() => range.cellsForFormat().forEach(fn), 8);
    this.font = {
      get bold(): boolean {
        return notLoaded('bold');
      },
      set bold(v: boolean) {
        enqueue((c) => void (c.bold = v));
      },
      get italic(): boolean {
        return notLoaded('italic');
      },
      set italic(_v: boolean) {
        enqueue(() => undefined);
      },
      get size(): number {
        return notLoaded('size');
      },
      set size(_v: number) {
        enqueue(() => undefined);
      },
    };
    this.borders = {
      getItem: () => ({
        get style(): string {
          return notLoaded('style');
        },
        set style(_v: string) {
          enqueue(() => undefined);
        },
      }),
    };
  }
  get wrapText(): boolean {
    return notLoaded('wrapText');
  }
  set wrapText(_v: boolean) {
    this.ctx.enqueue(() => undefined, 8);
  }
  get horizontalAlignment(): string {
    return notLoaded('horizontalAlignment');
  }
  set horizontalAlignment(_v: string) {
    this.ctx.enqueue(() => undefined, 8);
  }
  get columnWidth(): number {
    return notLoaded('columnWidth');
  }
  set columnWidth(v: number) {
    this.ctx.enqueue(() => {
      const r = this.range.rect();
      if (r) for (let c = r.left; c <= r.right; c++) this.range.sheet.data().columnWidths.set(c, v);
    }, 8);
  }
}

/** One property of one cell's `RangeFill`. */
function cellFill(fill: FakeFill | undefined, prop: string): unknown {
  const has = Boolean(fill?.color);
  switch (prop) {
    case 'color':
      return fill?.color ?? '#FFFFFF';
    case 'pattern':
      return has ? (fill!.pattern ?? 'Solid') : 'None';
    case 'patternColor':
      return fill?.patternColor ?? '#000000';
    case 'tintAndShade':
      return has ? (fill!.tintAndShade ?? 0) : null;
    default:
      return undefined;
  }
}

class FakeFillProxy extends Loadable implements XlFill {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  /**
   * Like Excel's `RangeFill`, property by property: one the cells do not share reads null. A cell
   * with "No Fill" reads color #FFFFFF, pattern None and tintAndShade null (a white fill: 0) — so
   * a range mixing the two reads color #FFFFFF and tintAndShade null, like a range of No Fill.
   */
  protected override read(prop: string): unknown {
    const r = this.range.rect();
    if (!r) return null;
    const data = this.range.sheet.data();
    const values: unknown[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        values.push(cellFill(data.cells.get(toA1(row, col))?.fill, prop));
    const first = values[0];
    return values.every((v) => v === first) ? first : null;
  }
  private update(fn: (f: FakeFill) => void, bytes: number): void {
    this.ctx.enqueue(() => {
      for (const cell of this.range.cellsForFormat()) {
        const f: FakeFill = cell.fill ? { ...cell.fill } : { color: null };
        fn(f);
        cell.fill = f;
      }
    }, bytes);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.update((f) => void (f.color = v), jsonBytes(v));
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(v: string) {
    this.update((f) => void (f.pattern = v), jsonBytes(v));
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(v: string) {
    this.update((f) => void (f.patternColor = v), jsonBytes(v));
  }
  get tintAndShade(): number {
    return this.get('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.update((f) => void (f.tintAndShade = v), jsonBytes(v));
  }
  clear(): void {
    this.ctx.enqueue(() => {
      for (const cell of this.range.cellsForFormat()) delete cell.fill;
    });
  }
}

class FakeNote extends Loadable implements XlNote {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly cell: string,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (!this.ctx.host.supports('ExcelApi', '1.18')) throw new FakeOfficeError('ApiNotFound');
    if (prop === 'isNullObject') return !this.sheet.data().notes.has(this.cell);
    if (prop === 'content') return this.sheet.data().notes.get(this.cell);
    return undefined;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
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

class FakeNotes extends Loadable implements XlNotes {
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
      const notes = [...this.sheet.data().notes];
      this.proxies = notes.map(([cell]) => new FakeNote(this.ctx, this.sheet, cell));
      return notes.map(([, content]) => content);
    }
    return undefined;
  }
  get items(): FakeNote[] {
    this.get('items/content');
    return this.proxies;
  }
  add(cell: string, content: string): FakeNote {
    this.ctx.enqueue(
      () => {
        this.guard();
        const notes = this.sheet.data().notes;
        if (notes.has(cell)) throw new FakeOfficeError('InvalidArgument', `note exists at ${cell}`);
        notes.set(cell, content);
      },
      jsonBytes([cell, content]),
    );
    return new FakeNote(this.ctx, this.sheet, cell);
  }
  /** `getItem(key)`: its `delete()` throws ItemNotFound when the note is gone. */
  getItem(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, cell);
  }
  getItemOrNullObject(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, cell);
  }
}

function rootNamespace(xml: string): string | null {
  const root = /<(?!\?)(?:[\w-]+:)?[\w-]+\s[^>]*?xmlns="([^"]*)"/.exec(xml);
  return root?.[1] ?? null;
}

class FakeCustomXmlParts implements XlCustomXmlParts {
  constructor(private readonly ctx: FakeContext) {}
  add(xml: string): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(this.ctx, () => null);
    this.ctx.enqueue(() => {
      if (!rootNamespace(xml) && !/^\s*(<\?xml[^>]*>\s*)?<[\w-]/.test(xml))
        throw new FakeOfficeError('InvalidArgument', 'not XML');
      const id = `{CX-${String(nextId++).padStart(8, '0')}}`;
      this.ctx.host.customXml.set(id, xml);
      part.bind(id);
    }, jsonBytes(xml));
    return part;
  }
  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): FakeCustomXmlPart } {
    return {
      getOnlyItemOrNullObject: () =>
        new FakeCustomXmlPart(this.ctx, () => {
          const ids = [...this.ctx.host.customXml].filter(
            ([, xml]) => rootNamespace(xml) === namespaceUri,
          );
          return ids.length === 1 ? ids[0]![0] : null;
        }),
    };
  }
}

class FakeCustomXmlPart extends Loadable implements XlCustomXmlPart {
  private boundId: string | null = null;
  constructor(
    ctx: FakeContext,
    private readonly find: () => string | null,
  ) {
    super(ctx);
  }
  bind(id: string): void {
    this.boundId = id;
  }
  private current(): string | null {
    return this.boundId ?? this.find();
  }
  protected override read(prop: string): unknown {
    const id = this.current();
    if (prop === 'isNullObject') return id === null;
    if (prop === 'id') return id;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get id(): string {
    return this.get('id');
  }
  getXml(): XlResult<string> {
    const result = new FakeResult<string>();
    this.ctx.enqueue(() => {
      const id = this.current();
      const xml = id ? this.ctx.host.customXml.get(id) : undefined;
      if (xml === undefined) throw new FakeOfficeError('ItemNotFound');
      result.set(xml);
      return jsonBytes(xml);
    });
    return result;
  }
  setXml(xml: string): void {
    this.ctx.enqueue(() => {
      const id = this.current();
      if (!id) throw new FakeOfficeError('ItemNotFound');
      this.ctx.host.customXml.set(id, xml);
    }, jsonBytes(xml));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const id = this.current();
      if (!id || !this.ctx.host.customXml.delete(id)) throw new FakeOfficeError('ItemNotFound');
    });
  }
}
