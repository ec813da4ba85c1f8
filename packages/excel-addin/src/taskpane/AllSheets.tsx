/** Per-sheet summary of "Kiểm tra tất cả các trang". */
import {
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { listLayouts, type Report } from '@phuluc/rules';
import { coverageState, uncheckedTitle } from './Coverage.js';
import { useI18n } from './i18n.js';
import { SEVERITY_COLORS } from './severity.js';

const useStyles = makeStyles({
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', width: '3.5em' },
  wrap: { overflowX: 'auto' },
  zero: { color: tokens.colorNeutralForeground4 },
  notChecked: { display: 'block', color: tokens.colorStatusWarningForeground3 },
});

export function AllSheets(props: { reports: readonly Report[]; onOpen: (sheet: string) => void }) {
  const i18n = useI18n();
  const { tr, lang } = i18n;
  const styles = useStyles();
  const titles = new Map(listLayouts().map((l) => [l.id, l.title[lang]]));
  const count = (n: number, color: string) => (
    <span
      className={n === 0 ? styles.zero : undefined}
      style={n > 0 ? { color, fontWeight: 600 } : undefined}
    >
      {n}
    </span>
  );
  // A row of zeros must not read as clean where the sheet, or some of its columns, went unchecked.
  const notChecked = (r: Report) => {
    const state = coverageState(r);
    const text =
      state.unchecked.length > 0
        ? uncheckedTitle(i18n, state.unchecked.length)
        : state.sheetNotChecked
          ? tr('pane.coverage.sheetShort')
          : null;
    return (
      text && (
        <Text size={100} className={styles.notChecked} data-not-checked={r.sheet}>
          {text}
        </Text>
      )
    );
  };
  return (
    <section aria-label={tr('pane.all.title')} data-panel="all-sheets" className={styles.wrap}>
      <Text weight="semibold">{tr('pane.all.title')}</Text>
      <Table size="small" aria-label={tr('pane.all.title')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{tr('pane.all.sheet')}</TableHeaderCell>
            <TableHeaderCell>{tr('pane.all.layout')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{tr('pane.all.errors')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{tr('pane.all.warnings')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{tr('pane.all.infos')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.reports.map((r) => (
            <TableRow key={r.sheet} data-sheet-row={r.sheet}>
              <TableCell>
                <Link
                  as="button"
                  onClick={() => props.onOpen(r.sheet)}
                  title={tr('pane.all.open', { sheet: r.sheet })}
                >
                  {r.sheet}
                </Link>
                {notChecked(r)}
              </TableCell>
              <TableCell>
                {r.layout ? (titles.get(r.layout) ?? r.layout) : tr('pane.all.noLayout')}
              </TableCell>
              <TableCell className={styles.num}>
                {count(r.summary.errors, SEVERITY_COLORS.error.strong)}
              </TableCell>
              <TableCell className={styles.num}>
                {count(r.summary.warnings, SEVERITY_COLORS.warning.strong)}
              </TableCell>
              <TableCell className={styles.num}>
                {count(r.summary.infos, SEVERITY_COLORS.info.strong)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
