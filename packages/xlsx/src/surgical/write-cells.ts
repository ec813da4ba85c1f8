/**
 * The surgical writer: open an .xlsx package, change only the `<c>` elements of the cells being
 * written, and copy every other part byte for byte. What must follow the cells follows: the
 * shared strings (appended, never renumbered) when text is written, `xl/calcChain.xml` dropped
 * (Excel rebuilds it), `fullCalcOnLoad` set so Excel recalculates on open. Anything the writer
 * cannot change without damage is refused with an `XlsxError`, nothing written.
 */
import { XlsxError } from '../errors.js';
import { checkZipDirectory, type ZipEntryInfo } from '../limits.js';
import { assertZip, whyUnreadable } from '../sniff.js';
import type { WorkbookBytes } from '../workbook.js';
import { readWorkbookInfo } from '../fast/workbook.js';
import { openZip, type InflateRaw, type ZipArchive } from '../fast/zip.js';
import {
  countSharedStrings,
  cut,
  parseContentTypes,
  parseRelationshipsWithTypes,
  parsePivotTable,
  parseTable,
  relsPartOf,
  SharedStringsAppender,
  SHARED_STRINGS_TYPE,
  STRICT_NS,
  withFullCalcOnLoad,
  WORKBOOK_TYPES,
  WORKSHEET_TYPE,
  type ContentTypes,
  type Relationship,
} from './package-parts.js';
import { byteText, type ByteDecoder } from './part-text.js';
import { patchSheetXml, type SheetEdits, type SheetTable } from './sheet-patch.js';
import { splicedPart } from './splice.js';
import {
  rewriteZip,
  rewriteZipAsync,
  type PartBytes,
  type ZipChanges,
  type ZipDeflate,
} from './zip-writer.js';

/**
 * Raw inflate and deflate, brought by the caller (Node's zlib, fflate in the browser), a deflate
 * stream fed in pieces when there is one (`deflateRawPieces`), and a faster CRC-32 when there is
 * one (Node's `zlib.crc32`); without it the writer computes its own.
 */
export interface ZipCodec extends ZipDeflate {
  readonly inflateRaw: InflateRaw;
  /**
   * A faster decoding of bytes one character per byte when there is one (Node's
   * `Buffer.prototype.latin1Slice`); without it, the platform's `TextDecoder`.
   */
  readonly latin1?: ByteDecoder;
}

/** What {@link writeCells} did. */
export interface WriteCellsResult {
  /** The new package. */
  readonly bytes: Uint8Array;
  /** The parts whose bytes changed (sheets, and what had to follow), in zip order. */
  readonly changedParts: readonly string[];
  /** Parts removed (`xl/calcChain.xml`). */
  readonly removedParts: readonly string[];
}

const CONTENT_TYPES = '[Content_Types].xml';
const WORKBOOK = 'xl/workbook.xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

function contentTypesError(part: string, detail: string): XlsxError {
  return new XlsxError('content-types', `${part}: ${detail}`, { part });
}

