import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/build-examples.js';
import { readWorkbook, worksheetToGrid, writeWorkbook } from '../packages/xlsx/src/index.js';
import { EXAMPLES_DIR } from './helpers.js';

describe('examples/*.xlsx are what examples/build-examples.ts builds', () => {
  it.each(EXAMPLES.map((e) => [e.file, e] as const))('%s', async (_file, example) => {
    const committed = await readWorkbook(readFileSync(join(EXAMPLES_DIR, example.file)));
    // Through bytes, so both sides went through the same writer and reader.
    const built = await readWorkbook(await writeWorkbook(example.build()));
    expect(committed.worksheets.map((w) => w.name)).toEqual(built.worksheets.map((w) => w.name));
    for (const ws of built.worksheets) {
      expect(worksheetToGrid(committed.getWorksheet(ws.name)!)).toEqual(worksheetToGrid(ws));
    }
  });
});
