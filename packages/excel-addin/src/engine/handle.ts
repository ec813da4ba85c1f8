/**
 * The engine's work, the same in a Web Worker and in the page: it holds the preview's workbook
 * (ExcelJS, loaded on the first `open`) and runs the rules on its sheets or on grids the page
 * read from Excel.
 */
import {
  type Cell,
  detectLayout,
  isEmptyCell,
  validateSheet,
  type CellWrite,
  type Grid,
  type TemplateSheet,
} from '@phuluc/rules';
import type { PreviewWorkbook } from '../preview/preview-workbook.js';
import { planFill } from './plan-fill.js';
import type {
  Answers,
  Detected,
  Request,
  Rows,
  SheetShape,
  Target,
  WorkbookState,
} from './protocol.js';

/** Whether no cell of the grid holds anything. */
function isEmptyGrid(grid: Grid): boolean {
  return grid.cells.every((row) => !row || row.every((c) => !c || isEmptyCell(c)));
}
import { shapeOf } from './shape.js';

/** Rows sent for one window are capped, whatever the page asks. */
const MAX_WINDOW = 2000;

/** The engine's state: the preview workbook, once a file was opened. */
export interface EngineState {
  preview: PreviewWorkbook | null;
  /** Grids the page handed over (`put`), by key. */
  readonly grids: Map<string, { name: string; cells: (Cell | null)[][]; merges: Grid['merges'] }>;
}

/** A fresh engine state. */
export function newEngineState(): EngineState {
  return { preview: null, grids: new Map() };
}

function previewOf(state: EngineState): PreviewWorkbook {
  if (!state.preview) throw new Error('no workbook open');
  return state.preview;
}

function gridOf(state: EngineState, target: Target): Grid {
  if ('grid' in target) return target.grid;
  if ('key' in target) {
    const grid = state.grids.get(target.key);
    if (!grid) throw new Error(`no grid ${target.key}`);
    return grid;
  }
  return previewOf(state).gridOf(target.sheet);
}

function stateOf(preview: PreviewWorkbook): WorkbookState {
  const sheets = preview.listSheetNames();
  return {
    sheets,
    active: preview.currentSheet(),
    undoable: sheets.filter((s) => preview.canUndoFill(s)),
  };
}

async function call(preview: PreviewWorkbook, request: Request & { op: 'call' }): Promise<unknown> {
  switch (request.method) {
    case 'readSheet':
      return preview.readSheet(request.args[0]);
    case 'readAllSheets':
      return preview.readAllSheets();
    case 'applyWrites':
      return preview.applyWrites(
        request.args[0],
        request.args[1] as readonly CellWrite[],
        request.args[2],
      );
    case 'undoFill':
      return preview.undoFill(request.args[0]);
    case 'addTemplateSheet':
      return preview.addTemplateSheet(request.args[0] as TemplateSheet, request.args[1]);
    case 'activateSheet':
      return preview.activateSheet(request.args[0]);
    case 'toBytes':
      return preview.toBytes();
  }
}

/**
 * Answer one request. Throws what the work throws (an `XlsxError` for a file that cannot be
 * read or written, …); the worker passes it on with its code and message key.
 */
export async function handle<R extends Request>(
  state: EngineState,
  request: R,
): Promise<Answers[R['op']]> {
  type A = Answers[R['op']];
  switch (request.op) {
    case 'open': {
      // ExcelJS (through @phuluc/xlsx) is loaded only when a file is opened.
      const { openPreviewWorkbook } = await import('../preview/preview-workbook.js');
      const { bytes, name } = request;
      const file = { name, arrayBuffer: async () => bytes } as unknown as Blob & { name: string };
      const preview = await openPreviewWorkbook(file);
      state.preview = preview;
      const shapes: Record<string, SheetShape> = {};
      for (const s of preview.listSheetNames()) shapes[s] = shapeOf(preview.gridOf(s));
      return { ...stateOf(preview), shapes } as A;
    }
    case 'call': {
      const preview = previewOf(state);
      const result = await call(preview, request);
      return { result, state: stateOf(preview) } as A;
    }
    case 'put': {
      const had = state.grids.get(request.key);
      const grid =
        had && request.from > 0
          ? had
          : { name: request.name, cells: [], merges: [] as Grid['merges'] };
      request.rows.forEach((row, i) => (grid.cells[request.from + i] = row.map((c) => c ?? null)));
      if (request.merges) grid.merges = request.merges;
      state.grids.set(request.key, grid);
      return null as A;
    }
    case 'shape':
      return shapeOf(previewOf(state).gridOf(request.sheet)) as A;
    case 'rows': {
      const grid = previewOf(state).gridOf(request.sheet);
      const to = Math.min(request.to, request.from + MAX_WINDOW, grid.cells.length);
      const rows: Rows = grid.cells.slice(Math.max(0, request.from), to);
      return rows as A;
    }
    case 'detect': {
      const grid = gridOf(state, request.target);
      const d = detectLayout(grid, { layouts: request.layouts });
      const detected: Detected = {
        layout: d.fit?.layout.id ?? null,
        score: d.fit?.score ?? 0,
        empty: isEmptyGrid(grid),
        guesses: d.candidates.slice(0, 2).map((c) => ({ id: c.layout.id, score: c.score })),
      };
      return detected as A;
    }
    case 'validate':
      return validateSheet(gridOf(state, request.target), request.options) as A;
    case 'fill':
      return planFill(gridOf(state, request.target), request.options, request.check) as A;
    case 'validateAll': {
      const grids = request.keys
        ? request.keys.map((key) => gridOf(state, { key }))
        : await previewOf(state).readAllSheets();
      return grids.map((g) => validateSheet(g, request.options)) as unknown as A;
    }
  }
}
