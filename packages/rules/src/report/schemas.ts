import { z } from 'zod';
import { ISSUE_CODES } from '../check/types.js';
import { LAYOUT_IDS } from '../annex/types.js';
import { DERIVED_ROLES } from '../fill/types.js';

/*
 * The JSON documents phuluc prints (`--format json`) and the local service answers with: one
 * zod schema per document, the one source of the JSON Schema files in `schema/`
 * (`reportJsonSchemas`) and of the service's OpenAPI document.
 */

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;
const COLUMN = /^[A-Z]{1,3}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

const Severity = z.enum(['error', 'warning', 'info']);

/** An issue code: one of `ISSUE_CODES` (`sum/foot`, …). */
const IssueCode = z.enum(ISSUE_CODES);

/** A built-in layout id, or the id of a user-defined layout. */
const LayoutIdJson = z.union([z.enum(LAYOUT_IDS), z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)]);

const Summary = z.strictObject({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});

/** One issue of the validate report. `expected`/`actual` are absent, never null, when unset. */
export const JsonIssueSchema = z
  .strictObject({
    code: IssueCode,
    severity: Severity,
    cell: z.string().regex(A1),
    message: z.string().min(1),
    expected: z.string().optional(),
    actual: z.string().optional(),
  })
  .meta({ description: 'One issue at a cell of the sheet, with its message.' });

/**
 * What a sheet's validation checked: each numeric column with the relations that checked it
 * (kind and provenance), and the numeric columns nothing checked, with why. `read: false`: the
 * sheet's figures were not read at all (too large, failed, no table found).
 */
