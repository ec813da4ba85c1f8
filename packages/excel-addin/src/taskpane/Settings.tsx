/** Options passed to validateSheet: tolerance, counterpart ratio, assigned reduction, a user-defined layout. */
import { useRef, useState } from 'react';
import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { parseLayoutFile, type LayoutDefinition } from '@phuluc/rules';
import { useI18n } from './i18n.js';

export interface SettingsValue {
  readonly tolerance: string;
  readonly counterpartRatio: string;
  readonly assignedReduction: string;
  /** A user-defined layout loaded from a JSON file, offered besides the built-in ones. */
  readonly userLayout?: LayoutDefinition;
  readonly userLayoutFile?: string;
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

/** A picked file's text (FileReader where `File.text` is missing). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

/**
 * A layout file the user picked, read in the browser and validated: the settings with it, or the
 * reasons it is refused. Never sent anywhere.
 */
export async function readLayoutFile(
  file: File,
  value: SettingsValue,
): Promise<{ ok: true; value: SettingsValue } | { ok: false; errors: readonly string[] }> {
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
  }
  const result = parseLayoutFile(text);
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, value: { ...value, userLayout: result.layout, userLayoutFile: file.name } };
}

/** Pick a user-defined layout (.json): read in the browser, validated, never sent anywhere. */
function LayoutFile(props: { value: SettingsValue; onChange: (v: SettingsValue) => void }) {
  const { tr, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const { userLayout, userLayoutFile } = props.value;
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readLayoutFile(file, props.value);
    setErrors(result.ok ? [] : result.errors);
    if (result.ok) props.onChange(result.value);
  };
  return (
    <Field
      label={tr('pane.settings.layoutFile')}
      hint={
        userLayout
          ? tr('pane.settings.layoutFileLoaded', {
              file: userLayoutFile ?? '',
              title: userLayout.title[lang],
            })
          : tr('pane.settings.layoutFileHint')
      }
      validationState={errors.length ? 'error' : 'none'}
      validationMessage={
        errors.length
          ? tr('pane.settings.layoutFileInvalid', { errors: errors.slice(0, 3).join('; ') })
          : undefined
      }
    >
      <div style={{ display: 'flex', gap: 8 }}>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          data-testid="layout-file"
          hidden
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button size="small" onClick={() => input.current?.click()}>
          {tr('pane.settings.layoutFileChoose')}
        </Button>
        {userLayout ? (
          <Button
            size="small"
            appearance="subtle"
            onClick={() =>
              props.onChange({ ...props.value, userLayout: undefined, userLayoutFile: undefined })
            }
          >
            {tr('pane.settings.layoutFileRemove')}
          </Button>
        ) : null}
      </div>
    </Field>
  );
}

export function Settings(props: { value: SettingsValue; onChange: (v: SettingsValue) => void }) {
  const { tr } = useI18n();
  const styles = useStyles();
  const field = (
    key: 'tolerance' | 'counterpartRatio' | 'assignedReduction',
    label: string,
    hint: string,
  ) => {
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
      <LayoutFile value={props.value} onChange={props.onChange} />
    </div>
  );
}
