import { z } from 'zod';
import type { LayoutDefinition } from './schema.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The zod schema of one data row of a layout: text columns as strings, numeric columns as
 * exact decimal strings (or null when empty). Services that exchange annex rows as JSON
 * validate them with it.
 *
 * @example
 * rowSchema(getLayout('budget-allocation')!).parse({ label: 'Dự án 2', total: '3154', nstw: '3154' });
 */
export function rowSchema(layout: LayoutDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of layout.columns) {
    if (c.kind === 'text' || c.kind === 'code') shape[c.key] = z.string().max(10_000).optional();
    else {
      let num = z.string().regex(DECIMAL, { message: 'decimal string' });
      if (c.kind === 'count') num = num.regex(/^\d+$/, { message: 'whole, non-negative' });
      shape[c.key] = num.nullable().optional();
    }
  }
  return z.object(shape).strict();
}

/** Validate one row against its layout's {@link rowSchema}. */
export function parseRow(layout: LayoutDefinition, row: unknown) {
  return rowSchema(layout).safeParse(row);
}
