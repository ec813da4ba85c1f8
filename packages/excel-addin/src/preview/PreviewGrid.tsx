/**
 * The browser preview's sheet view: sheet tabs and a windowed grid of the active sheet (only the
 * rows in view are in the page, so every row of a 20 000-row sheet is reachable), with the
 * issues' cells highlighted by colour, icon and word (data-cell, data-severity) and the selected
 * cell scrolled to. The grid is an ARIA grid with one tab stop: arrow keys, Page Up/Down,
 * Home/End and Ctrl+Home/End move the focused cell.
 */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  startTransition,
  type KeyboardEvent,
} from 'react';
import {
  columnLetters,
  formatNumber,
  toA1,
  type Cell,
  type MergeRange,
  type Severity,
} from '@phuluc/rules';
import { useI18n } from '../taskpane/i18n.js';
import { SEVERITY_COLORS } from '../taskpane/severity.js';
import { SeverityIcon } from '../taskpane/SeverityIcon.js';
import type { PreviewSource, SheetView } from '../workbook/types.js';
import { SheetTabs } from './SheetTabs.js';
import { srOnlyStyle } from '../taskpane/styles.js';

/** Every row is this tall (text that does not fit is cut, the full text in its title). */
export const ROW_HEIGHT = 24;
const HEAD_HEIGHT = 24;
const OVERSCAN = 8;
const ROW_HEAD_WIDTH = 56;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    height: '100%',
    gap: '6px',
    minWidth: 0,
  },
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    minHeight: 0,
    position: 'relative',
    // Layout and paint stay inside the scroller: a 20 000-row sheet costs what its view costs.
    contain: 'strict',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#fff',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: 'collapse',
    fontFamily: 'Calibri, "Segoe UI", Arial, sans-serif',
    fontSize: '13px',
    tableLayout: 'fixed',
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${HEAD_HEIGHT}px`,
    boxSizing: 'border-box',
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 400,
    border: '1px solid #d4d4d4',
    padding: '2px 4px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#f3f3f3',
    color: '#444',
    border: '1px solid #d4d4d4',
    textAlign: 'center',
    padding: '0 4px',
    fontWeight: 400,
  },
  corner: { left: 0, zIndex: 3 },
  row: { height: `${ROW_HEIGHT}px` },
  cell: {
    border: '1px solid #e1e1e1',
    padding: '0 6px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  selected: { outline: '2px solid #107c41', outlineOffset: '-2px' },
  mark: { display: 'inline-flex', verticalAlign: 'middle', marginRight: '3px' },
  srOnly: srOnlyStyle,
  note: { color: tokens.colorNeutralForeground3 },
});

function decimalsOf(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const m = /\.(0+)/.exec(numFmt.split(';')[0] ?? '');
  return m ? m[1]!.length : /[#0]/.test(numFmt) ? 0 : undefined;
}

/** How a cell reads on screen: numbers the vi-VN way, percentages with their format's decimals. */
export function displayValue(cell: Cell | null | undefined, lang: 'vi' | 'en'): string {
  if (!cell) return '';
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  try {
    const decimals = decimalsOf(cell.numFmt);
    if (cell.numFmt?.includes('%')) return `${formatNumber(String(v * 100), { lang, decimals })}%`;
    return formatNumber(String(v), { lang, decimals });
  } catch {
    return String(v);
  }
}

/** Row and column (0-based) of an A1 address. */
export function decodeCell(a1: string): { row: number; col: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * What the rows `first`..`last` (exclusive) show of the merged areas: each area meeting the
 * window is drawn from its first row in the window, spanning what is left of it there.
 */
export function windowMerges(merges: readonly MergeRange[], first: number, last: number) {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of merges) {
    if (m.bottom < first || m.top >= last) continue;
    const top = Math.max(m.top, first);
    const bottom = Math.min(m.bottom, last - 1);
    spans.set(toA1(top, m.left), { rowSpan: bottom - top + 1, colSpan: m.right - m.left + 1 });
    for (let r = top; r <= bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== top || c !== m.left) covered.add(toA1(r, c));
  }
  return { covered, spans };
}

/** Column widths from the text of the rows loaded so far (first block), 64–260 px. */
function widthsOf(view: SheetView, cols: number, lang: 'vi' | 'en'): number[] {
  const widths = Array.from({ length: cols }, () => 72);
  const sample = Math.min(view.rows, 60);
  for (let r = 0; r < sample; r++) {
    const row = view.row(r);
    if (!row) continue;
    row.forEach((cell, c) => {
      const text = displayValue(cell, lang);
      if (text.length > 60) return; // a title line spanning the sheet
      // 7.5 px a character of 13 px Calibri, the padding, and room for a severity icon.
      widths[c] = Math.max(widths[c]!, Math.min(260, 32 + Math.ceil(text.length * 7.5)));
    });
  }
  return widths;
}

/**
 * One row of the grid. Memoised on what it shows — its cells (kept by the source until they
 * change), and its marks, merges, selected and focused cell as plain values — so a change to one
 * row (a mark, the focus) renders that row only.
 */
const GridRow = memo(function GridRow(props: {
  r: number;
  cells: readonly (Cell | null | undefined)[] | undefined;
  cols: number;
  /** `col:severity;` for each marked cell. */
  marked: string;
  /** `col-;` for each cell a merged area covers, `col:rowsxcols;` for each area drawn here. */
  merged: string;
  selectedCol: number;
  activeCol: number;
  lang: 'vi' | 'en';
  labels: Readonly<Record<Severity, string>>;
}) {
  const styles = useStyles();
  const { r, cells } = props;
  const marks = new Map<number, Severity>();
  for (const m of props.marked.split(';')) {
    const [c, severity] = m.split(':');
    if (c && severity) marks.set(Number(c), severity as Severity);
  }
  const covered = new Set<number>();
  const spans = new Map<number, { rowSpan: number; colSpan: number }>();
  for (const m of props.merged.split(';')) {
    if (!m) continue;
    if (m.endsWith('-')) covered.add(Number(m.slice(0, -1)));
    else {
      const [c, size] = m.split(':');
      const [rowSpan, colSpan] = size!.split('x').map(Number);
      spans.set(Number(c), { rowSpan: rowSpan!, colSpan: colSpan! });
    }
  }
  const tds = [];
  for (let c = 0; c < props.cols; c++) {
    if (covered.has(c)) continue;
    const addr = toA1(r, c);
    const cell = cells?.[c];
    const severity = marks.get(c);
    const span = spans.get(c);
    const text = displayValue(cell, props.lang);
    const style = cell?.style;
    const isSelected = props.selectedCol === c;
    tds.push(
      <td
        key={c}
        role="gridcell"
        data-cell={addr}
        data-severity={severity}
        data-selected={isSelected ? 'true' : undefined}
        aria-selected={isSelected}
        aria-colindex={c + 2}
        tabIndex={props.activeCol === c ? 0 : -1}
        rowSpan={span?.rowSpan}
        colSpan={span?.colSpan}
        title={cell?.formula ? `=${cell.formula}` : text.length > 12 ? text : undefined}
        className={mergeClasses(
          styles.cell,
          typeof cell?.value === 'number' && styles.number,
          isSelected && styles.selected,
        )}
        style={{
          backgroundColor: severity ? SEVERITY_COLORS[severity].fill : undefined,
          fontWeight: style?.bold ? 700 : undefined,
          fontStyle: style?.italic ? 'italic' : undefined,
          textAlign: style?.align,
        }}
      >
        {severity && (
          <span className={styles.mark}>
            <SeverityIcon severity={severity} size={11} />
            <span className={styles.srOnly}>{props.labels[severity]}: </span>
          </span>
        )}
        {text}
      </td>,
    );
  }
  return (
    <tr className={styles.row} aria-rowindex={r + 2}>
      <th className={styles.rowHead} scope="row" role="rowheader">
        {r + 1}
      </th>
      {tds}
    </tr>
  );
});

function SheetTable(props: { source: PreviewSource; sheet: string; version: number }) {
  const { tr, lang } = useI18n();
  const styles = useStyles();
  const { source, sheet } = props;
  const view = source.viewOf(sheet);
  const marks = source.marksOf(sheet);
  const sel = source.selection();
  const selectedCell = sel && sel.sheet === sheet ? sel.cell : null;
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActiveState] = useState({ row: 0, col: 0 });
  // The focused cell as the keyboard last moved it: quick key presses build on each other even
  // before the grid has drawn the last one.
  const activeRef = useRef(active);
  const setActive = (at: { row: number; col: number }) => {
    activeRef.current = at;
    setActiveState(at);
  };
  const focusPending = useRef(false);
  const labels = useMemo<Record<Severity, string>>(
    () => ({
      error: tr('pane.severity.error'),
      warning: tr('pane.severity.warning'),
      info: tr('pane.severity.info'),
    }),
    [tr],
  );

  let cols = view.cols;
  for (const cell of marks.keys()) {
    const at = decodeCell(cell);
    if (at) cols = Math.max(cols, at.col + 1);
  }
  const rows = view.rows;
  const firstLoaded = view.row(0) !== undefined;
  const widths = useMemo(() => widthsOf(view, cols, lang), [sheet, cols, lang, firstLoaded]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => el.clientHeight > 0 && setHeight(el.clientHeight);
    measure();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  /** Scroll the scroller (never the page) so that a cell is in view. */
  const reveal = (row: number, col: number, center: boolean) => {
    const el = scroller.current;
    if (!el) return;
    const y = HEAD_HEIGHT + row * ROW_HEIGHT;
    const view = el.clientHeight - HEAD_HEIGHT;
    if (center) el.scrollTop = Math.max(0, y - HEAD_HEIGHT - view / 2);
    else if (y - HEAD_HEIGHT < el.scrollTop) el.scrollTop = y - HEAD_HEIGHT;
    else if (y + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = y + ROW_HEIGHT - el.clientHeight;
    let x = ROW_HEAD_WIDTH;
    for (let c = 0; c < col; c++) x += widths[c] ?? 72;
    const w = widths[col] ?? 72;
    if (x - ROW_HEAD_WIDTH < el.scrollLeft) el.scrollLeft = x - ROW_HEAD_WIDTH;
    else if (x + w > el.scrollLeft + el.clientWidth) el.scrollLeft = x + w - el.clientWidth;
    setTop(el.scrollTop);
  };

  // An issue picked in the pane: its cell becomes the grid's active cell, centred in view.
  useEffect(() => {
    if (!selectedCell) return;
    const at = decodeCell(selectedCell);
    if (!at) return;
    setActive(at);
    reveal(at.row, at.col, true);
  }, [selectedCell, sheet]);

  useEffect(() => {
    if (!focusPending.current) return;
    const td = scroller.current?.querySelector<HTMLElement>(
      `[data-cell="${toA1(activeRef.current.row, activeRef.current.col)}"]`,
    );
    if (td) {
      focusPending.current = false;
      td.focus({ preventScroll: true });
    }
  });

  if (rows === 0) return <Text>{tr('pane.preview.empty')}</Text>;

  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const { covered, spans } = windowMerges(view.merges, first, last);
  const page = Math.max(1, Math.floor((height - HEAD_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    let { row, col } = activeRef.current;
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowDown':
        row++;
        break;
      case 'ArrowUp':
        row--;
        break;
      case 'ArrowRight':
        col++;
        break;
      case 'ArrowLeft':
        col--;
        break;
      case 'PageDown':
        row += page;
        break;
      case 'PageUp':
        row -= page;
        break;
      case 'Home':
        col = 0;
        if (ctrl) row = 0;
        break;
      case 'End':
        col = cols - 1;
        if (ctrl) row = rows - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    row = Math.max(0, Math.min(rows - 1, row));
    col = Math.max(0, Math.min(cols - 1, col));
    // A merged area's covered cells are not drawn: land on its anchor.
    for (const m of view.merges)
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) {
        if (row > m.top && !(row === first && m.top < first)) row = m.top;
        col = m.left;
      }
    setActive({ row, col });
    focusPending.current = true;
    reveal(row, col, false);
  };

  const body = [];
  for (let r = first; r < last; r++) {
    // What this row shows beyond its cells, as strings: an unchanged row is not rendered again.
    let marked = '';
    let merged = '';
    for (let c = 0; c < cols; c++) {
      const addr = toA1(r, c);
      const severity = marks.get(addr);
      if (severity) marked += `${c}:${severity};`;
      if (covered.has(addr)) merged += `${c}-;`;
      const span = spans.get(addr);
      if (span) merged += `${c}:${span.rowSpan}x${span.colSpan};`;
    }
    const at = (cell: string | null) => {
      const d = cell ? decodeCell(cell) : null;
      return d && d.row === r ? d.col : -1;
    };
    body.push(
      <GridRow
        key={r}
        r={r}
        cells={view.row(r)}
        cols={cols}
        marked={marked}
        merged={merged}
        selectedCol={at(selectedCell)}
        activeCol={active.row === r ? active.col : -1}
        lang={lang}
        labels={labels}
      />,
    );
  }

  return (
    <>
      <div
        className={styles.scroller}
        ref={scroller}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        data-grid-scroller="true"
      >
        <table
          role="grid"
          className={styles.table}
          aria-label={tr('pane.preview.gridLabel', { sheet })}
          aria-describedby="phuluc-grid-help"
          aria-rowcount={rows + 1}
          aria-colcount={cols + 1}
          data-sheet={sheet}
          onKeyDown={onKeyDown}
          style={{ width: ROW_HEAD_WIDTH + widths.reduce((a, b) => a + b, 0) }}
        >
          <colgroup>
            <col style={{ width: ROW_HEAD_WIDTH }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th
                className={mergeClasses(styles.head, styles.corner)}
                role="columnheader"
                scope="col"
              >
                <span className={styles.srOnly}>{tr('pane.preview.corner')}</span>
              </th>
              {Array.from({ length: cols }, (_, c) => (
                <th
                  key={c}
                  className={styles.head}
                  scope="col"
                  role="columnheader"
                  aria-colindex={c + 2}
                >
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && (
              <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={cols + 1} style={{ padding: 0, border: 'none' }} />
              </tr>
            )}
            {body}
            {last < rows && (
              <tr aria-hidden="true" style={{ height: (rows - last) * ROW_HEIGHT }}>
                <td colSpan={cols + 1} style={{ padding: 0, border: 'none' }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Text size={200} className={styles.note} id="phuluc-grid-help">
        {tr('pane.preview.rows', { rows: rows.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US') })}.{' '}
        {tr('pane.preview.gridHelp')}
      </Text>
    </>
  );
}

export function PreviewGrid(props: { source: PreviewSource }) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { source } = props;
  // Changes (marks, rows arriving, a fill) re-render in a transition: in slices, never a freeze.
  const [version, setVersion] = useState(() => source.version());
  useEffect(
    () => source.subscribe(() => startTransition(() => setVersion(source.version()))),
    [source],
  );
  // The table mounts one step after the tabs (and the pane beside them): two smaller commits
  // instead of one large one when a file opens.
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  const sheet = source.currentSheet();
  const names = source.listSheetNames();
  return (
    <div className={styles.root}>
      <SheetTabs
        names={names}
        selected={sheet}
        label={tr('pane.preview.sheets')}
        onSelect={(n) => void source.activateSheet(n)}
      />
      {ready && sheet && <SheetTable key={sheet} source={source} sheet={sheet} version={version} />}
    </div>
  );
}
