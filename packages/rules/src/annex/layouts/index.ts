import { LayoutDefinitionSchema, type LayoutDefinition } from '../schema.js';
import { BUDGET_ALLOCATION } from './budget-allocation.js';
import { BUDGET_MATRIX } from './budget-matrix.js';
import { POVERTY_TARGETS } from './poverty-targets.js';
import { SERVICE_TARGETS } from './service-targets.js';

/** The built-in layouts, each checked against {@link LayoutDefinitionSchema} when loaded. */
export const BUILT_IN_LAYOUTS: readonly LayoutDefinition[] = [
  BUDGET_ALLOCATION,
  POVERTY_TARGETS,
  SERVICE_TARGETS,
  BUDGET_MATRIX,
].map((l) => LayoutDefinitionSchema.parse(l));
