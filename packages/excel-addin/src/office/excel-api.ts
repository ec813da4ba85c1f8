/**
 * The slice of the Excel JavaScript API the adapter uses, as structural interfaces. Office.js's
 * own classes (from `@types/office-js`) satisfy them — checked at compile time below — and the
 * hand-written fake (`fake-excel.ts`) implements them, so `tsc` holds the fake to the same
 * signatures as the real API, without casts.
 */

/** `OfficeExtension.ClientResult`: a value readable after the sync that produced it. */
export interface XlResult<T> {
  readonly value: T;
}

/** `Excel.RequestContext`. */
export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

/** `Excel.Workbook`. */
export interface XlWorkbook {
  readonly worksheets: XlWorksheets;
  readonly customXmlParts: XlCustomXmlParts;
}

/** `Excel.WorksheetCollection`. */
export interface XlWorksheets {
  load(propertyNames: string): unknown;
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  add(name?: string): XlWorksheet;
}

/** `Excel.Worksheet`. */
export interface XlWorksheet {
  /** Stays the same when the sheet is renamed or moved. */
  readonly id: string;
  readonly name: string;
  /** `Visible`, `Hidden` or `VeryHidden`. */
  readonly visibility: string;
  load(propertyNames: string): unknown;
  readonly notes: XlNotes;
  readonly freezePanes: { freezeRows(rowCount?: number): void };
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  getRange(address?: string): XlRange;
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): XlRange;
  activate(): void;
}

/** `Excel.Range`. */
export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  // Office.js types these as any[][]: a 2-D array of numbers, strings, booleans.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  values: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formulas: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  numberFormat: any[][];
  readonly valueTypes: string[][];
  readonly format: XlRangeFormat;
  readonly dataValidation: { rule: Excel.DataValidationRule };
  load(propertyNames: string): unknown;
  clear(applyTo?: 'All' | 'Contents'): void;
  getMergedAreasOrNullObject(): XlRangeAreas;
  getCellProperties(
    cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions,
  ): XlResult<Excel.CellProperties[][]>;
  merge(across?: boolean): void;
  select(): void;
}

/** `Excel.RangeAreas` (what `getMergedAreasOrNullObject` returns). */
export interface XlRangeAreas {
  readonly isNullObject: boolean;
  readonly address: string;
  load(propertyNames: string): unknown;
}

/** `Excel.RangeFormat`. */
export interface XlRangeFormat {
  readonly fill: XlFill;
  readonly font: { bold: boolean; italic: boolean; size: number };
  readonly borders: {
    getItem(index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight'): { style: string };
  };
  wrapText: boolean;
  horizontalAlignment: string;
  columnWidth: number;
}

/** `Excel.RangeFill`. */
export interface XlFill {
  load(propertyNames: string): unknown;
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  clear(): void;
}

/** `Excel.NoteCollection` (ExcelApi 1.18). */
export interface XlNotes {
  load(propertyNames: string): unknown;
  readonly items: XlNote[];
  add(cellAddress: string, content: string): unknown;
  getItemOrNullObject(key: string): XlNote;
}

/** `Excel.Note`. */
export interface XlNote {
  readonly isNullObject: boolean;
  load(propertyNames: string): unknown;
  getLocation(): XlRange;
  delete(): void;
}

/** `Excel.CustomXmlPartCollection` (ExcelApi 1.5). */
export interface XlCustomXmlParts {
  add(xml: string): XlCustomXmlPart;
  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): XlCustomXmlPart };
}

/** `Excel.CustomXmlPart`. */
export interface XlCustomXmlPart {
  readonly isNullObject: boolean;
  readonly id: string;
  load(propertyNames: string): unknown;
  getXml(): XlResult<string>;
  setXml(xml: string): void;
  delete(): void;
}

/**
 * How the add-in reaches Excel: `Excel.run` (a fresh request context per batch) and the
 * sheet-activated event. Real: {@link ./office-runner.ts}; tests: the fake.
 */
export interface ExcelRunner {
  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
  /**
   * Call `listener` with the worksheet id whenever the user activates a sheet; resolves to an
   * unsubscribe function. The listener must open its own `run`: the subscribing context is done.
   */
  onSheetActivated(listener: (worksheetId: string) => void): Promise<() => Promise<void>>;
}

type Assert<T extends true> = T;
/** Compile-time proof that Office.js's classes satisfy the interfaces above. */
export type OfficeJsSatisfiesInterfaces = [
  Assert<Excel.RequestContext extends XlContext ? true : false>,
  Assert<Excel.Worksheet extends XlWorksheet ? true : false>,
  Assert<Excel.Range extends XlRange ? true : false>,
  Assert<Excel.NoteCollection extends XlNotes ? true : false>,
  Assert<Excel.CustomXmlPart extends XlCustomXmlPart ? true : false>,
];
