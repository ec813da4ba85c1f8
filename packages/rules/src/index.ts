/**
 * @phuluc/rules: pure rules for the annexes (phụ lục) of Vietnam's poverty-reduction plans.
 * No DOM, no Office.js, no I/O: adapters turn sheets into a {@link Grid} and render the
 * {@link Issue}s of a {@link Report}.
 *
 * @packageDocumentation
 */

// Money
export {
  Decimal,
  toDecimal,
  fromExcelNumber,
  type DecimalInput,
  type DecimalConstructor,
  type RoundingMode,
} from './money/decimal.js';
export {
  parseNumber,
  type ParseResult,
  type ParsedNumber,
  type AmbiguousNumber,
  type InvalidNumber,
  type ParseOptions,
  type NumberLocale,
  type Qualifier,
} from './money/parse.js';
export { formatNumber, formatValue, type FormatOptions } from './money/format.js';
export { convertUnit, dongPerUnit, type MoneyUnit } from './money/units.js';
export { sumDecimals, withinTolerance } from './money/sum.js';
export { roundHalfUp, decimalPlaces } from './money/round.js';

// Catalogue
export { getCatalog, PROGRAMME_PERIODS, DEFAULT_PERIOD } from './catalog/registry.js';
export {
  matchProject,
  isUnknownProject,
  matchIndicator,
  type ProjectMatch,
  type UnknownProject,
  type MatchOptions,
} from './catalog/match.js';
export type {
  ProgrammeCatalog,
  Project,
  SubProject,
  Indicator,
  CapitalType,
  Direction,
  Evidence,
} from './catalog/types.js';

// Grid
export {
  isCellError,
  type Grid,
  type Cell,
  type CellValue,
  type CellErrorValue,
  type CellStyle,
  type MergeRange,
} from './grid/types.js';
export {
  toA1,
  parseA1,
  columnLetters,
  columnIndex,
  rangeToA1,
  EXCEL_MAX_ROWS,
  EXCEL_MAX_COLS,
} from './grid/a1.js';
export {
  gridFromRows,
  getCell,
  gridSize,
  cellText,
  isEmptyCell,
  isCoveredByMerge,
  mergeAt,
} from './grid/grid.js';
export { normalizeText, stripDiacritics, similarity } from './grid/normalize.js';
export { romanNumeral } from './grid/roman.js';

// Layouts
export { LAYOUT_IDS, type LayoutId } from './annex/types.js';
export {
  LayoutDefinitionSchema,
  ColumnDefinitionSchema,
  ColumnKindSchema,
  HeaderPatternSchema,
  type LayoutDefinition,
  type ColumnDefinition,
  type ColumnKind,
  type HeaderPattern,
} from './annex/schema.js';
export { listLayouts, getLayout } from './annex/registry.js';
export {
  detectLayout,
  MIN_SCORE,
  type Detection,
  type LayoutFit,
  type DetectOptions,
} from './annex/detect.js';
export { readSheetTop, parseUnitLine, type SheetTop, type SheetUnit } from './annex/header.js';
export { rowSchema, parseRow } from './annex/row-schema.js';
export {
  parseLayoutFile,
  toLayoutDefinition,
  UserLayoutSchema,
  MAX_LAYOUT_FILE_CHARS,
  type UserLayout,
  type LayoutFileResult,
} from './annex/user-layout.js';
export { CHECK_NAMES, type CheckName } from './annex/schema.js';

// Checks
export { validateSheet, summarize, type ValidateSheetOptions } from './check/validate.js';
export { tooLargeReport, failedReport } from './check/sheet-reports.js';
export {
  ISSUE_CODES,
  type Issue,
  type IssueCode,
  type Severity,
  type Report,
  type Summary,
  type ValidateOptions,
  type LocalizedText,
} from './check/types.js';

// Relations and coverage
export type {
  Relation,
  RelationKind,
  Provenance,
  SumRelation,
  OfWhichRelation,
  RateRelation,
  DifferenceRelation,
  FlowRelation,
  FootRelation,
  BoundRelation,
} from './relations/types.js';
export type {
  Coverage,
  CheckedColumn,
  UncheckedColumn,
  UncheckedReason,
  UnconfirmedRelation,
} from './relations/coverage.js';
export { hasGaps } from './relations/coverage.js';
export { readHeaderTree, type HeaderTree, type HeaderNode } from './relations/header-tree.js';

// Fill
export { fillSheet } from './fill/fill.js';
export {
  describeFill,
  cellWritesOf,
  groupPlannedWrites,
  ROLE_ORDER,
  type PlannedWrite,
  type PlannedGroup,
  type PlannedContent,
  type CellContent,
} from './fill/planned.js';
export { warningsFeedingWrites, FED_WARNING_CODES, type FedWarning } from './fill/fed-warnings.js';
export type {
  FillOptions,
  FillResult,
  CellWrite,
  FillConflict,
  DerivedRole,
} from './fill/types.js';

// Templates
export { buildTemplate } from './template/build.js';
export type { TemplateOptions, TemplateSheet, DataValidationSpec } from './template/types.js';

// Messages
export {
  t,
  localized,
  isMessageKey,
  type MessageKey,
  type MessageParams,
} from './messages/catalog.js';
export type { Lang } from './messages/types.js';

// Report documents (the JSON of the CLI and the service) and their JSON Schemas
export {
  ValidateJsonSchema,
  FillJsonSchema,
  PlanJsonSchema,
  TemplatesJsonSchema,
  ErrorJsonSchema,
  JsonIssueSchema,
  CoverageSchema,
  type ValidateJson,
  type FillJson,
  type PlanJson,
  type TemplatesJson,
  type ErrorJson,
} from './report/schemas.js';
export {
  REPORT_SCHEMAS,
  reportJsonSchema,
  reportJsonSchemaFile,
  type ReportSchemaName,
  type JsonSchemaDocument,
} from './report/json-schema.js';

// Plan
export { readPlan } from './plan/read.js';
export { crossCheckPlan } from './plan/cross-check.js';
export type {
  Plan,
  PlanLine,
  PlanTarget,
  PlanTotal,
  PlanIssue,
  ReadPlanOptions,
  CrossCheckOptions,
} from './plan/types.js';
