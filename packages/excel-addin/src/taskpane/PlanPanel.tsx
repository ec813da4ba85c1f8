/**
 * Cross-check the plan's text (Kế hoạch) against the active sheet: the user pastes the text (or,
 * in the browser preview, opens a .docx or .txt); the rules read its amounts, splits, total and
 * targets (`readPlan`) and compare them with the annex (`crossCheckPlan`). Clicking an issue
 * that has a cell selects it.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  Field,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import {
  crossCheckPlan,
  formatNumber,
  readPlan,
  type MessageKey,
  type Plan,
  type PlanIssue,
  type PlanLine,
} from '@phuluc/rules';
import { errorMessage, type ErrorMessage } from '../office/errors.js';
import { readPlanFile } from '../plan/plan-file.js';
import type { Workbook } from '../workbook/types.js';
import { expectedActual, renderError, useI18n } from './i18n.js';
import { quoteLine } from './plan-quote.js';
import { issueListStyle, issueRowStyle, panelStyle } from './styles.js';
import { SEVERITY_COLORS } from './severity.js';

const useStyles = makeStyles({
  panel: panelStyle,
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: issueListStyle,
  amount: { display: 'flex', gap: '8px', fontSize: tokens.fontSizeBase200 },
  code: { fontFamily: tokens.fontFamilyMonospace, minWidth: '6.5em' },
  issue: issueRowStyle,
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  where: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: '4.5em',
  },
  detail: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: '2px' },
  quote: {
    display: 'block',
    marginTop: '2px',
    fontStyle: 'italic',
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

interface Result {
  readonly sheet: string;
  /** The text compared: its lines are quoted beside the issues. */
  readonly text: string;
  readonly plan: Plan;
  readonly issues: readonly PlanIssue[];
}

export function PlanPanel(props: {
  workbook: Workbook;
  sheet: string;
  onSelectCell: (cell: string) => void;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { tr, lang } = i18n;
  const styles = useStyles();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const num = (v: string) => formatNumber(v, { lang });
  const unit = (u: string) => tr(`plan.unit.${u}` as MessageKey);

  const run = async (fn: () => Promise<void>) => {
    setWorking(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setWorking(false);
    }
  };

  const onCheck = () =>
    run(async () => {
      const grid = await props.workbook.readSheet(props.sheet);
      const plan = readPlan(text);
      setResult({
        sheet: props.sheet,
        text,
        plan,
        issues: [...plan.issues, ...crossCheckPlan(plan, grid)],
      });
    });

  const onPick = (file: File | undefined) =>
    run(async () => {
      if (!file) return;
      try {
        setText(await readPlanFile(file));
        setFileName(file.name);
        setResult(null);
      } finally {
        if (input.current) input.current.value = '';
      }
    });

  const amountLine = (l: PlanLine) => (
    <li
      key={`${l.line}-${l.subproject ?? l.project}`}
      className={styles.amount}
      data-plan-line={l.line}
    >
      <span className={styles.muted}>{tr('pane.plan.line', { line: l.line })}</span>
      <span className={styles.code}>{l.subproject ?? l.project}</span>
      <span>
        {num(l.amount)} {unit(l.unit)}
      </span>
    </li>
  );

  return (
    <section className={styles.panel} aria-label={tr('pane.plan.title')} data-panel="plan">
      <Text weight="semibold">{tr('pane.plan.title')}</Text>
      <Text size={200} className={styles.muted}>
        {tr('pane.plan.intro', { sheet: props.sheet })}
      </Text>
      {props.workbook.kind === 'preview' && (
        <div className={styles.actions}>
          <input
            ref={input}
            type="file"
            accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label={tr('pane.plan.fileLabel')}
            data-testid="plan-file-input"
            hidden
            onChange={(e) => void onPick(e.currentTarget.files?.[0])}
          />
          <Button size="small" disabled={working} onClick={() => input.current?.click()}>
            {tr('pane.plan.openFile')}
          </Button>
          {fileName && (
            <Text size={200} className={styles.muted} data-testid="plan-file-name">
              {tr('pane.plan.fileOpened', { name: fileName })}
            </Text>
          )}
        </div>
      )}
      <Field label={tr('pane.plan.textLabel')}>
        <Textarea
          value={text}
          onChange={(_e, d) => (setText(d.value), setResult(null))}
          placeholder={tr('pane.plan.placeholder')}
          resize="vertical"
          rows={6}
          data-testid="plan-text"
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={working || text.trim() === '' || !props.sheet}
          onClick={() => void onCheck()}
        >
          {tr('pane.plan.check')}
        </Button>
        <Button onClick={props.onClose}>{tr('pane.action.close')}</Button>
      </div>
      {error && (
        <MessageBar intent="error" data-testid="plan-error">
          <MessageBarBody>{renderError(i18n, error)}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <div data-testid="plan-result">
          {result.plan.lines.length === 0 && !result.plan.total ? (
            <Text>{tr('pane.plan.noAmounts')}</Text>
          ) : (
            <>
              <Text weight="semibold" block>
                {tr('pane.plan.amounts', { count: result.plan.lines.length })}
              </Text>
              <ul className={styles.list}>
                {result.plan.lines.map(amountLine)}
                {result.plan.total && (
                  <li className={styles.amount} data-plan-line={result.plan.total.line}>
                    <span className={styles.muted}>
                      {tr('pane.plan.line', { line: result.plan.total.line })}
                    </span>
                    <span className={styles.code}>{tr('pane.plan.total')}</span>
                    <span>
                      {num(result.plan.total.amount)} {unit(result.plan.total.unit)}
                    </span>
                  </li>
                )}
              </ul>
            </>
          )}
          <Text weight="semibold" block style={{ marginTop: 8 }}>
            {tr('pane.plan.issues')}
          </Text>
          {result.issues.length === 0 ? (
            <Text data-testid="plan-agree">{tr('pane.plan.agree', { sheet: result.sheet })}</Text>
          ) : (
            <ul className={styles.list}>
              {result.issues.map((issue, i) => {
                const where =
                  issue.cell || (issue.line > 0 ? tr('pane.plan.line', { line: issue.line }) : '');
                const detail = expectedActual(i18n, issue);
                const quote = quoteLine(result.text, issue.line);
                const body = (
                  <>
                    <span className={styles.where}>{where}</span>
                    <span>
                      {issue.message[lang]}
                      {detail && <span className={styles.detail}>{detail}</span>}
                      {quote && (
                        <q className={styles.quote} data-testid="plan-quote">
                          {quote}
                        </q>
                      )}
                    </span>
                  </>
                );
                const style = { borderLeftColor: SEVERITY_COLORS[issue.severity].strong };
                const data = {
                  'data-code': issue.code,
                  'data-severity': issue.severity,
                  'data-line': issue.line,
                  'data-issue-cell': issue.cell,
                };
                return (
                  <li key={`${issue.code}-${issue.cell}-${issue.line}-${i}`}>
                    {issue.cell ? (
                      <button
                        type="button"
                        className={`${styles.issue} ${styles.clickable}`}
                        style={style}
                        title={tr('pane.issues.select', { cell: issue.cell })}
                        onClick={() => props.onSelectCell(issue.cell)}
                        {...data}
                      >
                        {body}
                      </button>
                    ) : (
                      <div className={styles.issue} style={style} {...data}>
                        {body}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
