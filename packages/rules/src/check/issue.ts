import { toA1 } from '../grid/a1.js';
import { formatValue } from '../money/format.js';
import { localized } from '../messages/catalog.js';
import type { MessageKey } from '../messages/catalog.js';
import type { Issue, IssueCode, Severity } from './types.js';

/** What an issue is built from: text parameters, and numbers to format per language. */
export interface IssueInput {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly row: number;
  readonly col: number;
  /** Text parameters, the same in both languages. */
  readonly text?: Readonly<Record<string, string | number>>;
  /** Decimal strings, formatted vi-VN or en-US in the message. */
  readonly numbers?: Readonly<Record<string, string>>;
  readonly expected?: string;
  readonly actual?: string;
  /** A variant message key when the code's default message does not fit. */
  readonly messageKey?: MessageKey;
}

/** Build an {@link Issue}: the message is rendered from the catalogue in both languages. */
export function makeIssue(input: IssueInput): Issue {
  const numbers = { ...(input.numbers ?? {}) };
  if (input.expected !== undefined && numbers.expected === undefined)
    numbers.expected = input.expected;
  if (input.actual !== undefined && numbers.actual === undefined) numbers.actual = input.actual;
  const key = input.messageKey ?? (`issue.${input.code}` as MessageKey);
  const text = input.text ?? {};
  const format = (lang: 'vi' | 'en') =>
    Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, formatValue(v, lang)]));
  const vi = localized(key, { ...text, ...format('vi') }).vi;
  const en = localized(key, { ...text, ...format('en') }).en;
  return {
    code: input.code,
    severity: input.severity,
    cell: toA1(input.row, input.col),
    row: input.row,
    col: input.col,
    message: { vi, en },
    ...(input.expected !== undefined ? { expected: input.expected } : {}),
    ...(input.actual !== undefined ? { actual: input.actual } : {}),
    params: { ...text, ...numbers },
  };
}
