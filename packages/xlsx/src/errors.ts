/**
 * Why a workbook could not be read. Stable codes; the CLI and the add-in map each one to a
 * message of the catalogue (`cli.input.<code>` in `@phuluc/rules`' messages).
 *
 * - `empty`: zero bytes.
 * - `not-xlsx`: not a zip at all (a text file, a PDF, a renamed .csv), or a zip without a workbook.
 * - `old-xls`: an OLE2 compound file with a `Workbook`/`Book` stream: an Excel 97–2003 .xls.
 * - `encrypted`: an OLE2 compound file with an `EncryptedPackage` stream: a password-protected .xlsx.
 * - `ole2`: an OLE2 compound file that is neither of the above (old .xls or password-protected).
 * - `corrupt-zip`: starts like a zip but cannot be opened (truncated, damaged).
 * - `too-large`: the parts of the zip hold more than `LIMITS.maxUncompressedBytes` once inflated,
 *   or more than `LIMITS.maxZipEntries` parts (see `limits.ts` and SECURITY.md).
 * - `zip-bomb`: a large part compresses more than `LIMITS.maxCompressionRatio`:1, or inflates
 *   beyond the size it declares.
 *
 * Why a surgical write (`writeCells`, `surgical/`) refuses to write, nothing being written:
 * - `strict-ooxml`: the workbook is saved as Strict Open XML.
 * - `duplicate-part`: two parts of the zip have the same name (`part`).
 * - `content-types`: `[Content_Types].xml` says a part is something else than it is (`part`).
 * - `unexpected-xml`: a part holds XML the writer does not know how to change safely (`part`,
 *   `cell` when one cell is the reason).
 * - `array-formula`: a cell to write lies in an array formula (`sheet`, `cell`, `range`).
 * - `table-header`: a cell to write is a header or totals cell of an Excel table (`sheet`,
 *   `cell`, `table`).
 * - `pivot-table`: a cell to write lies in a pivot table (`sheet`, `cell`, `table`).
 * - `shared-formula`: a cell to write is the master of a shared formula whose other cells are
 *   not written (`sheet`, `cell`, `range`).
 */
export type XlsxErrorCode =
  | 'empty'
  | 'not-xlsx'
  | 'old-xls'
  | 'encrypted'
  | 'ole2'
  | 'corrupt-zip'
  | 'too-large'
  | 'zip-bomb'
  | 'strict-ooxml'
  | 'duplicate-part'
  | 'content-types'
  | 'unexpected-xml'
  | 'array-formula'
  | 'table-header'
  | 'pivot-table'
  | 'shared-formula';

/** The message-catalogue key for each {@link XlsxErrorCode}. */
export const XLSX_ERROR_KEYS = {
  empty: 'cli.input.empty',
  'not-xlsx': 'cli.input.not-xlsx',
  'old-xls': 'cli.input.old-xls',
  encrypted: 'cli.input.encrypted',
  ole2: 'cli.input.ole2',
  'corrupt-zip': 'cli.input.corrupt-zip',
  'too-large': 'cli.input.too-large',
  'zip-bomb': 'cli.input.zip-bomb',
  'strict-ooxml': 'cli.write.strict-ooxml',
  'duplicate-part': 'cli.write.duplicate-part',
  'content-types': 'cli.write.content-types',
  'unexpected-xml': 'cli.write.unexpected-xml',
  'array-formula': 'cli.write.array-formula',
  'table-header': 'cli.write.table-header',
  'pivot-table': 'cli.write.pivot-table',
  'shared-formula': 'cli.write.shared-formula',
} as const satisfies Record<XlsxErrorCode, `cli.${string}`>;

/**
 * A typed failure to read or write a workbook. `key` is a message key of the catalogue;
 * `detail` keeps the underlying library's message for debugging (never shown as a stack).
 *
 * @example
 * try { await readWorkbook(bytes); } catch (e) { if (isXlsxError(e)) console.log(e.code); }
 */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly key: (typeof XLSX_ERROR_KEYS)[XlsxErrorCode];
  readonly detail?: string;
  /** Parameters of the message (`size`, `limit`, `ratio`), besides the file name. */
  readonly params: Readonly<Record<string, string>>;

  constructor(code: XlsxErrorCode, detail?: string, params: Readonly<Record<string, string>> = {}) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'XlsxError';
    this.code = code;
    this.key = XLSX_ERROR_KEYS[code];
    this.params = params;
    if (detail !== undefined) this.detail = detail;
  }
}

/** Type guard for {@link XlsxError}. */
export function isXlsxError(e: unknown): e is XlsxError {
  return e instanceof XlsxError;
}
