/**
 * The parts of an .xlsx package a surgical write reads or changes besides the sheets:
 * `[Content_Types].xml`, relationships with their types, `xl/workbook.xml`'s `<calcPr>`, the
 * shared strings, the tables of a sheet. Each change is the smallest edit of the part's text.
 */
import { XlsxError } from '../errors.js';
import { Token, XmlReader } from '../fast/xml.js';
import { textElement } from './cell-xml.js';

/** The content types a workbook part may declare (.xlsx, .xlsm, .xltx, .xltm). */
export const WORKBOOK_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
/** The content type of a worksheet part. */
export const WORKSHEET_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** The content type of the shared-strings part. */
export const SHARED_STRINGS_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
/** The namespace of Strict Open XML spreadsheets, which the writer refuses. */
export const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** `[Content_Types].xml`: the type of each part, and where each `<Override>` is in the text. */
export interface ContentTypes {
  readonly xml: string;
  typeOf(part: string): string | undefined;
  /** Where the `<Override>` of `part` is (`[start, end)` of the text), if there is one. */
  overrideOf(part: string): { start: number; end: number } | undefined;
}

/** Read `[Content_Types].xml`. */
export function parseContentTypes(xml: string): ContentTypes {
  const x = new XmlReader(xml, '[Content_Types].xml');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, { type: string; start: number; end: number }>();
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open || x.depth !== 2) continue;
    const start = x.tagStart;
    if (x.is('Default')) {
      defaults.set((x.attr('Extension') ?? '').toLowerCase(), x.attr('ContentType') ?? '');
    } else if (x.is('Override')) {
      const name = (x.attr('PartName') ?? '').replace(/^\//, '').toLowerCase();
      const type = x.attr('ContentType') ?? '';
      x.skipElement();
      overrides.set(name, { type, start, end: x.position });
    }
  }
  return {
    xml,
    typeOf(part) {
      const o = overrides.get(part.toLowerCase());
      if (o) return o.type;
      const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
      return defaults.get(ext);
    },
    overrideOf(part) {
      const o = overrides.get(part.toLowerCase());
      return o && { start: o.start, end: o.end };
    },
  };
}

/** One `<Relationship>` of a relationships part, with where it is in the text. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part, resolved against the source part's folder (no leading `/`). */
  readonly part: string;
  readonly external: boolean;
  readonly start: number;
  readonly end: number;
}

/** Resolve a relationship's target against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const folder = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  const out: string[] = [];
  for (const seg of `${folder}${target}`.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Read the relationships of `sourcePart` from its rels part's text. */
export function parseRelationshipsWithTypes(xml: string, sourcePart: string): Relationship[] {
  const x = new XmlReader(xml, relsPartOf(sourcePart));
  const out: Relationship[] = [];
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open || x.depth !== 2 || !x.is('Relationship')) continue;
    const start = x.tagStart;
    const id = x.attr('Id') ?? '';
    const type = x.attr('Type') ?? '';
    const target = x.attr('Target') ?? '';
    const external = x.attr('TargetMode') === 'External';
    x.skipElement();
    out.push({
      id,
      type,
      part: external ? target : resolveTarget(sourcePart, target),
      external,
      start,
      end: x.position,
    });
  }
  return out;
}

/** `text` without the `[start, end)` ranges. */
export function cut(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let from = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    out += text.slice(from, r.start);
    from = r.end;
  }
  return out + text.slice(from);
}

/** Elements that follow `<calcPr>` in `<workbook>` (the schema's order). */
const AFTER_CALC_PR = new Set([
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
]);

/**
 * `xl/workbook.xml` with `<calcPr fullCalcOnLoad="1">`: the attribute set on the existing element
 * (nothing else of it changed), or a new `<calcPr fullCalcOnLoad="1"/>` where the schema puts it.
 */
