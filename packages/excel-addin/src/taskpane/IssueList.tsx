/**
 * Issues grouped by severity with counts; clicking one selects its cell. Each group folds
 * (notes fold by default when there are hundreds); a group of more than {@link WINDOW_OVER}
 * issues is windowed — only the rows in view are in the page — and arrow keys move between
 * issues in any group, so every issue stays reachable by keyboard.
 */
import { makeStyles, mergeClasses, tokens, Text } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Issue, Report, Severity } from '@phuluc/rules';
import { CheckedColumns, CoverageNotice, coverageState } from './Coverage.js';
import { ChevronIcon } from './Glyphs.js';
import { expectedActual, useI18n } from './i18n.js';
import { SeverityIcon } from './SeverityIcon.js';
import { issueListStyle, issueRowStyle, srOnlyStyle } from './styles.js';
import { SEVERITY_COLORS } from './severity.js';

/** Groups longer than this are windowed. */
export const WINDOW_OVER = 100;
/** Notes fold by default from this many on. */
export const FOLD_INFOS_FROM = 100;
/** Height of one windowed row, in pixels (its text is clamped to fit). */
const ROW_HEIGHT = 76;
/** Rows rendered above and below the ones in view. */
const OVERSCAN = 4;

const useStyles = makeStyles({
  verdict: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  group: { marginTop: '4px', minWidth: 0 },
  heading: { margin: '0 0 4px', fontSize: tokens.fontSizeBase300 },
  toggle: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    width: '100%',
    padding: '4px 2px',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    textAlign: 'left',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  list: issueListStyle,
  scroller: {
    maxHeight: '60vh',
    overflowY: 'auto',
    contain: 'content',
    position: 'relative',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    ...issueRowStyle,
    cursor: 'pointer',
    minWidth: 0,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  fixed: { height: `${ROW_HEIGHT - 4}px`, boxSizing: 'border-box', overflow: 'hidden' },
  clamp: {
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: '3.6em',
    display: 'flex',
    alignItems: 'flex-start',
    gap: '4px',
    flexShrink: 0,
  },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
  srOnly: srOnlyStyle,
  detail: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: '2px' },
});

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

interface RowProps {
  readonly issue: Issue;
  readonly index: number;
  readonly severity: Severity;
  readonly label: string;
  readonly selected: boolean;
  readonly fixed: boolean;
  readonly onSelect: (issue: Issue) => void;
}

function IssueRow(props: RowProps) {
  const i18n = useI18n();
  const { lang } = i18n;
  const styles = useStyles();
  const { issue, severity } = props;
  const detail = expectedActual(i18n, issue);
  const message = issue.message[lang];
  return (
    <button
      type="button"
      className={mergeClasses(
        styles.item,
        props.fixed && styles.fixed,
        props.selected && styles.active,
      )}
      style={{ borderLeftColor: SEVERITY_COLORS[severity].strong }}
      data-issue-cell={issue.cell}
      data-severity={severity}
      data-code={issue.code}
      data-index={props.index}
      aria-current={props.selected ? 'true' : undefined}
      title={props.fixed ? `${message}${detail ? `\n${detail}` : ''}` : undefined}
      onClick={() => props.onSelect(issue)}
    >
      <span className={styles.cell}>
        <SeverityIcon severity={severity} />
        {issue.cell}
      </span>
      <span className={styles.text}>
        <span className={styles.srOnly}>{props.label}: </span>
        <span className={props.fixed ? styles.clamp : undefined}>{message}</span>
        {detail && !props.fixed && <span className={styles.detail}>{detail}</span>}
      </span>
    </button>
  );
}

