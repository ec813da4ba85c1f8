/**
 * `xl/workbook.xml` and its relationships: which worksheets a workbook has, in which order, with
 * which names and visibility, and where their parts are. Resolved as ExcelJS resolves them, so
 * that both readers see the same sheets.
 */
import { XlsxError } from '../errors.js';
import { parseRelationships } from './relationships.js';
import { decodeNamedEntitiesAgain, malformed, Token, XmlReader } from './xml.js';
import type { ZipArchive } from './zip.js';

/** Whether a sheet shows in Excel's tabs (`hidden`: unhide from Excel; `veryHidden`: only by code). */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A worksheet of the workbook. */
export interface WorksheetEntry {
  readonly name: string;
  readonly state: SheetState;
  /** The worksheet's part in the zip. */
  readonly part: string;
}

/** What workbook.xml says about the workbook. */
export interface WorkbookInfo {
  readonly sheets: readonly WorksheetEntry[];
  /** Whether serial dates count from 1904 (`<workbookPr date1904="1">`). */
  readonly date1904: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** The worksheet parts ExcelJS reads; a sheet whose part is named otherwise is left out. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** A `<sheet>` of workbook.xml. */
interface SheetElement {
  readonly name: string;
  readonly id: number;
  readonly state: string | undefined;
  readonly rId: string | undefined;
}

function readWorkbookXml(xml: string): { sheets: SheetElement[]; date1904: boolean } {
  const x = new XmlReader(xml, WORKBOOK);
  const sheets: SheetElement[] = [];
  let date1904 = false;
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open) continue;
    if (x.is('workbookPr')) {
      date1904 = x.attr('date1904') === '1';
    } else if (x.is('sheets')) {
      sheets.length = 0;
    } else if (x.is('sheet')) {
      const name = x.attr('name');
      if (name === undefined) throw malformed(WORKBOOK, 'a sheet without a name');
      sheets.push({
        name: decodeNamedEntitiesAgain(name),
        id: parseInt(x.attr('sheetId') ?? '', 10),
        state: x.attr('state'),
        rId: x.attr('r:id'),
      });
    }
  }
  return { sheets, date1904 };
}

function stateOf(state: string | undefined): SheetState {
  return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
}

/**
 * The worksheets of a workbook, as ExcelJS lists them: the `<sheet>` elements whose relationship
 * leads to a worksheet part named `sheetN.xml`, in workbook order, without those whose `sheetId`
 * is not a positive integer; when two share a part, the later one's name and state; when two
 * share an id, the later part. Names are kept as written (ExcelJS refuses a workbook with a name
 * longer than 31 characters, or twice the same name). Throws `not-xlsx` without workbook.xml,
 * `corrupt-zip` where ExcelJS fails (malformed XML, a sheet without a name, a relationship
 * without a target).
 */
export function readWorkbookInfo(zip: ZipArchive): WorkbookInfo {
  const xml = zip.text(WORKBOOK);
  if (xml === undefined) throw new XlsxError('not-xlsx', `no ${WORKBOOK} part`);
  const { sheets, date1904 } = readWorkbookXml(xml);
  const relsXml = zip.text(WORKBOOK_RELS);
  const targets =
    relsXml === undefined
      ? new Map<string, string | undefined>()
      : parseRelationships(relsXml, WORKBOOK_RELS);

  const parts = new Set(zip.names.filter((n) => WORKSHEET_PART.test(n)));
  // Each part takes the last <sheet> that leads to it.
  const sheetOfPart = new Map<string, SheetElement>();
  for (const sheet of sheets) {
    if (sheet.rId === undefined || !targets.has(sheet.rId)) continue;
    const target = targets.get(sheet.rId);
    if (target === undefined) throw malformed(WORKBOOK_RELS, `no target for ${sheet.rId}`);
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (parts.has(part)) sheetOfPart.set(part, sheet);
  }
  // ExcelJS creates the worksheets in zip order, files them by sheetId and lists them in the
  // order of the first <sheet> with each id.
  const byId = new Map<number, WorksheetEntry>();
  for (const part of parts) {
    const sheet = sheetOfPart.get(part);
    if (sheet && Number.isInteger(sheet.id) && sheet.id >= 1) {
      byId.set(sheet.id, { name: sheet.name, state: stateOf(sheet.state), part });
    }
  }
  const order = (id: number): number => sheets.findIndex((s) => s.id === id);
  const listed = [...byId.entries()].sort(([a], [b]) => order(a) - order(b));
  return { sheets: listed.map(([, entry]) => entry), date1904 };
}
