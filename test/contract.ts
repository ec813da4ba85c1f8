import { z } from 'zod';

/** One issue of `phuluc validate --format json`. `expected`/`actual` are absent, never null, when unset. */
export const JsonIssueSchema = z.strictObject({
  code: z.string().regex(/^[a-z]+\/[a-z-]+$/),
  severity: z.enum(['error', 'warning', 'info']),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  message: z.string().min(1),
  expected: z.string().optional(),
  actual: z.string().optional(),
});

/**
 * What a sheet's validation checked: each numeric column with the relations that checked it
 * (kind and provenance), and the numeric columns nothing checked, with why. `read: false`: the
 * sheet's figures were not read at all (too large, failed, no table found).
 */
export const CoverageSchema = z.strictObject({
  read: z.boolean(),
  checked: z.array(
    z.strictObject({
      column: z.string().regex(/^[A-Z]{1,3}$/),
      header: z.string(),
      relations: z
        .array(
          z.strictObject({
            kind: z.enum([
              'sum',
              'of-which',
              'rate',
              'difference',
              'flow',
              'foot',
              'range',
              'direction',
            ]),
            provenance: z.enum(['layout', 'header', 'index-row', 'user-layout', 'inferred']),
          }),
        )
        .min(1),
    }),
  ),
  unchecked: z.array(
    z.strictObject({
      column: z.string().regex(/^[A-Z]{1,3}$/),
      header: z.string(),
      reason: z.enum(['no-relation', 'no-evidence', 'not-read']),
    }),
  ),
  // Relations the header states outright that the figures bear out on too few rows to check
  // (a deliberate addition: a sheet with any is never reported clean).
  unconfirmed: z.array(
    z.strictObject({
      kind: z.enum(['sum', 'of-which', 'rate', 'difference', 'flow']),
      provenance: z.enum(['header']),
      formula: z.string().min(1),
      evaluated: z.number().int().positive(),
      holds: z.number().int().nonnegative(),
    }),
  ),
});

/** The JSON contract of `phuluc validate --format json`: exactly one document on stdout. */
export const ValidateJsonSchema = z.strictObject({
  file: z.string().min(1),
  sheets: z.array(
    z.strictObject({
      sheet: z.string(),
      // A built-in layout id, or the id of a user-defined layout given with --layout-file.
      template: z
        .union([
          z.enum(['budget-allocation', 'poverty-targets', 'service-targets', 'budget-matrix']),
          z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
        ])
        .nullable(),
      issues: z.array(JsonIssueSchema),
      coverage: CoverageSchema,
    }),
  ),
  summary: z.strictObject({
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    infos: z.number().int().nonnegative(),
  }),
});

export type ValidateJson = z.infer<typeof ValidateJsonSchema>;
