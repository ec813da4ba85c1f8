/**
 * The fill preview: every cell the fill will write, grouped by kind, with what it holds now and
 * exactly what it will hold — the same list {@link plannedWrites} gives the confirm button to
 * write. Open warnings that feed the totals are named before anything is written.
 */
import { Button, Checkbox, makeStyles, tokens, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import {
  cellWritesOf,
  formatValue,
  groupPlannedWrites,
  isMessageKey,
  type CellContent,
  type CellWrite,
  type FedWarning,
  type Issue,
  type PlannedContent,
  type PlannedWrite,
} from '@phuluc/rules';
import { fedWarnings, plannedWrites, type FillPlan } from '../engine/fill-plan.js';
import { useI18n, type I18n } from './i18n.js';
import { panelStyle } from './styles.js';

/** Cells listed per group; the rest are counted. */
const SHOWN = 60;

const useStyles = makeStyles({
  panel: { ...panelStyle, gap: '6px', minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '220px',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    fontSize: tokens.fontSizeBase200,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: '2px 0 2px 6px',
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  conflict: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  head: { display: 'flex', gap: '6px', alignItems: 'center' },
  tag: {
    color: tokens.colorPaletteRedForeground1,
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 4px',
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  warn: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
  },
  warnList: { margin: 0, paddingLeft: '16px', fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** What a cell holds now, as the user sees it: its formula, or its shown value. */
function nowText({ tr, lang }: I18n, now: CellContent): string {
  if (now.formula) return now.formula;
  const v = now.value;
  if (v === null || v === '') return tr('pane.value.empty');
  if (typeof v === 'number') return formatValue(String(v), lang);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  return tr('pane.fill.text', { text: v });
}

/** What a cell will hold: the formula written (with its result), or the value written. */
function nextText({ tr, lang }: I18n, next: PlannedContent): string {
  const value = formatValue(next.text, lang);
  return next.formula ? tr('pane.fill.formulaResult', { formula: next.formula, value }) : value;
}

function PlannedItem(props: { write: PlannedWrite; held?: boolean }) {
  const i18n = useI18n();
  const styles = useStyles();
  const { write: w, held } = props;
  return (
    <li
      className={`${styles.item} ${w.conflict ? styles.conflict : ''}`}
      data-write-cell={held ? undefined : w.cell}
      data-held-cell={held ? w.cell : undefined}
      data-next-formula={w.next.formula ?? ''}
      data-next-value={w.next.text}
    >
      <span className={styles.head}>
        <Text weight="semibold" className={styles.mono}>
          {w.cell}
        </Text>
        {w.conflict && !held && (
          <span className={styles.tag}>{i18n.tr('pane.fill.conflictMark')}</span>
        )}
      </span>
      <span className={styles.muted}>
        {i18n.tr('pane.fill.now', { content: nowText(i18n, w.now) })}
      </span>
      <span className={styles.mono}>
        {i18n.tr(held ? 'pane.fill.wouldWrite' : 'pane.fill.next', {
          content: nextText(i18n, w.next),
        })}
      </span>
    </li>
  );
}

function PlannedList(props: {
  writes: readonly PlannedWrite[];
  label: string;
  held?: boolean;
  role?: string;
}) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { writes } = props;
  return (
    <ul
      className={styles.list}
      data-list={props.held ? 'held' : 'writes'}
      data-role={props.role}
      // A list that scrolls is reached by the keyboard, and named by what it lists.
      tabIndex={0}
      aria-label={props.label}
    >
      {writes.slice(0, SHOWN).map((w) => (
        <PlannedItem key={w.cell} write={w} {...(props.held ? { held: true } : {})} />
      ))}
      {writes.length > SHOWN && <li>{tr('pane.fill.more', { count: writes.length - SHOWN })}</li>}
    </ul>
  );
}

/** The kind of a fed warning in a few words (its full message where the catalogue has none). */
function problemOf({ tr, lang }: I18n, issue: Issue): string {
  const key = `pane.fill.fed.${issue.code}`;
  return isMessageKey(key) ? tr(key) : issue.message[lang];
}

function FedWarnings(props: { fed: readonly FedWarning[] }) {
  const i18n = useI18n();
  const { tr } = i18n;
  const styles = useStyles();
  const { fed } = props;
  if (fed.length === 0) return null;
  const cells = (list: readonly string[]) =>
    list.slice(0, 6).join(', ') + (list.length > 6 ? ', …' : '');
  return (
    <div className={styles.warn} role="alert" data-testid="fill-fed-warnings">
      <Text weight="semibold">{tr('pane.fill.fedTitle', { count: fed.length })}</Text>
      <Text size={200}>{tr('pane.fill.fedIntro')}</Text>
      <ul className={styles.warnList}>
        {fed.slice(0, SHOWN).map((f) => (
          <li key={`${f.issue.cell}:${f.issue.code}`} data-fed-cell={f.issue.cell}>
            {tr('pane.fill.fedLine', {
              cell: f.issue.cell,
              problem: problemOf(i18n, f.issue),
              writes: cells(f.writes),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FillPanel(props: {
  plan: FillPlan;
  overwrite: boolean;
  formulas: boolean;
  busy: boolean;
  onOverwrite: (v: boolean) => void;
  onFormulas: (v: boolean) => void;
  /** Confirm: write these cells — the very list shown — in this mode. */
  onConfirm: (writes: readonly CellWrite[], mode: 'formula' | 'value') => void;
  onCancel: () => void;
}) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { plan, overwrite, formulas } = props;
  // Worked out once per choice, not on every render: a sheet of 20 000 rows has as many writes.
  const planned = useMemo(
    () => plannedWrites(plan, overwrite, formulas),
    [plan, overwrite, formulas],
  );
  const held = useMemo(
    () => (overwrite ? [] : plannedWrites(plan, true, formulas).filter((w) => w.conflict)),
    [plan, overwrite, formulas],
  );
  const fed = useMemo(() => fedWarnings(plan, overwrite), [plan, overwrite]);
  const conflicts = plan.overwrite.conflicts.length;
  const nothing = planned.length === 0 && conflicts === 0;
  return (
    <section className={styles.panel} aria-label={tr('pane.fill.title')} data-panel="fill">
      <Text weight="semibold">{tr('pane.fill.title')}</Text>
      {nothing ? (
        <Text>{tr('pane.fill.nothing')}</Text>
      ) : (
        <>
          <Text>{tr('pane.fill.summary', { writes: planned.length, conflicts })}</Text>
          <FedWarnings fed={fed} />
          {groupPlannedWrites(planned).map((g) => (
            <div key={g.role} data-fill-group={g.role}>
              <Text size={200} weight="semibold" block>
                {tr(`pane.fill.group.${g.role}`)} ({g.writes.length})
              </Text>
              <PlannedList
                writes={g.writes}
                role={g.role}
                label={tr(`pane.fill.group.${g.role}`)}
              />
            </div>
          ))}
          {conflicts > 0 && (
            <>
              {held.length > 0 && (
                <div data-fill-group="held">
                  <Text size={200} weight="semibold" block>
                    {tr('pane.fill.conflicts')} ({held.length})
                  </Text>
                  <PlannedList writes={held} held label={tr('pane.fill.conflicts')} />
                </div>
              )}
              <Checkbox
                checked={overwrite}
                onChange={(_e, d) => props.onOverwrite(d.checked === true)}
                label={tr('pane.fill.overwrite', { count: conflicts })}
              />
            </>
          )}
          <Checkbox
            checked={formulas}
            onChange={(_e, d) => props.onFormulas(d.checked === true)}
            label={tr('pane.fill.formulas')}
          />
        </>
      )}
      <div className={styles.actions}>
        {!nothing && (
          <Button
            appearance="primary"
            disabled={props.busy || planned.length === 0}
            onClick={() => props.onConfirm(cellWritesOf(planned), formulas ? 'formula' : 'value')}
          >
            {tr('pane.fill.confirm')}
          </Button>
        )}
        <Button onClick={props.onCancel} disabled={props.busy}>
          {nothing ? tr('pane.action.close') : tr('pane.action.cancel')}
        </Button>
      </div>
    </section>
  );
}
