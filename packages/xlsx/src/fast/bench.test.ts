/** The fast reader against ExcelJS on the bench workbooks (bench/generate.ts), 1 000 rows. */
import { describe, it } from 'vitest';
import { benchWorkbook } from '../../../../bench/generate.js';
import { writeWorkbook } from '../workbook.js';
import { expectSameAsExcelJS } from './__tests__/helpers.js';

describe('the bench workbooks', () => {
  it.each(['budget-allocation', 'poverty-targets'] as const)('%s, 1 000 rows', async (layout) => {
    await expectSameAsExcelJS(await writeWorkbook(benchWorkbook(layout, 1000)));
  });
});
