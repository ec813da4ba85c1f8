/**
 * What a report checked of its sheet, said plainly: the numeric columns no check covered (and
 * why), a sheet whose figures were not checked at all, and, folded away, the columns that were
 * checked and by what. A sheet with unchecked columns never reads as clean.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type {
  CheckedColumn,
  RelationKind,
  Report,
  UncheckedColumn,
  UnconfirmedRelation,
} from '@phuluc/rules';
import { useI18n, type I18n } from './i18n.js';

/** The order kinds are named in: down the column, across the row, then the rest. */
const KIND_ORDER: readonly RelationKind[] = [
  'foot',
  'sum',
  'of-which',
  'difference',
  'rate',
  'flow',
  'range',
  'direction',
];

/** How much of a sheet a report checked, as the pane tells it. */
export interface CoverageState {
  /** Numeric columns no check covered. */
  readonly unchecked: readonly UncheckedColumn[];
  readonly checked: readonly CheckedColumn[];
  /** Relations the header states that the figures bear out on too few rows to check. */
  readonly unconfirmed: readonly UnconfirmedRelation[];
  /**
   * Nothing on the sheet was checked (its figures were not read, or no column was checked) and
   * neither an error nor an unchecked column says so.
   */
  readonly sheetNotChecked: boolean;
  /**
   * The report may say "no issues" without more: every numeric column it read was checked, and
   * every relation its header states.
   */
  readonly fullyChecked: boolean;
}

export function coverageState(report: Report): CoverageState {
  const { read, checked, unchecked, unconfirmed } = report.coverage;
  const nothingChecked = !read || checked.length === 0;
  return {
    unchecked,
    checked,
    unconfirmed,
    sheetNotChecked: nothingChecked && unchecked.length === 0 && report.summary.errors === 0,
    fullyChecked: !nothingChecked && unchecked.length === 0 && unconfirmed.length === 0,
  };
}

/** "cột J "Ghi chú số"", or "cột J" for a column with no header. */
export function columnName(i18n: I18n, column: { column: string; header: string }): string {
  return column.header
    ? i18n.tr('pane.coverage.column', { column: column.column, header: column.header })
    : i18n.tr('pane.coverage.columnBare', { column: column.column });
}

/** "Không kiểm tra được 2 cột" / "2 columns not checked". */
export function uncheckedTitle(i18n: I18n, count: number): string {
  return count === 1
    ? i18n.tr('pane.coverage.uncheckedOne')
    : i18n.tr('pane.coverage.unchecked', { count });
}

function kindsOf(i18n: I18n, column: CheckedColumn): string {
  const kinds = new Set(column.relations.map((r) => r.kind));
  return KIND_ORDER.filter((k) => kinds.has(k))
    .map((k) => i18n.tr(`pane.relation.${k}`))
    .join(', ');
}

const useStyles = makeStyles({
  list: {
    margin: '4px 0 0',
    paddingLeft: '16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  body: { overflowWrap: 'anywhere' },
  checked: { marginTop: '8px' },
  checkedList: {
    margin: 0,
    paddingLeft: '16px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

/** The warnings: a sheet not checked, and the columns not checked with why. */
export function CoverageNotice(props: { report: Report }) {
  const i18n = useI18n();
  const styles = useStyles();
  const state = coverageState(props.report);
  return (
    <>
      {state.sheetNotChecked && (
        <MessageBar intent="warning" layout="multiline" data-testid="coverage-sheet">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>
              {i18n.tr('pane.coverage.sheetNotChecked', { sheet: props.report.sheet })}
            </MessageBarTitle>{' '}
            {i18n.tr('pane.coverage.noTable')}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.unchecked.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="coverage-unchecked">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{uncheckedTitle(i18n, state.unchecked.length)}</MessageBarTitle>
            <ul className={styles.list}>
              {state.unchecked.map((c) => (
                <li key={c.column} data-unchecked-column={c.column} data-reason={c.reason}>
                  {i18n.tr('pane.coverage.uncheckedLine', {
                    column: columnName(i18n, c),
                    reason: i18n.tr(`pane.coverage.reason.${c.reason}`),
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.unconfirmed.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="coverage-unconfirmed">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{i18n.tr('pane.coverage.unconfirmed')}</MessageBarTitle>
            <ul className={styles.list}>
              {state.unconfirmed.map((u) => (
                <li key={u.formula} data-unconfirmed={u.formula}>
                  {i18n.tr('pane.coverage.unconfirmedLine', { ...u })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** "Đã kiểm tra 7 cột", folded: each checked column with the kinds of check that read it. */
export function CheckedColumns(props: { report: Report }) {
  const i18n = useI18n();
  const styles = useStyles();
  const { checked } = coverageState(props.report);
  if (checked.length === 0) return null;
  const title =
    checked.length === 1
      ? i18n.tr('pane.coverage.checkedOne')
      : i18n.tr('pane.coverage.checked', { count: checked.length });
  return (
    <Accordion collapsible className={styles.checked} data-testid="coverage-checked">
      <AccordionItem value="checked">
        <AccordionHeader size="small">{title}</AccordionHeader>
        <AccordionPanel>
          <ul className={styles.checkedList}>
            {checked.map((c) => (
              <li key={c.column} data-checked-column={c.column}>
                {i18n.tr('pane.coverage.checkedLine', {
                  column: columnName(i18n, c),
                  kinds: kindsOf(i18n, c),
                })}
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
