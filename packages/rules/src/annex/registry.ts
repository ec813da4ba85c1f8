import { BUILT_IN_LAYOUTS } from './layouts/index.js';
import type { LayoutDefinition } from './schema.js';

/**
 * The built-in annex layouts with their columns.
 *
 * @example
 * listLayouts().map((l) => l.id); // ['budget-allocation', 'poverty-targets', 'service-targets']
 */
export function listLayouts(): readonly LayoutDefinition[] {
  return BUILT_IN_LAYOUTS;
}

/** A built-in layout by id, or undefined. */
export function getLayout(id: string): LayoutDefinition | undefined {
  return BUILT_IN_LAYOUTS.find((l) => l.id === id);
}
