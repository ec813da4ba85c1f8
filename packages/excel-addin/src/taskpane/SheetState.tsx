/**
 * What the pane says about the sheet before any action: empty, not recognised (the closest
 * layouts by their titles, and what to do), or settings that block checking.
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { LayoutDefinition, MessageKey } from '@phuluc/rules';
import { useI18n } from './i18n.js';
import { readLayoutFile, type SettingsValue } from './Settings.js';

/** The sheet as detection saw it. */
export interface SheetFacts {
  /** No cell holds anything. */
  readonly empty: boolean;
  /** The layout found, or null. */
  readonly layout: string | null;
  /** The closest layouts when none fits, best first, with their scores (0–1). */
  readonly guesses: ReadonlyArray<{ readonly id: string; readonly score: number }>;
}

export function SheetState(props: {
  facts: SheetFacts | null;
  layouts: readonly LayoutDefinition[];
  /** Labels of settings that are not numbers: checking is blocked. */
  invalid: readonly MessageKey[];
  /** The settings, for loading a layout file from here. */
  settings: SettingsValue;
  onSettings: (v: SettingsValue) => void;
}) {
  const { tr, lang } = useI18n();
  const { facts, layouts, invalid } = props;
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readLayoutFile(file, props.settings);
    setErrors(result.ok ? [] : result.errors);
    if (result.ok) props.onSettings(result.value);
  };
  const title = (id: string) => layouts.find((l) => l.id === id)?.title[lang];
  const guesses = (facts?.guesses ?? [])
    .filter((g) => g.score > 0 && title(g.id))
    .map((g) => `"${title(g.id)}" (${Math.round(g.score * 100)}%)`);
  return (
    <>
      {facts?.empty && (
        <MessageBar intent="info" data-testid="sheet-empty">
          <MessageBarBody>{tr('pane.sheet.empty')}</MessageBarBody>
        </MessageBar>
      )}
      {facts && !facts.empty && !facts.layout && (
        <MessageBar intent="warning" data-testid="sheet-unrecognised">
          <MessageBarBody>
            {[
              guesses.length > 0
                ? tr('pane.layout.guesses', { guesses: guesses.join(', ') })
                : tr('pane.layout.noGuess'),
              tr('pane.layout.noneAction'),
              ...(errors.length > 0
                ? [tr('pane.settings.layoutFileInvalid', { errors: errors.slice(0, 3).join('; ') })]
                : []),
            ].join(' ')}
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              data-testid="sheet-layout-file"
              hidden
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <Button size="small" onClick={() => input.current?.click()} style={{ marginLeft: 6 }}>
              {tr('pane.settings.layoutFileChoose')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {invalid.length > 0 && (
        <MessageBar intent="error" data-testid="settings-blocked">
          <MessageBarBody>
            {tr('pane.settings.blocked', {
              fields: invalid.map((k) => `"${tr(k)}"`).join(', '),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
