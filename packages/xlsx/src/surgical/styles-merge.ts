/**
 * Append another workbook's cell formats to a styles part, for a sheet moved in from that
 * workbook: its fonts, fills, borders, custom number formats and cell formats (`cellXfs`) go at
 * the end of the target's lists (nothing of the target renumbered), and the returned map turns the
 * moved sheet's style indices into the target's.
 */
import { XlsxError } from '../errors.js';
import { Token, XmlReader } from '../fast/xml.js';

/** One list of a styles part: where it is and its items' raw XML. */
interface StyleList {
  /** Where the list's start tag is (`[start, openEnd)`) and where its close tag starts. */
  readonly start: number;
  readonly openEnd: number;
  readonly closeStart: number;
  readonly selfClosing: boolean;
  readonly items: string[];
}

const LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const;
type ListName = (typeof LISTS)[number];

function readLists(xml: string, part: string): Map<ListName, StyleList> {
  const x = new XmlReader(xml, part);
  const lists = new Map<ListName, StyleList>();
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open || x.depth !== 2) continue;
    const name = LISTS.find((n) => x.is(n));
    if (!name) {
      x.skipElement();
      continue;
    }
    const start = x.tagStart;
    const openEnd = x.position;
    const selfClosing = x.selfClosing;
    const items: string[] = [];
    const depth = x.depth;
    for (let c = x.nextInside(depth); c !== Token.End; c = x.nextInside(depth)) {
      if (c !== Token.Open) continue;
      const from = x.tagStart;
      x.skipElement();
      items.push(xml.slice(from, x.position));
    }
    const closeStart = selfClosing ? openEnd : xml.lastIndexOf('<', x.position - 1);
    lists.set(name, { start, openEnd, closeStart, selfClosing, items });
  }
  return lists;
}

function attrOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function withAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  return re.test(tag) ? tag.replace(re, `$1${value}$2`) : tag;
}

/**
 * The target's styles part with the donor's formats appended, and the map from the donor's
 * `cellXfs` indices to the target's. Throws `unexpected-xml` when the target has no `cellXfs`.
 */
export function mergeStyles(
  target: string,
  donor: string,
  part: string,
): { xml: string; xf: (donorIndex: number) => number } {
  const t = readLists(target, part);
  const d = readLists(donor, 'donor styles');
  const cellXfs = t.get('cellXfs');
  if (!cellXfs)
    throw new XlsxError('unexpected-xml', `${part}: no cellXfs`, { part, detail: 'no <cellXfs>' });
  const offset = (name: ListName) => t.get(name)?.items.length ?? 0;
  // Custom number formats (id 164 and up) get new ids after the target's.
  const targetIds = (t.get('numFmts')?.items ?? []).map((i) => Number(attrOf(i, 'numFmtId') ?? 0));
  let nextId = Math.max(163, ...targetIds) + 1;
  const numFmtMap = new Map<string, string>();
  const newNumFmts = (d.get('numFmts')?.items ?? []).map((item) => {
    const id = attrOf(item, 'numFmtId') ?? '';
    const mapped = String(nextId++);
    numFmtMap.set(id, mapped);
    return withAttr(item, 'numFmtId', mapped);
  });
  const xfs = (d.get('cellXfs')?.items ?? []).map((item) => {
    let tag = item;
    for (const [attr, list] of [
      ['fontId', 'fonts'],
      ['fillId', 'fills'],
      ['borderId', 'borders'],
    ] as const) {
      const v = attrOf(tag, attr);
      if (v !== undefined) tag = withAttr(tag, attr, String(Number(v) + offset(list)));
    }
    const fmt = attrOf(tag, 'numFmtId');
    if (fmt !== undefined && numFmtMap.has(fmt))
      tag = withAttr(tag, 'numFmtId', numFmtMap.get(fmt)!);
    // The donor's cell styles are not moved: its cells take the target's Normal style.
    return withAttr(tag, 'xfId', '0');
  });
  const additions: Record<ListName, string[]> = {
    numFmts: newNumFmts,
    fonts: d.get('fonts')?.items ?? [],
    fills: d.get('fills')?.items ?? [],
    borders: d.get('borders')?.items ?? [],
    cellXfs: xfs,
  };
  const patches: { start: number; end: number; text: string }[] = [];
  for (const name of LISTS) {
    const add = additions[name];
    if (add.length === 0) continue;
    const list = t.get(name);
    if (!list) {
      if (name !== 'numFmts') {
        throw new XlsxError('unexpected-xml', `${part}: no ${name}`, {
          part,
          detail: `no <${name}>`,
        });
      }
      // numFmts is the first child of <styleSheet>.
      const x = new XmlReader(target, part);
      x.next();
      patches.push({
        start: x.position,
        end: x.position,
        text: `<numFmts count="${add.length}">${add.join('')}</numFmts>`,
      });
      continue;
    }
    const count = list.items.length + add.length;
    let open = target.slice(list.start, list.openEnd);
    open = /\scount="/.test(open) ? withAttr(open, 'count', String(count)) : open;
    if (list.selfClosing) {
      patches.push({
        start: list.start,
        end: list.openEnd,
        text: `${open.replace(/\s*\/>$/, '>')}${add.join('')}</${name}>`,
      });
    } else {
      patches.push({ start: list.start, end: list.openEnd, text: open });
      patches.push({ start: list.closeStart, end: list.closeStart, text: add.join('') });
    }
  }
  patches.sort((a, b) => a.start - b.start);
  let xml = '';
  let from = 0;
  for (const p of patches) {
    xml += target.slice(from, p.start) + p.text;
    from = p.end;
  }
  xml += target.slice(from);
  const base = cellXfs.items.length;
  return { xml, xf: (i) => base + i };
}
