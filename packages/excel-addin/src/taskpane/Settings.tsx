/** Options passed to validateSheet: tolerance, counterpart ratio, assigned reduction. */
import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useI18n } from './i18n.js';

export interface SettingsValue {
  readonly tolerance: string;
  readonly counterpartRatio: string;
  readonly assignedReduction: string;
}

export const EMPTY_SETTINGS: SettingsValue = {
  tolerance: '',
  counterpartRatio: '',
  assignedReduction: '',
};

const NUMBER = /^\s*\d+(?:[.,]\d+)?\s*$/;

/** "0,5" or "0.5" → "0.5"; empty → undefined; anything else → null (invalid). */
export function parseSetting(text: string): string | undefined | null {
  if (text.trim() === '') return undefined;
  if (!NUMBER.test(text)) return null;
  return text.trim().replace(',', '.');
}

const useStyles = makeStyles({
  grid: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

export function Settings(props: { value: SettingsValue; onChange: (v: SettingsValue) => void }) {
  const { tr } = useI18n();
  const styles = useStyles();
  const field = (key: keyof SettingsValue, label: string, hint: string) => {
    const invalid = parseSetting(props.value[key]) === null;
    return (
      <Field
        label={label}
        hint={hint}
        validationState={invalid ? 'error' : 'none'}
        validationMessage={invalid ? tr('pane.settings.invalid') : undefined}
      >
        <Input
          inputMode="decimal"
          value={props.value[key]}
          onChange={(_e, d) => props.onChange({ ...props.value, [key]: d.value })}
        />
      </Field>
    );
  };
  return (
    <div className={styles.grid}>
      {field('tolerance', tr('pane.settings.tolerance'), tr('pane.settings.toleranceHint'))}
      {field(
        'counterpartRatio',
        tr('pane.settings.counterpart'),
        tr('pane.settings.counterpartHint'),
      )}
      {field('assignedReduction', tr('pane.settings.assigned'), tr('pane.settings.assignedHint'))}
    </div>
  );
}
