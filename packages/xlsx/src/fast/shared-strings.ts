/**
 * `xl/sharedStrings.xml`: the text of each shared string (`<c t="s">`), read the way ExcelJS reads
 * it: the plain text of `<t>`, or the runs (`<r>`) of rich text joined; phonetic runs (`<rPh>`)
 * left out; Excel's `_xHHHH_` escapes decoded.
 */
import { decodeExcelEscapes, malformed, Token, XmlReader } from './xml.js';

/** The shared strings of a workbook, by index. */
export interface SharedStrings {
  /** The text of each string. */
  readonly texts: readonly string[];
  /**
   * 1 where ExcelJS holds the string as an object (rich text, or an `<si>` without text), which
   * counts as a value even when its text is empty (see `sheetExtent`).
   */
  readonly objects: Uint8Array;
}

/** The text of the `<t>` just opened, up to its close. */
export function readText(x: XmlReader): string {
  const simple = x.textOnly();
  if (simple !== undefined) return decodeExcelEscapes(simple);
  const depth = x.depth;
  let text = '';
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t === Token.Text) text += x.text();
  }
  return decodeExcelEscapes(text);
}

/** The text of the rich-text run (`<r>`) just opened: its last `<t>`, `''` without one. */
export function readRun(x: XmlReader): string {
  const depth = x.depth;
  let text = '';
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t === Token.Open && x.depth === depth + 1 && x.is('t')) text = readText(x);
  }
  return text;
}

/**
 * One `<si>`. ExcelJS keeps the text of a `<t>` (the last one wins, over runs too) or the list of
 * runs; it fails on a run after a `<t>`, and shows an `<si>` with neither as `[object Object]`.
 */
function readItem(x: XmlReader, part: string): { text: string; object: boolean } {
  const depth = x.depth;
  let plain: string | undefined;
  let runs: string[] | undefined;
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t !== Token.Open || x.depth !== depth + 1) continue;
    if (x.is('t')) {
      plain = readText(x);
    } else if (x.is('r')) {
      if (plain !== undefined) throw malformed(part, 'a rich-text run after plain text');
      (runs ??= []).push(readRun(x));
    } else {
      x.skipElement();
    }
  }
  if (plain !== undefined) return { text: plain, object: false };
  if (runs) return { text: runs.join(''), object: true };
  return { text: '[object Object]', object: true };
}

/**
 * Read sharedStrings.xml. Throws `corrupt-zip` when it is not well-formed XML or, as ExcelJS,
 * when it holds anything but `<sst>` and its `<si>` items.
 */
export function parseSharedStrings(xml: string, part: string): SharedStrings {
  const x = new XmlReader(xml, part);
  const texts: string[] = [];
  const objects: number[] = [];
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open) continue;
    if (x.depth === 1 ? !x.is('sst') : !x.is('si')) {
      throw malformed(part, `unexpected <${x.name()}>`);
    }
    if (x.depth === 2) {
      const item = readItem(x, part);
      texts.push(item.text);
      objects.push(item.object ? 1 : 0);
    }
  }
  return { texts, objects: Uint8Array.from(objects) };
}