/** Refuse a zip with two parts of the same name (OPC compares names without case). */
function checkDuplicates(entries: readonly ZipEntryInfo[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    const name = e.name.replace(/^\//, '').toLowerCase();
    if (seen.has(name)) throw new XlsxError('duplicate-part', e.name, { part: e.name });
    seen.add(name);
  }
}

function relsOf(zip: ZipArchive, part: string): Relationship[] {
  const xml = zip.text(relsPartOf(part));
  return xml === undefined ? [] : parseRelationshipsWithTypes(xml, part);
}

function tablesOf(zip: ZipArchive, sheetPart: string): SheetTable[] {
  const tables: SheetTable[] = [];
  for (const rel of relsOf(zip, sheetPart)) {
    const pivot = rel.type.endsWith('/pivotTable');
    if (rel.external || !(rel.type.endsWith('/table') || pivot)) continue;
    const xml = zip.text(rel.part);
    if (xml === undefined) continue;
    const table = pivot ? parsePivotTable(xml, rel.part) : parseTable(xml, rel.part);
    if (table) tables.push(table);
  }
  return tables;
}

function openPackage(
  data: Uint8Array,
  inflateRaw: InflateRaw,
): { entries: ZipEntryInfo[]; zip: ZipArchive } {
  assertZip(data);
  try {
    const entries = checkZipDirectory(data);
    checkDuplicates(entries);
    return { entries, zip: openZip(data, inflateRaw) };
  } catch (e) {
    throw whyUnreadable(e, data);
  }
}

function checkWorkbook(zip: ZipArchive, types: ContentTypes): string {
  const xml = zip.text(WORKBOOK);
  if (xml === undefined) throw new XlsxError('not-xlsx', `no ${WORKBOOK} part`);
  if (xml.includes(STRICT_NS)) throw new XlsxError('strict-ooxml', WORKBOOK);
  const type = types.typeOf(WORKBOOK);
  if (type === undefined || !WORKBOOK_TYPES.has(type))
    throw contentTypesError(WORKBOOK, `declared as ${type}`);
  return xml;
}

/** An opened package checked for writing: its directory, parts, content types and workbook. */
export interface OpenedTarget {
  readonly entries: ZipEntryInfo[];
  readonly zip: ZipArchive;
  readonly typesXml: string;
  readonly types: ContentTypes;
  readonly workbookXml: string;
}

/**
 * Open a package to write into: the input's checks (limits, encryption), duplicate parts, content
 * types, Strict Open XML. Throws the `XlsxError` that says why it cannot be written.
 */
export function openTarget(data: Uint8Array, inflateRaw: InflateRaw): OpenedTarget {
  const { entries, zip } = openPackage(data, inflateRaw);
  const typesXml = zip.text(CONTENT_TYPES);
  if (typesXml === undefined) throw contentTypesError(CONTENT_TYPES, 'missing');
  const types = parseContentTypes(typesXml);
  const workbookXml = checkWorkbook(zip, types);
  return { entries, zip, typesXml, types, workbookXml };
}

/**
 * Write cells into an .xlsx (or .xlsm, .xltx, .xltm) package, surgically: `edits` maps a sheet's
 * name to its cells' edits (1-based row → 1-based column → edit). Only those cells' `<c>`
 * elements change in those sheets' parts; every other part is copied byte for byte, in the same
 * order, with the same content types. Throws `XlsxError` (its `code` says why, its `params` name
 * the cell) rather than damage anything: the input's limits ('too-large', 'zip-bomb'), an
 * encrypted or unreadable package, 'strict-ooxml', 'duplicate-part', 'content-types',
 * 'unexpected-xml', 'array-formula', 'table-header', 'pivot-table', 'shared-formula'.
 *
 * @example
 * const out = writeCells(bytes, new Map([['PL01', new Map([[9, new Map([[3, { kind: 'formula', formula: 'SUM(C10:C11)', value: 4623 }]])]])]]), {
 *   inflateRaw: (d, max) => inflateRawSync(d, { maxOutputLength: max }),
 *   deflateRaw: (d) => deflateRawSync(d),
 * });
 */
export function writeCells(
  bytes: WorkbookBytes,
  edits: ReadonlyMap<string, SheetEdits>,
  codec: ZipCodec,
): WriteCellsResult {
  const plan = planWrite(bytes, edits, codec);
  if (!plan.changes) return { bytes: plan.data, changedParts: [], removedParts: [] };
  return written(plan, rewriteZip(plan.data, plan.entries, plan.changes, codec));
}

/**
 * {@link writeCells}, the written sheets deflated off the calling thread where the codec can
 * (`deflateRawPieceAsync`: Node's zlib thread pool), side by side, while this thread splices and
 * checks the next piece: the same bytes, sooner. What `phuluc fill` writes with.
 */
export async function writeCellsAsync(
  bytes: WorkbookBytes,
  edits: ReadonlyMap<string, SheetEdits>,
  codec: ZipCodec,
): Promise<WriteCellsResult> {
  const plan = planWrite(bytes, edits, codec);
  if (!plan.changes) return { bytes: plan.data, changedParts: [], removedParts: [] };
  return written(plan, await rewriteZipAsync(plan.data, plan.entries, plan.changes, codec));
}

/** What a write changes in a package, found before anything is deflated. */
interface WritePlan {
  readonly data: Uint8Array;
  readonly entries: readonly ZipEntryInfo[];
  /** Undefined when nothing changes (the input comes back as it is). */
  readonly changes: ZipChanges | undefined;
}

/** The result of a write: the new package and the parts it changed or removed, in zip order. */
function written(plan: WritePlan, out: Uint8Array): WriteCellsResult {
  const order = plan.entries.map((e) => e.name.replace(/^\//, ''));
  return {
    bytes: out,
    changedParts: order.filter((n) => plan.changes!.replace.has(n)),
    removedParts: order.filter((n) => plan.changes!.remove.has(n)),
  };
}

/** Open the package, patch the written sheets and find what must follow them. */
function planWrite(
  bytes: WorkbookBytes,
  edits: ReadonlyMap<string, SheetEdits>,
  codec: ZipCodec,
): WritePlan {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const { entries, zip, typesXml, types, workbookXml } = openTarget(data, codec.inflateRaw);
  const info = readWorkbookInfo(zip);
  const workbookRels = relsOf(zip, WORKBOOK);

  const sstRel = workbookRels.find((r) => !r.external && r.type === `${REL}sharedStrings`);
  const sstPart = sstRel && zip.size(sstRel.part) !== undefined ? sstRel.part : undefined;
  let strings: SharedStringsAppender | undefined;
  const sharedIndex = (text: string): number => {
    if (!strings) {
      if (sstPart === undefined) throw new Error('no shared strings');
      if (types.typeOf(sstPart) !== SHARED_STRINGS_TYPE)
        throw contentTypesError(sstPart, 'not shared strings');
      strings = new SharedStringsAppender(countSharedStrings(zip.text(sstPart)!, sstPart));
    }
    return strings.indexOf(text);
  };

  const replace = new Map<string, PartBytes>();
  const encoder = new TextEncoder();
  let written = false;
  for (const [name, sheetEdits] of edits) {
    if (sheetEdits.size === 0) continue;
    const sheet = info.sheets.find((s) => s.name === name);
    if (!sheet) throw new RangeError(`no worksheet named ${name}`);
    const type = types.typeOf(sheet.part);
    if (type !== WORKSHEET_TYPE) throw contentTypesError(sheet.part, `declared as ${type}`);
    const raw = zip.read(sheet.part);
    if (raw === undefined) throw new XlsxError('corrupt-zip', `no ${sheet.part}`);
    // Scanned one character per byte: offsets are the bytes' own, and the splice copies them.
    const text = byteText(raw, codec.latin1);
    const patches = patchSheetXml(text, sheetEdits, {
      part: sheet.part,
      sheet: name,
      tables: tablesOf(zip, sheet.part),
      sharedIndex,
      inlineStrings: sstPart === undefined,
    });
    if (patches.list.length === 0) continue;
    // The new cells spliced into the part's bytes, every other byte copied as it was.
    replace.set(sheet.part, splicedPart(raw, text.offset, patches.head, patches.list));
    written = true;
  }

  const remove = new Set<string>();
  if (written) {
    if (strings && sstPart !== undefined) {
      replace.set(sstPart, encoder.encode(strings.apply(zip.text(sstPart)!, sstPart)));
    }
    const full = withFullCalcOnLoad(workbookXml, WORKBOOK);
    if (full !== workbookXml) replace.set(WORKBOOK, encoder.encode(full));
    // The calculation chain may list cells that are no formulas any more: Excel rebuilds it.
    const chain = workbookRels.find((r) => !r.external && r.type === `${REL}calcChain`);
    if (chain && zip.size(chain.part) !== undefined) {
      remove.add(chain.part);
      const relsPart = relsPartOf(WORKBOOK);
      replace.set(relsPart, encoder.encode(cut(zip.text(relsPart)!, [chain])));
      const override = types.overrideOf(chain.part);
      if (override) replace.set(CONTENT_TYPES, encoder.encode(cut(typesXml, [override])));
    }
  }
  if (replace.size === 0 && remove.size === 0) return { data, entries, changes: undefined };
  return { data, entries, changes: { replace, remove, add: [] } };
}