/** Move focus between the issue buttons of one list with the arrow keys, Home and End. */
function moveFocus(e: KeyboardEvent<HTMLElement>, count: number, go: (index: number) => void) {
  const at = Number((e.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index'));
  if (!Number.isFinite(at)) return;
  const to =
    e.key === 'ArrowDown'
      ? at + 1
      : e.key === 'ArrowUp'
        ? at - 1
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? count - 1
            : null;
  if (to === null) return;
  e.preventDefault();
  go(Math.max(0, Math.min(count - 1, to)));
}

function PlainGroup(
  props: Omit<RowProps, 'issue' | 'index' | 'selected' | 'fixed'> & {
    issues: readonly Issue[];
    selected: string | null;
  },
) {
  const styles = useStyles();
  const list = useRef<HTMLUListElement>(null);
  const focus = (i: number) =>
    list.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus();
  return (
    <ul
      className={styles.list}
      ref={list}
      onKeyDown={(e) => moveFocus(e, props.issues.length, focus)}
    >
      {props.issues.map((issue, i) => (
        <li key={`${issue.code}-${issue.cell}-${i}`}>
          <IssueRow
            issue={issue}
            index={i}
            severity={props.severity}
            label={props.label}
            selected={props.selected === issue.cell}
            fixed={false}
            onSelect={props.onSelect}
          />
        </li>
      ))}
    </ul>
  );
}

function WindowedGroup(
  props: Omit<RowProps, 'issue' | 'index' | 'selected' | 'fixed'> & {
    issues: readonly Issue[];
    selected: string | null;
  },
) {
  const { tr } = useI18n();
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(ROW_HEIGHT * 8);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const count = props.issues.length;
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    const el = scroller.current;
    if (el && el.clientHeight > 0) setHeight(el.clientHeight);
  }, []);

  useEffect(() => {
    if (pendingFocus === null) return;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus}"]`)?.focus();
    setPendingFocus(null);
  }, [pendingFocus, first, last]);

  const go = (i: number) => {
    const el = scroller.current;
    if (el) {
      const y = i * ROW_HEIGHT;
      if (y < el.scrollTop) el.scrollTop = y;
      else if (y + ROW_HEIGHT > el.scrollTop + el.clientHeight)
        el.scrollTop = y + ROW_HEIGHT - el.clientHeight;
      setTop(el.scrollTop);
    }
    setPendingFocus(i);
  };

  return (
    <div
      className={styles.scroller}
      ref={scroller}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      data-windowed="true"
    >
      <ul
        className={styles.list}
        style={{ height: count * ROW_HEIGHT, position: 'relative', gap: 0 }}
        aria-label={tr('pane.issues.listLabel', { label: props.label })}
        onKeyDown={(e) => moveFocus(e, count, go)}
      >
        {props.issues.slice(first, last).map((issue, k) => {
          const i = first + k;
          return (
            <li
              key={i}
              style={{
                position: 'absolute',
                top: i * ROW_HEIGHT,
                left: 0,
                right: 0,
                padding: '2px 4px',
              }}
              aria-setsize={count}
              aria-posinset={i + 1}
            >
              <IssueRow
                issue={issue}
                index={i}
                severity={props.severity}
                label={props.label}
                selected={props.selected === issue.cell}
                fixed
                onSelect={props.onSelect}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Group(props: {
  severity: Severity;
  issues: readonly Issue[];
  selected: string | null;
  onSelect: (issue: Issue) => void;
}) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { severity, issues } = props;
  const [open, setOpen] = useState(!(severity === 'info' && issues.length >= FOLD_INFOS_FROM));
  const label = tr(`pane.severity.${severity}`);
  const id = `issues-${severity}`;
  const Body = issues.length > WINDOW_OVER ? WindowedGroup : PlainGroup;
  return (
    <section className={styles.group} data-group={severity} aria-labelledby={`${id}-h`}>
      <h3 className={styles.heading} id={`${id}-h`}>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
          data-group-toggle={severity}
        >
          <ChevronIcon open={open} />
          <SeverityIcon severity={severity} />
          {tr('pane.severity.group', { label, count: issues.length })}
        </button>
      </h3>
      <div id={id} hidden={!open}>
        {open && (
          <Body
            issues={issues}
            severity={severity}
            label={label}
            selected={props.selected}
            onSelect={props.onSelect}
          />
        )}
      </div>
    </section>
  );
}

/**
 * The issues of a report. Memoised: the pane's own changes (busy, status) do not render a long
 * list again; pass a stable `onSelect`.
 */
export const IssueList = memo(function IssueList(props: {
  report: Report;
  selected: string | null;
  onSelect: (issue: Issue) => void;
}) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { report } = props;
  const coverage = coverageState(report);
  if (report.issues.length === 0) {
    // "No issues" only where every numeric column read was checked; otherwise say how far it went.
    return (
      <div className={styles.verdict} data-complete="true">
        {coverage.fullyChecked ? (
          <Text data-testid="issues-verdict">
            {tr('pane.issues.none', { sheet: report.sheet })}
          </Text>
        ) : (
          coverage.checked.length > 0 && (
            <Text data-testid="issues-verdict">
              {tr('pane.issues.noneInChecked', { sheet: report.sheet })}
            </Text>
          )
        )}
        <CoverageNotice report={report} />
        <CheckedColumns report={report} />
      </div>
    );
  }
  const bySeverity: Record<Severity, Issue[]> = { error: [], warning: [], info: [] };
  for (const issue of report.issues) bySeverity[issue.severity].push(issue);
  return (
    <Staged
      report={report}
      bySeverity={bySeverity}
      selected={props.selected}
      onSelect={props.onSelect}
    />
  );
});

/**
 * The list of a report with issues, put on screen in stages — the summary, then each group, then
 * the checked columns — each stage its own small commit, so a long report never holds the page.
 */
function Staged(props: {
  report: Report;
  bySeverity: Record<Severity, Issue[]>;
  selected: string | null;
  onSelect: (issue: Issue) => void;
}) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { report, bySeverity } = props;
  const [stage, setStage] = useState(0);
  // A new report starts again from the summary.
  const [shown, setShown] = useState(report);
  if (shown !== report) {
    setShown(report);
    setStage(0);
  }
  const last = ORDER.length + 1;
  useEffect(() => {
    if (stage < last) startTransition(() => setStage(stage + 1));
  }, [stage, last]);
  return (
    <div className={styles.verdict} data-complete={stage >= last}>
      <Text weight="semibold" data-testid="issues-verdict">
        {tr('pane.issues.summary', {
          errors: report.summary.errors,
          warnings: report.summary.warnings,
          infos: report.summary.infos,
        })}
      </Text>
      <CoverageNotice report={report} />
      {ORDER.map((severity, i) =>
        bySeverity[severity].length === 0 || stage <= i ? null : (
          <Group
            key={severity}
            severity={severity}
            issues={bySeverity[severity]}
            selected={props.selected}
            onSelect={props.onSelect}
          />
        ),
      )}
      {stage >= last && <CheckedColumns report={report} />}
    </div>
  );
}
