import type { Severity } from '@phuluc/rules';
import { MARK_COLORS } from '../office/adapter.js';

/** Colours of each severity: `fill` is the mark in the sheet (and the preview grid), `strong` the pane's accent. */
export const SEVERITY_COLORS: Readonly<Record<Severity, { fill: string; strong: string }>> = {
  error: { fill: MARK_COLORS.error, strong: '#C50F1F' },
  warning: { fill: MARK_COLORS.warning, strong: '#BC7A00' },
  info: { fill: MARK_COLORS.info, strong: '#0F6CBD' },
};
