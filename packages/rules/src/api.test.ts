import { describe, expect, it } from 'vitest';
import * as api from './index.js';

/**
 * The issue codes and the exported API of @phuluc/rules are contracts: other services and the
 * CLI's JSON depend on them. Changing either must be done on purpose, here, with a note.
 */
describe('public contract of @phuluc/rules', () => {
  it('keeps its issue codes', () => {
    expect(api.ISSUE_CODES).toEqual([
      'header/unknown-layout',
      'header/missing-column',
      'cell/error-value',
      'cell/not-number',
      'cell/number-as-text',
      'cell/ambiguous-number',
      'cell/negative',
      'cell/not-whole',
      'cell/precision',
      'sum/foot',
      'sum/crossfoot',
      'sum/rounding',
      'rate/mismatch',
      'rate/range',
      'rate/averaged-total',
      'target/raises-poverty',
      'target/reduction-mismatch',
      'target/flow-mismatch',
      'target/below-assigned',
      'target/direction',
      'target/exceeds-households',
      'catalog/unknown-project',
      'catalog/name-mismatch',
      'catalog/capital-type',
      'catalog/unknown-indicator',
      'budget/unit-suspect',
      'budget/counterpart-ratio',
      'formula/omits-row',
      'formula/hardcoded-total',
      'formula/inconsistent',
      'formula/external-ref',
      'check/failed',
      'sheet/too-large',
      'table/rows-not-read',
      'plan/total-mismatch',
      'plan/split-mismatch',
      'plan/target-mismatch',
      'plan/annex-mismatch',
      'plan/missing-in-annex',
      'plan/missing-in-plan',
    ]);
  });

  // Added on purpose (issue 18): the fill's one description of each planned write, which the
  // pane lists and the adapters write (describeFill, cellWritesOf, groupPlannedWrites,
  // ROLE_ORDER), and the open warnings a fill rolls into its totals (warningsFeedingWrites,
  // FED_WARNING_CODES).
  // Added on purpose (issue 19): the report documents' zod schemas and their JSON Schemas
  // (REPORT_SCHEMAS, reportJsonSchema, reportJsonSchemaFile, *JsonSchema); Decimal is now phuluc's
  // own interface (types DecimalConstructor, RoundingMode), the same value at run time.
  it('keeps its exports', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CHECK_NAMES',
      'ColumnDefinitionSchema',
      'ColumnKindSchema',
      'CoverageSchema',
      'DEFAULT_PERIOD',
      'Decimal',
      'EXCEL_MAX_COLS',
      'EXCEL_MAX_ROWS',
      'ErrorJsonSchema',
      'FED_WARNING_CODES',
      'FillJsonSchema',
      'HeaderPatternSchema',
      'ISSUE_CODES',
      'JsonIssueSchema',
      'LAYOUT_IDS',
      'LayoutDefinitionSchema',
      'MAX_LAYOUT_FILE_CHARS',
      'MIN_SCORE',
      'PROGRAMME_PERIODS',
      'PlanJsonSchema',
      'REPORT_SCHEMAS',
      'ROLE_ORDER',
      'TemplatesJsonSchema',
      'UserLayoutSchema',
      'ValidateJsonSchema',
      'buildTemplate',
      'cellText',
      'cellWritesOf',
      'columnIndex',
      'columnLetters',
      'convertUnit',
      'crossCheckPlan',
      'decimalPlaces',
      'describeFill',
      'detectLayout',
      'dongPerUnit',
      'failedReport',
      'fillSheet',
      'formatNumber',
      'formatValue',
      'fromExcelNumber',
      'getCatalog',
      'getCell',
      'getLayout',
      'gridFromRows',
      'gridSize',
      'groupPlannedWrites',
      'hasGaps',
      'isCellError',
      'isCoveredByMerge',
      'isEmptyCell',
      'isMessageKey',
      'isUnknownProject',
      'listLayouts',
      'localized',
      'matchIndicator',
      'matchProject',
      'mergeAt',
      'normalizeText',
      'parseA1',
      'parseLayoutFile',
      'parseNumber',
      'parseRow',
      'parseUnitLine',
      'rangeToA1',
      'readHeaderTree',
      'readPlan',
      'readSheetTop',
      'reportJsonSchema',
      'reportJsonSchemaFile',
      'romanNumeral',
      'roundHalfUp',
      'rowSchema',
      'similarity',
      'stripDiacritics',
      'sumDecimals',
      'summarize',
      't',
      'toA1',
      'toDecimal',
      'toLayoutDefinition',
      'tooLargeReport',
      'validateSheet',
      'warningsFeedingWrites',
      'withinTolerance',
    ]);
  });

  it('has a message in both languages for every issue code', () => {
    for (const code of api.ISSUE_CODES) {
      const key = `issue.${code}`;
      expect(api.isMessageKey(key), key).toBe(true);
      if (api.isMessageKey(key)) {
        expect(api.t(key, {}, 'vi').length).toBeGreaterThan(10);
        expect(api.t(key, {}, 'en').length).toBeGreaterThan(10);
      }
    }
  });

  it('lists the built-in layouts by id', () => {
    expect(api.LAYOUT_IDS).toEqual([
      'budget-allocation',
      'poverty-targets',
      'service-targets',
      'budget-matrix',
    ]);
    expect(api.listLayouts().map((l) => l.id)).toEqual([...api.LAYOUT_IDS]);
  });
});
