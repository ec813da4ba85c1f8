/**
 * The `<c>` element of a written cell, in SpreadsheetML (transitional): a value, a formula with
 * its cached result, or a new cached result under the cell's own formula.
 */
import type { CellValue } from '@phuluc/rules';

/**
 * What to put in one cell:
 * - `value`: a constant (number, text, boolean, error value), or nothing (`null`: the cell keeps
 *   its style and loses its content);
 * - `formula`: a formula (without `=`) and its cached result;
 * - `result`: a new cached result for the formula the cell already holds (the formula's text
 *   and kind are kept as they are).
 */
export type CellEdit =
  | { readonly kind: 'value'; readonly value: CellValue }
  | { readonly kind: 'formula'; readonly formula: string; readonly value: CellValue }
  | { readonly kind: 'result'; readonly value: CellValue };

/** Escape text for XML content (`&`, `<`, `>`). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escape text for a double-quoted XML attribute. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/**
 * Text as a `<t>` element: XML-escaped, characters XML cannot hold (and a literal `_xHHHH_`) as
 * Excel's `_xHHHH_` escapes, spaces kept with `xml:space="preserve"` when they would be lost.
 */
export function textElement(text: string): string {
  const escaped = escapeText(
    text
      .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`)
      .replace(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
      ),
  );
  const preserve = /^\s|\s$|\n|\t/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escaped}</t>`;
}

/** A number as `<v>` holds it: the shortest round-trip form; non-finite numbers are `#NUM!`. */
export function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  return Object.is(n, -0) ? '0' : String(n);
}

/** The `t` attribute and `<v>` content of a cached or constant value (`v: undefined`: none). */
export function valueParts(
  value: CellValue,
  text: 'shared' | 'inline' | 'str',
  sharedIndex: (s: string) => number,
): { t?: string; v?: string; inline?: string } {
  if (value === null) return {};
  if (typeof value === 'number') {
    const v = numberText(value);
    return v === undefined ? { t: 'e', v: '#NUM!' } : { v };
  }
  if (typeof value === 'boolean') return { t: 'b', v: value ? '1' : '0' };
  if (typeof value === 'object') return { t: 'e', v: escapeText(value.error) };
  if (text === 'str') return { t: 'str', v: escapeText(value) };
  if (text === 'inline') return { t: 'inlineStr', inline: `<is>${textElement(value)}</is>` };
  return { t: 's', v: String(sharedIndex(value)) };
}

/** Attributes of a `<c>` start tag: `r`, `s` when the cell has a style, then `t`. */
function startTag(
  ref: string,
  style: string | undefined,
  t: string | undefined,
  extra: string,
): string {
  return `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}${t !== undefined ? ` t="${t}"` : ''}${extra}`;
}

/**
 * The `<c>` element for an edit. `style` is the cell's `s` attribute as written (kept verbatim);
 * `formulaXml` is the cell's own `<f>` element as written, for a `result` edit; `extra` other
 * attributes of the cell kept verbatim (with their leading space).
 *
 * @example
 * cellXml('C9', '5', { kind: 'formula', formula: 'SUM(C10:C11)', value: 4623 }, { sharedIndex: () => 0 });
 * // '<c r="C9" s="5"><f>SUM(C10:C11)</f><v>4623</v></c>'
 */
export function cellXml(
  ref: string,
  style: string | undefined,
  edit: CellEdit,
  options: {
    readonly sharedIndex: (s: string) => number;
    readonly formulaXml?: string;
    readonly extra?: string;
    readonly inlineStrings?: boolean;
  },
): string {
  const extra = options.extra ?? '';
  // The usual write, a finite number: its element in one piece (what the general path below makes).
  if (edit.kind === 'value' && typeof edit.value === 'number' && Number.isFinite(edit.value)) {
    const s = style !== undefined ? ` s="${style}"` : '';
    return `<c r="${ref}"${s}${extra}><v>${numberText(edit.value)}</v></c>`;
  }
  if (edit.kind === 'value') {
    const parts = valueParts(
      edit.value,
      options.inlineStrings ? 'inline' : 'shared',
      options.sharedIndex,
    );
    const tag = startTag(ref, style, parts.t, extra);
    if (parts.inline !== undefined) return `${tag}>${parts.inline}</c>`;
    return parts.v === undefined ? `${tag}/>` : `${tag}><v>${parts.v}</v></c>`;
  }
  const parts = valueParts(edit.value, 'str', options.sharedIndex);
  const f =
    edit.kind === 'formula'
      ? `<f>${escapeText(edit.formula.replace(/^=/, ''))}</f>`
      : (options.formulaXml ?? '');
  const v = parts.v === undefined ? '' : `<v>${parts.v}</v>`;
  return `${startTag(ref, style, parts.t, extra)}>${f}${v}</c>`;
}