export const CoverageSchema = z
  .strictObject({
    read: z.boolean(),
    checked: z.array(
      z.strictObject({
        column: z.string().regex(COLUMN),
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
        column: z.string().regex(COLUMN),
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
  })
  .meta({ description: 'What a sheet validation checked, and what it did not.' });

/**
 * The report of `phuluc validate --format json` and of `POST /v1/validate`: one document.
 * `file` is the path as given on the command line (the service: the `name` query parameter).
 */
export const ValidateJsonSchema = z
  .strictObject({
    file: z.string().min(1),
    sheets: z.array(
      z.strictObject({
        sheet: z.string(),
        template: LayoutIdJson.nullable(),
        issues: z.array(JsonIssueSchema),
        coverage: CoverageSchema,
      }),
    ),
    summary: Summary,
  })
  .meta({
    title: 'phuluc validate report',
    description: 'The report of `phuluc validate --format json` and of `POST /v1/validate`.',
  });

/** A cell's value as the workbook held it: a number, text, a boolean, empty, or an error value. */
const CellValueJson = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.strictObject({ error: z.string() }),
]);

/**
 * The report of `phuluc fill --format json` and of `POST /v1/fill` (its `X-Phuluc-Report`
 * header): the cells written and the conflicts found, per sheet.
 */
export const FillJsonSchema = z
  .strictObject({
    file: z.string().min(1),
    output: z.string().min(1),
    sheets: z.array(
      z.strictObject({
        sheet: z.string(),
        template: LayoutIdJson.nullable(),
        /** Why the sheet was left as it was (too large, unreadable). */
        error: z.string().optional(),
        writes: z.array(
          z.strictObject({
            cell: z.string().regex(A1),
            role: z.enum(DERIVED_ROLES),
            formula: z.string().min(1).optional(),
            value: z.string().regex(DECIMAL),
          }),
        ),
        conflicts: z.array(
          z.strictObject({
            cell: z.string().regex(A1),
            existing: CellValueJson,
            existingFormula: z.string().optional(),
            computed: z.string().regex(DECIMAL),
            written: z.boolean(),
          }),
        ),
      }),
    ),
    summary: z.strictObject({
      writes: z.number().int().nonnegative(),
      conflicts: z.number().int().nonnegative(),
    }),
  })
  .meta({
    title: 'phuluc fill report',
    description: 'The report of `phuluc fill --format json` and of `POST /v1/fill`.',
  });

const MoneyUnitJson = z.enum(['dong', 'nghin', 'trieu', 'ty']);
const Amount = z.string().regex(DECIMAL);

/** The report of `phuluc plan --format json` and of `POST /v1/plan`. */
export const PlanJsonSchema = z
  .strictObject({
    file: z.string().min(1),
    annex: z.strictObject({ file: z.string(), sheet: z.string() }).nullable(),
    lines: z.array(
      z.strictObject({
        line: z.number().int().positive(),
        project: z.string().regex(/^DA\d+$/),
        subproject: z
          .string()
          .regex(/^DA\d+\.TDA\d+$/)
          .optional(),
        amount: Amount,
        unit: MoneyUnitJson,
        central: Amount.optional(),
        local: Amount.optional(),
        other: Amount.optional(),
      }),
    ),
    total: z
      .strictObject({
        line: z.number().int().positive(),
        amount: Amount,
        unit: MoneyUnitJson,
        central: Amount.optional(),
        local: Amount.optional(),
        other: Amount.optional(),
      })
      .nullable(),
    targets: z.array(
      z.strictObject({
        line: z.number().int().positive(),
        startRate: Amount.optional(),
        endRate: Amount.optional(),
        reduction: Amount.optional(),
        startCount: Amount.optional(),
        endCount: Amount.optional(),
        countReduction: Amount.optional(),
        households: z.strictObject({ min: Amount, max: Amount }).optional(),
      }),
    ),
    issues: z.array(
      z.strictObject({
        code: IssueCode,
        severity: Severity,
        /** 1-based line of the text; 0 when the issue has none. */
        line: z.number().int().nonnegative(),
        /** The annex cell, or '' when the issue refers to none. */
        cell: z.string().regex(/^(|[A-Z]{1,3}[1-9]\d*)$/),
        message: z.string().min(1),
        expected: z.string().optional(),
        actual: z.string().optional(),
      }),
    ),
    summary: Summary,
  })
  .meta({
    title: 'phuluc plan report',
    description: 'The report of `phuluc plan --format json` and of `POST /v1/plan`.',
  });

/** The list of `phuluc templates --format json`: the built-in layouts and their columns. */
export const TemplatesJsonSchema = z
  .array(
    z.strictObject({
      id: z.enum(LAYOUT_IDS),
      title: z.string().min(1),
      columns: z.array(
        z.strictObject({
          key: z.string().min(1),
          header: z.string().min(1),
          kind: z.enum(['text', 'count', 'money', 'percent', 'code']),
          required: z.boolean(),
          unit: z.string().optional(),
        }),
      ),
    }),
  )
  .meta({
    title: 'phuluc templates list',
    description: 'The list of `phuluc templates --format json`.',
  });

/**
 * A refusal of the local service (`phuluc serve`): the message key and the same one line the
 * command line prints on stderr (Vietnamese / English).
 */
export const ErrorJsonSchema = z
  .strictObject({
    error: z.strictObject({
      /** The message key: `cli.input.zip-bomb`, `serve.error.busy`, … */
      code: z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/),
      message: z.string().min(1),
    }),
  })
  .meta({
    title: 'phuluc error',
    description: 'A refusal of `phuluc serve`, with the one line the command line prints.',
  });

/** The validate report's type. */
export type ValidateJson = z.infer<typeof ValidateJsonSchema>;
/** The fill report's type. */
export type FillJson = z.infer<typeof FillJsonSchema>;
/** The plan report's type. */
export type PlanJson = z.infer<typeof PlanJsonSchema>;
/** The templates list's type. */
export type TemplatesJson = z.infer<typeof TemplatesJsonSchema>;
/** The service's error document's type. */
export type ErrorJson = z.infer<typeof ErrorJsonSchema>;
