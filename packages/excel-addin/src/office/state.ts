/**
 * What the pane must remember about a workbook after it is closed: the marks on each sheet (the
 * fills to restore, the notes we added) and the fills that can still be undone. Kept as one
 * custom XML part of the workbook in our own namespace (see the add-in README for why), as JSON
 * text inside one element. Reading never throws: a missing, foreign or damaged part is no state.
 */
import type { FillUndo, PreviousCell } from './fill-writes.js';
import type { PreviousFill } from './marks.js';

/** The namespace of our custom XML part. */
export const STATE_NAMESPACE = 'urn:phuluc:addin-state:1';
/** Largest state kept (bytes of XML): older fills are dropped first, then all fills. */
export const STATE_BUDGET_BYTES = 1_500_000;
/** Fills remembered per sheet for undo, newest last. */
export const MAX_FILLS_PER_SHEET = 5;

/** One sheet's remembered marks and fills. */
export interface SheetState {
  /** The worksheet's id, to follow the sheet when it is renamed. */
  readonly id?: string;
  readonly marks: readonly (readonly [string, PreviousFill])[];
  readonly fills: readonly FillUndo[];
}

/** Every sheet's state, by sheet name. */
export type AddinState = Readonly<Record<string, SheetState>>;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The custom XML part's content for a state. */
export function stateToXml(state: AddinState): string {
  return `<phuluc xmlns="${STATE_NAMESPACE}" version="1">${escapeXml(JSON.stringify(state))}</phuluc>`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isPreviousFill(x: unknown): x is PreviousFill {
  if (!isRecord(x)) return false;
  return (
    (x.color === null || typeof x.color === 'string') &&
    typeof x.noteAdded === 'boolean' &&
    (x.pattern === undefined || typeof x.pattern === 'string') &&
    (x.patternColor === undefined || typeof x.patternColor === 'string') &&
    (x.tintAndShade === undefined || typeof x.tintAndShade === 'number')
  );
}

function isPreviousCell(x: unknown): x is PreviousCell {
  return (
    isRecord(x) &&
    typeof x.cell === 'string' &&
    /^[A-Z]{1,3}[1-9]\d*$/.test(x.cell) &&
    typeof x.type === 'string' &&
    'after' in x
  );
}

function sheetStateOf(x: unknown): SheetState | null {
  if (!isRecord(x) || !Array.isArray(x.marks) || !Array.isArray(x.fills)) return null;
  const marks = x.marks.filter(
    (m): m is [string, PreviousFill] =>
      Array.isArray(m) && typeof m[0] === 'string' && isPreviousFill(m[1]),
  );
  const fills = x.fills
    .filter((f): f is unknown[] => Array.isArray(f))
    .map((f) => f.filter(isPreviousCell))
    .filter((f) => f.length > 0);
  return typeof x.id === 'string' ? { id: x.id, marks, fills } : { marks, fills };
}

/** The state in a custom XML part's content; `{}` for anything that is not ours or is damaged. */
export function stateFromXml(xml: string): AddinState {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<phuluc\s[^>]*>([\s\S]*)<\/phuluc>\s*$/.exec(xml);
  if (!m || !xml.includes(`xmlns="${STATE_NAMESPACE}"`)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(unescapeXml(m[1] ?? ''));
  } catch {
    return {};
  }
  if (!isRecord(parsed)) return {};
  const out: Record<string, SheetState> = {};
  for (const [sheet, value] of Object.entries(parsed)) {
    const s = sheetStateOf(value);
    if (s && (s.marks.length > 0 || s.fills.length > 0)) out[sheet] = s;
  }
  return out;
}

/**
 * The state matched to the workbook's sheets now (`name → id`): an entry whose sheet was renamed
 * follows it (by id); an entry whose sheet is gone is dropped (its cells went with it); entries
 * get their sheet's id. Says whether anything changed.
 */
export function reconcileState(
  state: AddinState,
  sheets: ReadonlyMap<string, string>,
): { state: AddinState; changed: boolean } {
  const byId = new Map([...sheets].map(([name, id]) => [id, name]));
  const out: Record<string, SheetState> = {};
  let changed = false;
  for (const [name, s] of Object.entries(state)) {
    const id = sheets.get(name);
    if (id !== undefined && (s.id === undefined || s.id === id)) {
      out[name] = { ...s, id };
      changed ||= s.id !== id;
      continue;
    }
    const renamed = s.id !== undefined ? byId.get(s.id) : undefined;
    if (renamed !== undefined && !(renamed in state)) out[renamed] = s;
    changed = true;
  }
  return { state: out, changed };
}

/** A state with one sheet's entry replaced (dropped when it holds nothing). */
export function withSheet(state: AddinState, sheet: string, next: SheetState): AddinState {
  const out: Record<string, SheetState> = { ...state };
  if (next.marks.length === 0 && next.fills.length === 0) delete out[sheet];
  else
    out[sheet] = {
      ...(next.id ? { id: next.id } : {}),
      marks: next.marks,
      fills: next.fills.slice(-MAX_FILLS_PER_SHEET),
    };
  return out;
}

/**
 * The state cut to fit {@link STATE_BUDGET_BYTES}: the oldest fills go first, then every fill;
 * marks are kept (they are what lets a reopened pane clear the colours). Also says whether a
 * fill had to be dropped.
 */
export function trimState(state: AddinState): { state: AddinState; droppedFills: boolean } {
  let current = state;
  let dropped = false;
  const size = () => stateToXml(current).length;
  while (size() > STATE_BUDGET_BYTES) {
    // The sheet with the most remembered fill cells loses its oldest fill.
    let worst: string | null = null;
    let cells = 0;
    for (const [sheet, s] of Object.entries(current)) {
      const n = s.fills.reduce((a, f) => a + f.length, 0);
      if (n > cells) {
        cells = n;
        worst = sheet;
      }
    }
    if (worst === null) break;
    const s = current[worst]!;
    current = withSheet(current, worst, { ...s, fills: s.fills.slice(1) });
    dropped = true;
  }
  return { state: current, droppedFills: dropped };
}
