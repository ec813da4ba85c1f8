/**
 * Severity by shape as well as colour: a circled cross for errors, a triangle for warnings, a
 * circled "i" for notes. Decorative (aria-hidden): the severity's word is always beside it.
 */
import type { Severity } from '@phuluc/rules';
import { SEVERITY_COLORS } from './severity.js';

const PATHS: Readonly<Record<Severity, string>> = {
  error:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm2.8 8.9-.9.9L8 8.9l-1.9 1.9-.9-.9L7.1 8 5.2 6.1l.9-.9L8 7.1l1.9-1.9.9.9L8.9 8l1.9 1.9Z',
  warning:
    'M8.9 1.6a1 1 0 0 0-1.8 0L.6 13.4A1 1 0 0 0 1.5 15h13a1 1 0 0 0 .9-1.6L8.9 1.6ZM8.75 12h-1.5v-1.5h1.5V12Zm0-3h-1.5V5h1.5v4Z',
  info: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm.75 11h-1.5V7h1.5v5Zm0-6.5h-1.5V4h1.5v1.5Z',
};

/** The severity's icon, in its strong colour, `size` pixels square. */
export function SeverityIcon(props: { severity: Severity; size?: number }) {
  const size = props.size ?? 14;
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      style={{ flexShrink: 0, fill: SEVERITY_COLORS[props.severity].strong }}
      data-severity-icon={props.severity}
    >
      <path d={PATHS[props.severity]} />
    </svg>
  );
}
