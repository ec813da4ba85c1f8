/**
 * Insert sheets into an existing workbook without touching its other sheets: each sheet is taken
 * from a donor workbook (one ExcelJS wrote with the new sheets alone) and added as a new part,
 * with its relationship, content type and `<sheet>` entry; the formats it uses are appended to the
 * styles part (`mergeStyles`), its text is written inline (the target's shared strings are not
 * touched). Every other part comes back byte for byte.
 */
import { XlsxError } from '../errors.js';
import { readWorkbookInfo } from '../fast/workbook.js';
import { openZip, type ZipArchive } from '../fast/zip.js';
import { Token, XmlReader } from '../fast/xml.js';
import { escapeAttr } from './cell-xml.js';
import { relsPartOf, WORKSHEET_TYPE } from './package-parts.js';
import { mergeStyles } from './styles-merge.js';
import { openTarget, type ZipCodec } from './write-cells.js';
import { rewriteZip } from './zip-writer.js';

/** A sheet of the donor to insert, under `name`, visible unless `hidden`. */
export interface SheetToInsert {
  readonly donorSheet: string;
  readonly name: string;
  readonly hidden?: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const STYLES = 'xl/styles.xml';
const CONTENT_TYPES = '[Content_Types].xml';
const WORKSHEET_REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** The donor's shared strings, as the inner XML of each `<si>`. */
function donorStrings(zip: ZipArchive): string[] {
  const xml = zip.text('xl/sharedStrings.xml');
  if (xml === undefined) return [];
  const x = new XmlReader(xml, 'donor sharedStrings');
  const out: string[] = [];
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open || x.depth !== 2) continue;
    const open = x.position;
    const self = x.selfClosing;
    x.skipElement();
    out.push(self ? '' : xml.slice(open, xml.lastIndexOf('<', x.position - 1)));
  }
  return out;
}

/** The donor sheet's XML made to live in the target: styles mapped, text inline, names renamed. */
function transplant(
  xml: string,
  xf: (i: number) => number,
  strings: readonly string[],
  renames: ReadonlyMap<string, string>,
): string {
  let out = xml
    .replace(
      /(<c\b[^>]*?\ss=")(\d+)(")/g,
      (_m, a: string, n: string, b: string) => `${a}${xf(Number(n))}${b}`,
    )
    .replace(
      /(<row\b[^>]*?\ss=")(\d+)(")/g,
      (_m, a: string, n: string, b: string) => `${a}${xf(Number(n))}${b}`,
    )
    .replace(
      /(<col\b[^>]*?\sstyle=")(\d+)(")/g,
      (_m, a: string, n: string, b: string) => `${a}${xf(Number(n))}${b}`,
    )
    .replace(
      /(<c\b[^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_m, a: string, b: string, i: string) =>
        `${a} t="inlineStr"${b}><is>${strings[Number(i)] ?? ''}</is></c>`,
    )
    // One selected tab: the target's.
    .replace(/\stabSelected="1"/g, '');
  for (const [from, to] of renames) out = out.split(`'${from}'!`).join(`'${to}'!`);
  return out;
}

/**
 * Insert `sheets` of `donor` into `bytes` (see the module's comment). A donor sheet with
 * relationships of its own (drawings, comments, hyperlinks) is refused (`unexpected-xml`), as a
 * name the target already has (`RangeError`). The input's limits and refusals are `writeCells`'.
 *
 * @example
 * const donor = new ExcelJS.Workbook();
 * writeTemplate(donor, template, 'PL02');
 * insertSheets(bytes, await writeWorkbook(donor), [{ donorSheet: 'PL02', name: 'PL02' }], codec);
 */
export function insertSheets(
  bytes: Uint8Array,
  donor: Uint8Array,
  sheets: readonly SheetToInsert[],
  codec: ZipCodec,
): Uint8Array {
  if (sheets.length === 0) return bytes;
  const { entries, zip, typesXml, workbookXml } = openTarget(bytes, codec.inflateRaw);
  const donorZip = openZip(donor, codec.inflateRaw);
  const donorInfo = readWorkbookInfo(donorZip);
  const names = [...workbookXml.matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]!);
  const renames = new Map(
    sheets.filter((s) => s.donorSheet !== s.name).map((s) => [s.donorSheet, s.name]),
  );

  const stylesXml = zip.text(STYLES);
  const donorStyles = donorZip.text(STYLES);
  if (stylesXml === undefined || donorStyles === undefined) {
    throw new XlsxError('unexpected-xml', `${STYLES} missing`, {
      part: STYLES,
      detail: 'no styles',
    });
  }
  const styles = mergeStyles(stylesXml, donorStyles, STYLES);
  const strings = donorStrings(donorZip);

  const relsPart = relsPartOf(WORKBOOK);
  let rels = zip.text(relsPart) ?? '';
  let types = typesXml;
  let workbook = workbookXml;
  const prefix = /<sheet\b[^>]*\s([A-Za-z0-9_]+):id="/.exec(workbook)?.[1] ?? 'r';
  let partNumber = Math.max(
    0,
    ...zip.names.map((n) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1] ?? 0)),
  );
  let rId = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1])));
  let sheetId = Math.max(
    0,
    ...[...workbook.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1])),
  );
  const add: [string, Uint8Array][] = [];
  const encoder = new TextEncoder();
  for (const s of sheets) {
    if (names.includes(s.name)) throw new RangeError(`a sheet named ${s.name} exists`);
    const from = donorInfo.sheets.find((d) => d.name === s.donorSheet);
    if (!from) throw new RangeError(`no donor sheet ${s.donorSheet}`);
    if (donorZip.size(relsPartOf(from.part)) !== undefined) {
      throw new XlsxError('unexpected-xml', `${from.part}: relationships`, {
        part: from.part,
        detail: 'a new sheet with relationships',
      });
    }
    const part = `xl/worksheets/sheet${++partNumber}.xml`;
    const id = `rId${++rId}`;
    add.push([
      part,
      encoder.encode(transplant(donorZip.text(from.part)!, styles.xf, strings, renames)),
    ]);
    rels = rels.replace(
      /<\/Relationships>\s*$/,
      `<Relationship Id="${id}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${partNumber}.xml"/></Relationships>`,
    );
    types = types.replace(
      /<\/Types>\s*$/,
      `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`,
    );
    const state = s.hidden ? ' state="hidden"' : '';
    const close = workbook.indexOf('</sheets>');
    if (close < 0)
      throw new XlsxError('unexpected-xml', `${WORKBOOK}: no </sheets>`, {
        part: WORKBOOK,
        detail: 'no </sheets>',
      });
    workbook = `${workbook.slice(0, close)}<sheet name="${escapeAttr(s.name)}" sheetId="${++sheetId}"${state} ${prefix}:id="${id}"/>${workbook.slice(close)}`;
    names.push(s.name);
  }
  const replace = new Map<string, Uint8Array>([
    [STYLES, encoder.encode(styles.xml)],
    [relsPart, encoder.encode(rels)],
    [CONTENT_TYPES, encoder.encode(types)],
    [WORKBOOK, encoder.encode(workbook)],
  ]);
  return rewriteZip(bytes, entries, { replace, remove: new Set(), add }, codec);
}