export function withFullCalcOnLoad(xml: string, part: string): string {
  const x = new XmlReader(xml, part);
  let insertAt = -1;
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open || x.depth !== 2) continue;
    if (x.is('calcPr')) {
      if (x.findAttr('fullCalcOnLoad')) {
        const v = xml.slice(x.valueStart, x.valueEnd);
        if (v === '1' || v === 'true') return xml;
        return xml.slice(0, x.valueStart) + '1' + xml.slice(x.valueEnd);
      }
      const at = x.tagStart + '<calcPr'.length;
      return `${xml.slice(0, at)} fullCalcOnLoad="1"${xml.slice(at)}`;
    }
    if (insertAt < 0 && AFTER_CALC_PR.has(x.name())) insertAt = x.tagStart;
    x.skipElement();
  }
  if (insertAt < 0) insertAt = xml.lastIndexOf('</');
  if (insertAt < 0)
    throw new XlsxError('unexpected-xml', `${part}: no </workbook>`, {
      part,
      detail: 'no </workbook>',
    });
  return `${xml.slice(0, insertAt)}<calcPr fullCalcOnLoad="1"/>${xml.slice(insertAt)}`;
}

/** Texts appended to a shared-strings part; existing items keep their indices. */
export class SharedStringsAppender {
  private readonly added = new Map<string, number>();
  private references = 0;

  /** @param count the number of `<si>` items the part holds */
  constructor(private readonly count: number) {}

  /** The index of `text` (a new item at the end the first time). */
  indexOf = (text: string): number => {
    this.references++;
    let i = this.added.get(text);
    if (i === undefined) {
      i = this.count + this.added.size;
      this.added.set(text, i);
    }
    return i;
  };

  get size(): number {
    return this.added.size;
  }

  /** The part's text with the new items before `</sst>` and its counts raised. */
  apply(xml: string, part: string): string {
    if (this.added.size === 0) return xml;
    const close = xml.lastIndexOf('</');
    const x = new XmlReader(xml, part);
    x.next();
    let head = xml.slice(0, x.position);
    const raise = (attr: string, by: number): void => {
      const m = new RegExp(`\\s${attr}="(\\d+)"`).exec(head);
      if (m) head = head.replace(m[0], ` ${attr}="${Number(m[1]) + by}"`);
    };
    raise('count', this.references);
    raise('uniqueCount', this.added.size);
    const items = [...this.added.keys()].map((s) => `<si>${textElement(s)}</si>`).join('');
    if (x.selfClosing) {
      return `${head.replace(/\s*\/>$/, '>')}${items}</sst>${xml.slice(x.position)}`;
    }
    return head + xml.slice(x.position, close) + items + xml.slice(close);
  }
}

/** The number of `<si>` items of a shared-strings part. */
export function countSharedStrings(xml: string, part: string): number {
  const x = new XmlReader(xml, part);
  let n = 0;
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open || x.depth !== 2) continue;
    if (x.is('si')) n++;
    x.skipElement();
  }
  return n;
}

/** A pivot table part's name and location. */
export function parsePivotTable(
  xml: string,
  part: string,
):
  { kind: 'pivot'; name: string; ref: string; headerRows: number; totalsRows: number } | undefined {
  const x = new XmlReader(xml, part);
  if (x.next() !== Token.Open || !x.is('pivotTableDefinition')) return undefined;
  const name = x.attr('name') ?? part;
  const depth = x.depth;
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t === Token.Open && x.is('location')) {
      return { kind: 'pivot', name, ref: x.attr('ref') ?? '', headerRows: 0, totalsRows: 0 };
    }
  }
  return undefined;
}

/** A table part's name, range and header and totals rows. */
export function parseTable(
  xml: string,
  part: string,
):
  { kind: 'table'; name: string; ref: string; headerRows: number; totalsRows: number } | undefined {
  const x = new XmlReader(xml, part);
  if (x.next() !== Token.Open || !x.is('table')) return undefined;
  return {
    kind: 'table',
    name: x.attr('displayName') ?? x.attr('name') ?? part,
    ref: x.attr('ref') ?? '',
    headerRows: Number(x.attr('headerRowCount') ?? 1),
    totalsRows: Number(x.attr('totalsRowCount') ?? 0),
  };
}
