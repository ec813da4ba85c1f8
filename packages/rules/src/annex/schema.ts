import { z } from 'zod';

/** What a column holds. `count` is whole and non-negative; `percent` is 0–100. */
export const ColumnKindSchema = z.enum(['text', 'count', 'money', 'percent', 'code']);

/**
 * How a column is recognised in a header: every phrase set must be present in the
 * column's header text (all header rows joined), each by one of its phrases; none of
 * `none` may be. Phrases are normalised text (no diacritics, lower case) matched on
 * word boundaries, with OCR-tolerant fuzzy matching. `__early__` / `__late__` stand for
 * the earlier / later year when the headers carry two years (2023 → 2024).
 */
export const HeaderPatternSchema = z.object({
  all: z
    .array(z.array(z.string().min(1).max(80)).min(1).max(40))
    .min(1)
    .max(6),
  none: z.array(z.string().min(1).max(80)).max(40).optional(),
});

/** A column of a layout. */
export const ColumnDefinitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  header: z.string().min(1).max(120),
  headerEn: z.string().min(1).max(120),
  kind: ColumnKindSchema,
  /** The unit a money column is in is the sheet's; `%` for percent, `hộ` for households. */
  unit: z.string().max(20).optional(),
  required: z.boolean(),
  patterns: z.array(HeaderPatternSchema).min(1).max(12),
});

/** `target` equals the sum of `parts`, in every data row (cross-foot). */
export const CrossfootSchema = z.object({
  target: z.string(),
  parts: z.array(z.string()).min(2).max(12),
  /** Check only when at least this many parts are present in the sheet. */
  minParts: z.number().int().min(1).max(12).default(2),
});

/** `rate` = `count` ÷ `base` × 100 at the sheet's precision. */
export const RateRuleSchema = z.object({ rate: z.string(), count: z.string(), base: z.string() });

/** `result` = `from` − `to` (a reduction). */
export const DifferenceRuleSchema = z.object({
  result: z.string(),
  from: z.string(),
  to: z.string(),
});

/** `end` = `start` − Σ `out` + Σ `in`, in every row (a period's flow: poor households at the end). */
export const FlowRuleSchema = z.object({
  end: z.string(),
  start: z.string(),
  out: z.array(z.string()).max(12).default([]),
  in: z.array(z.string()).max(12).default([]),
});

/** Each of `parts` ≤ `total`, in every row ("Trong đó": of-which parts are not added to the others). */
export const OfWhichRuleSchema = z.object({
  total: z.string(),
  parts: z.array(z.string()).min(1).max(12),
});

/**
 * A column that is only itself left of another: matched to the right of `of`, it is read as
 * `otherwise` ("Thực hiện" before "Kế hoạch" is last year's result, a baseline; after it, this
 * year's result against the plan).
 */
export const LeftOfRuleSchema = z.object({
  key: z.string(),
  of: z.string(),
  otherwise: z.string(),
});

/** The checks a layout can ask for; a layout without `checks` gets those of its kind. */
export const CHECK_NAMES = [
  'cells',
  'foot',
  'crossfoot',
  'formulas',
  'catalog',
  'unit-suspect',
  'counterpart',
  'rates',
  'targets',
  'service',
] as const;

/** An annex layout: its columns and the arithmetic that ties them. Built-in layouts are data of this shape. */
export const LayoutDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  kind: z.enum(['budget', 'poverty', 'service']),
  title: z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200) }),
  /** Phrases of a title block that hint at this layout. */
  titleHints: z.array(z.string().min(1).max(80)).max(20).default([]),
  columns: z.array(ColumnDefinitionSchema).min(1).max(40),
  crossfoot: z.array(CrossfootSchema).max(20).default([]),
  rates: z.array(RateRuleSchema).max(20).default([]),
  differences: z.array(DifferenceRuleSchema).max(20).default([]),
  /** Flows checked in every row (relations of kind `flow`). */
  flows: z.array(FlowRuleSchema).max(20).default([]),
  /** Of-which parts checked in every row (relations of kind `of-which`). */
  ofWhich: z.array(OfWhichRuleSchema).max(20).default([]),
  /** Columns read by where they sit (see {@link LeftOfRuleSchema}). */
  leftOf: z.array(LeftOfRuleSchema).max(10).default([]),
  /** Labels of a total row, normalised. */
  totalLabels: z.array(z.string().min(1).max(60)).min(1).max(20),
  /** The checks that apply; unset: those of the layout's kind. */
  checks: z.array(z.enum(CHECK_NAMES)).optional(),
});

/** The name of a check a layout can ask for. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** A column of a layout (see {@link ColumnDefinitionSchema}). */
export type ColumnDefinition = z.infer<typeof ColumnDefinitionSchema>;
/** What a column holds. */
export type ColumnKind = z.infer<typeof ColumnKindSchema>;
/** An annex layout (see {@link LayoutDefinitionSchema}). */
export type LayoutDefinition = z.infer<typeof LayoutDefinitionSchema>;
/** How a column is recognised in a header. */
export type HeaderPattern = z.infer<typeof HeaderPatternSchema>;
