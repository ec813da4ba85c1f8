/** Issues grouped by severity with counts; clicking one selects its cell. */
import { makeStyles, tokens, Text } from '@fluentui/react-components';
import { formatValue, type Issue, type Report, type Severity } from '@phuluc/rules';
import { CheckedColumns, CoverageNotice, coverageState } from './Coverage.js';
import { useI18n } from './i18n.js';
import { issueListStyle, issueRowStyle } from './styles.js';
import { SEVERITY_COLORS } from './severity.js';

const useStyles = makeStyles({
  verdict: { display: 'flex', flexDirection: 'column', gap: '6px' },
  group: { marginTop: '4px' },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: '4px',
  },
  dot: { width: '10px', height: '10px', borderRadius: '50%', flexShrink: 0 },
  list: issueListStyle,
  item: {
    ...issueRowStyle,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: '3.2em',
  },
  detail: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: '2px' },
});

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function IssueList(props: {
  report: Report;
  selected: string | null;
  onSelect: (issue: Issue) => void;
}) {
  const { tr, lang } = useI18n();
  const styles = useStyles();
  const { report } = props;
  const coverage = coverageState(report);
  if (report.issues.length === 0) {
    // "No issues" only where every numeric column read was checked; otherwise say how far it went.
    return (
      <div className={styles.verdict}>
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
  return (
    <div className={styles.verdict}>
      <Text weight="semibold" data-testid="issues-verdict">
        {tr('pane.issues.summary', {
          errors: report.summary.errors,
          warnings: report.summary.warnings,
          infos: report.summary.infos,
        })}
      </Text>
      <CoverageNotice report={report} />
      {ORDER.map((severity) => {
        const issues = report.issues.filter((i) => i.severity === severity);
        if (issues.length === 0) return null;
        const label = tr(`pane.severity.${severity}`);
        return (
          <section key={severity} className={styles.group} data-group={severity}>
            <h3
              className={styles.heading}
              style={{ margin: '0 0 4px', fontSize: tokens.fontSizeBase300 }}
            >
              <span
                className={styles.dot}
                style={{ backgroundColor: SEVERITY_COLORS[severity].strong }}
              />
              {tr('pane.severity.group', { label, count: issues.length })}
            </h3>
            <ul className={styles.list}>
              {issues.map((issue, i) => {
                const detail =
                  issue.expected !== undefined && issue.actual !== undefined
                    ? tr('pane.issues.expected', {
                        expected: formatValue(issue.expected, lang),
                        actual: formatValue(issue.actual, lang),
                      })
                    : null;
                const key = `${issue.code}-${issue.cell}-${i}`;
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className={`${styles.item} ${props.selected === issue.cell ? styles.active : ''}`}
                      style={{ borderLeftColor: SEVERITY_COLORS[severity].strong }}
                      data-issue-cell={issue.cell}
                      data-severity={severity}
                      data-code={issue.code}
                      title={tr('pane.issues.select', { cell: issue.cell })}
                      onClick={() => props.onSelect(issue)}
                    >
                      <span className={styles.cell}>{issue.cell}</span>
                      <span>
                        {issue.message[lang]}
                        {detail && <span className={styles.detail}>{detail}</span>}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <CheckedColumns report={report} />
    </div>
  );
}
