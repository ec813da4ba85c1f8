/** Settings that cannot be used as typed: the actions they affect are blocked, with the reason. */
import type { MessageKey } from '@phuluc/rules';
import { parseSetting, type SettingsValue } from './Settings.js';

/** The number settings, each with the label the settings panel gives it. */
const NUMBER_SETTINGS: ReadonlyArray<
  readonly [
    keyof Pick<SettingsValue, 'tolerance' | 'counterpartRatio' | 'assignedReduction'>,
    MessageKey,
  ]
> = [
  ['tolerance', 'pane.settings.tolerance'],
  ['counterpartRatio', 'pane.settings.counterpart'],
  ['assignedReduction', 'pane.settings.assigned'],
];

/**
 * The labels of the settings that are not numbers (empty ones are fine: off or automatic). Every
 * one of them feeds the checks, so checking is blocked while any is listed.
 */
export function invalidSettings(settings: SettingsValue): MessageKey[] {
  return NUMBER_SETTINGS.filter(([key]) => parseSetting(settings[key]) === null).map(
    ([, label]) => label,
  );
}
