/** The planned writes and the conflicts of a fill, shown before anything is written. */
import { Button, Checkbox, makeStyles, tokens, Text } from '@fluentui/react-components';
import { formatValue, type CellValue, type FillResult } from '@phuluc/rules';
import { useI18n } from './i18n.js';
import { panelStyle } from './styles.js';

const SHOWN = 60;

const useStyles = makeStyles({
  panel: { ...panelStyle, gap: '6px' },
  list: {
    margin: 0,
    paddingLeft: '18px',
    maxHeight: '180px',
    overflowY: 'auto',
    fontSize: tokens.fontSizeBase200,
  },
  conflict: { color: tokens.colorPaletteRedForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export interface FillPlan {
  /** Without overwrite: conflicts are left alone. */
  readonly plain: FillResult;
  /** With overwrite: conflicts written too. */
  readonly overwrite: FillResult;
}

export function FillPanel(props: {
  plan: FillPlan;
  overwrite: boolean;
  formulas: boolean;
  busy: boolean;
  onOverwrite: (v: boolean) => void;
  onFormulas: (v: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { tr, lang } = useI18n();
  const styles = useStyles();
  const { plain, overwrite } = props.plan;
  const conflicts = overwrite.conflicts;
  const conflictCells = new Set(conflicts.map((c) => c.cell));
  const writes = overwrite.writes.filter((w) => !conflictCells.has(w.cell));
  const value = (text: string) => formatValue(text, lang);
  const existing = (v: CellValue, formula?: string) => {
    if (formula) return `=${formula}`;
    if (v === null || v === '') return tr('pane.value.empty');
    if (typeof v === 'number') return value(String(v));
    if (typeof v === 'object') return v.error;
    return String(v);
  };
  const nothing = writes.length === 0 && conflicts.length === 0;
  return (
    <section className={styles.panel} aria-label={tr('pane.fill.title')} data-panel="fill">
      <Text weight="semibold">{tr('pane.fill.title')}</Text>
      {nothing ? (
        <Text>{tr('pane.fill.nothing')}</Text>
      ) : (
        <>
          <Text>
            {tr('pane.fill.summary', { writes: writes.length, conflicts: conflicts.length })}
          </Text>
          {writes.length > 0 && (
            <>
              <Text size={200} weight="semibold">
                {tr('pane.fill.writes')}
              </Text>
              <ul
                className={styles.list}
                data-list="writes"
                tabIndex={0}
                aria-label={tr('pane.fill.writes')}
              >
                {writes.slice(0, SHOWN).map((w) => (
                  <li key={w.cell} data-write-cell={w.cell}>
                    <span className={styles.mono}>
                      {tr('pane.fill.writeLine', {
                        cell: w.cell,
                        role: tr(`pane.role.${w.role}`),
                        value: props.formulas && w.formula ? `=${w.formula}` : value(w.text),
                      })}
                    </span>
                  </li>
                ))}
                {writes.length > SHOWN && (
                  <li>{tr('pane.fill.more', { count: writes.length - SHOWN })}</li>
                )}
              </ul>
            </>
          )}
          {conflicts.length > 0 && (
            <>
              <Text size={200} weight="semibold" className={styles.conflict}>
                {tr('pane.fill.conflicts')}
              </Text>
              <ul
                className={styles.list}
                data-list="conflicts"
                tabIndex={0}
                aria-label={tr('pane.fill.conflicts')}
              >
                {conflicts.slice(0, SHOWN).map((c) => (
                  <li key={c.cell} data-conflict-cell={c.cell} className={styles.conflict}>
                    {tr('pane.fill.conflictLine', {
                      cell: c.cell,
                      existing: existing(c.existing, c.existingFormula),
                      value: value(c.write.text),
                    })}
                  </li>
                ))}
                {conflicts.length > SHOWN && (
                  <li>{tr('pane.fill.more', { count: conflicts.length - SHOWN })}</li>
                )}
              </ul>
              <Checkbox
                checked={props.overwrite}
                onChange={(_e, d) => props.onOverwrite(d.checked === true)}
                label={tr('pane.fill.overwrite', { count: conflicts.length })}
              />
            </>
          )}
          <Checkbox
            checked={props.formulas}
            onChange={(_e, d) => props.onFormulas(d.checked === true)}
            label={tr('pane.fill.formulas')}
          />
        </>
      )}
      <div className={styles.actions}>
        {!nothing && (
          <Button
            appearance="primary"
            disabled={props.busy || (writes.length === 0 && !props.overwrite)}
            onClick={props.onConfirm}
          >
            {tr('pane.fill.confirm')}
          </Button>
        )}
        <Button onClick={props.onCancel} disabled={props.busy}>
          {nothing ? tr('pane.action.close') : tr('pane.action.cancel')}
        </Button>
      </div>
      <span hidden data-plain-writes={plain.writes.length} />
    </section>
  );
}

/** The cells to write for a plan: conflicts only when the user ticked overwrite. */
export function writesToApply(plan: FillPlan, overwrite: boolean) {
  if (overwrite) return plan.overwrite.writes;
  const conflictCells = new Set(plan.overwrite.conflicts.map((c) => c.cell));
  return plan.overwrite.writes.filter((w) => !conflictCells.has(w.cell));
}
