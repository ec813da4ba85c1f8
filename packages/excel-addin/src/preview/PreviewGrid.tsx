/**
 * The browser preview's sheet view: sheet tabs and a plain HTML table of the active sheet, with
 * the issues' cells highlighted (data-cell, data-severity) and the selected cell scrolled to.
 */
import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import {
  columnLetters,
  formatNumber,
  toA1,
  type Cell,
  type Grid,
  type MergeRange,
} from '@phuluc/rules';
import { useI18n } from '../taskpane/i18n.js';
import { SEVERITY_COLORS } from '../taskpane/severity.js';
import type { PreviewSource } from '../workbook/types.js';

const MAX_ROWS = 1000;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', gap: '6px' },
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    minHeight: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#fff',
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
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 400,
    border: '1px solid #d4d4d4',
    padding: '2px 4px',
    minWidth: '40px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#f3f3f3',
    color: '#444',
    border: '1px solid #d4d4d4',
    textAlign: 'center',
    padding: '0 6px',
    minWidth: '32px',
  },
  corner: { left: 0, zIndex: 3 },
  cell: {
    border: '1px solid #e1e1e1',
    padding: '2px 6px',
    whiteSpace: 'pre-wrap',
    verticalAlign: 'top',
    maxWidth: '320px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  selected: { outline: '2px solid #107c41', outlineOffset: '-2px' },
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

function coverage(merges: readonly MergeRange[]) {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of merges) {
    spans.set(toA1(m.top, m.left), {
      rowSpan: m.bottom - m.top + 1,
      colSpan: m.right - m.left + 1,
    });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(toA1(r, c));
  }
  return { covered, spans };
}

function SheetTable(props: { grid: Grid; source: PreviewSource; sheet: string }) {
  const { tr, lang } = useI18n();
  const styles = useStyles();
  const { grid, source, sheet } = props;
  const marks = source.marksOf(sheet);
  const sel = source.selection();
  const selectedCell = sel && sel.sheet === sheet ? sel.cell : null;
  const scroller = useRef<HTMLDivElement>(null);

  const version = source.version();
  useEffect(() => {
    if (!selectedCell || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-cell="${selectedCell}"]`);
    el?.scrollIntoView?.({ block: 'center', inline: 'center', behavior: 'auto' });
  }, [selectedCell, version]);

  const rows = grid.cells.length;
  if (rows === 0) return <Text>{tr('pane.preview.empty')}</Text>;
  let cols = 0;
  for (const row of grid.cells) cols = Math.max(cols, row.length);
  for (const m of grid.merges) cols = Math.max(cols, m.right + 1);
  for (const cell of marks.keys()) {
    const m = /^[A-Z]+/.exec(cell);
    if (m) cols = Math.max(cols, columnIndexOf(m[0]) + 1);
  }
  const shownRows = Math.min(rows, MAX_ROWS);
  const { covered, spans } = coverage(grid.merges);

  return (
    <>
      <div className={styles.scroller} ref={scroller}>
        <table
          className={styles.table}
          aria-label={tr('pane.preview.gridLabel', { sheet })}
          data-sheet={sheet}
        >
          <thead>
            <tr>
              <th className={`${styles.head} ${styles.corner}`} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: shownRows }, (_, r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const addr = toA1(r, c);
                  if (covered.has(addr)) return null;
                  const cell = grid.cells[r]?.[c];
                  const severity = marks.get(addr);
                  const span = spans.get(addr);
                  const isNumber = typeof cell?.value === 'number';
                  const style = cell?.style;
                  return (
                    <td
                      key={c}
                      data-cell={addr}
                      data-severity={severity}
                      data-selected={selectedCell === addr ? 'true' : undefined}
                      aria-selected={selectedCell === addr ? true : undefined}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      title={cell?.formula ? `=${cell.formula}` : undefined}
                      className={`${styles.cell} ${isNumber ? styles.number : ''} ${selectedCell === addr ? styles.selected : ''}`}
                      style={{
                        backgroundColor: severity ? SEVERITY_COLORS[severity].fill : undefined,
                        fontWeight: style?.bold ? 700 : undefined,
                        fontStyle: style?.italic ? 'italic' : undefined,
                        textAlign: style?.align,
                      }}
                    >
                      {displayValue(cell, lang)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows > MAX_ROWS && (
        <Text className={styles.note}>{tr('pane.preview.truncated', { rows: MAX_ROWS })}</Text>
      )}
    </>
  );
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function PreviewGrid(props: { source: PreviewSource }) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { source } = props;
  useSyncExternalStore(
    (l) => source.subscribe(l),
    () => source.version(),
  );
  const sheet = source.currentSheet();
  const names = source.listSheetNames();
  return (
    <div className={styles.root}>
      <TabList
        size="small"
        selectedValue={sheet}
        aria-label={tr('pane.preview.sheets')}
        onTabSelect={(_e, d) => void source.activateSheet(String(d.value))}
      >
        {names.map((n) => (
          <Tab key={n} value={n} data-sheet-tab={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      {sheet && <SheetTable grid={source.gridOf(sheet)} source={source} sheet={sheet} />}
    </div>
  );
}
