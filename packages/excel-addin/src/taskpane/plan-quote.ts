/** A line of the plan's text, quoted beside an issue so the user sees what "line 185" says. */

/** Longest quote shown; a longer line is cut with an ellipsis. */
export const QUOTE_MAX = 160;

/**
 * Line `line` (1-based, as the plan reader numbers them: any line break) of `text`, spaces
 * collapsed, cut at {@link QUOTE_MAX} characters; '' when there is no such line or it is blank.
 *
 * @example
 * quoteLine('Kế hoạch\nDự án 2: 3.154 triệu đồng', 2); // 'Dự án 2: 3.154 triệu đồng'
 */
export function quoteLine(text: string, line: number): string {
  if (!Number.isInteger(line) || line < 1) return '';
  const raw = text.normalize('NFC').split(/\r\n|\r|\n/)[line - 1] ?? '';
  const flat = raw.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1).trimEnd()}…` : flat;
}
