/**
 * The {@link Analyst} of a workbook the page reads itself (Excel, or a workbook in memory): each
 * sheet is read block by block (progress, cancel between blocks), handed to the engine in chunks
 * of rows so no single message stalls the page, and checked there.
 */
import type { Grid } from '@phuluc/rules';
import type { Analyst, Work, Workbook } from '../workbook/types.js';
import type { Engine } from './client.js';
import { abortError } from './errors.js';

/** Rows per message when a grid is handed to the engine. */
const CHUNK_ROWS = 2000;

function yieldToPage(): Promise<void> {
  return new Promise((ok) => setTimeout(ok, 0));
}

/** Hand a grid to the engine under `key`, a chunk of rows at a time. */
export async function putGrid(
  engine: Engine,
  key: string,
  grid: Grid,
  work: Work = {},
): Promise<void> {
  const { signal } = work;
  const total = grid.cells.length;
  for (let from = 0; from === 0 || from < total; from += CHUNK_ROWS) {
    if (signal?.aborted) throw abortError();
    const rows = grid.cells.slice(from, from + CHUNK_ROWS);
    const last = from + CHUNK_ROWS >= total;
    await engine.request(
      {
        op: 'put',
        key,
        name: grid.name,
        from,
        rows,
        ...(last ? { merges: grid.merges } : {}),
      },
      signal ? { signal } : {},
    );
    if (!last) await yieldToPage();
  }
}

/** The analyst of a workbook whose sheets the page reads (Excel): rules in the engine. */
export function gridAnalyst(workbook: Workbook, engine: Engine): Analyst {
  const load = async (sheet: string, work: Work): Promise<string> => {
    work.onProgress?.({ phase: 'read' });
    const grid = await workbook.readSheet(sheet, work);
    const key = `sheet:${sheet}`;
    await putGrid(engine, key, grid, work);
    return key;
  };
  const opts = (work: Work) => (work.signal ? { signal: work.signal } : {});
  return {
    async detect(sheet, layouts, work = {}) {
      const key = await load(sheet, work);
      return engine.request({ op: 'detect', target: { key }, layouts }, opts(work));
    },
    async validate(sheet, options, work = {}) {
      const key = await load(sheet, work);
      work.onProgress?.({ phase: 'check' });
      return engine.request({ op: 'validate', target: { key }, options }, opts(work));
    },
    async fill(sheet, options, check, work = {}) {
      const key = await load(sheet, work);
      work.onProgress?.({ phase: 'fill' });
      return engine.request({ op: 'fill', target: { key }, options, check }, opts(work));
    },
    async validateAll(options, work = {}) {
      work.onProgress?.({ phase: 'read' });
      const grids = await workbook.readAllSheets();
      const keys: string[] = [];
      for (const grid of grids) {
        const key = `all:${keys.length}`;
        await putGrid(engine, key, grid, work);
        keys.push(key);
      }
      work.onProgress?.({ phase: 'check' });
      return engine.request({ op: 'validateAll', keys, options }, opts(work));
    },
  };
}
