import { z } from 'zod';
import {
  ErrorJsonSchema,
  FillJsonSchema,
  PlanJsonSchema,
  TemplatesJsonSchema,
  ValidateJsonSchema,
} from './schemas.js';

/** The zod schema of each JSON document phuluc prints or serves, by the name of its file in `schema/`. */
export const REPORT_SCHEMAS = {
  validate: ValidateJsonSchema,
  fill: FillJsonSchema,
  plan: PlanJsonSchema,
  templates: TemplatesJsonSchema,
  error: ErrorJsonSchema,
} as const;

/** The name of a published report schema: `schema/<name>.schema.json` in `@phuluc/rules`. */
export type ReportSchemaName = keyof typeof REPORT_SCHEMAS;

/** A JSON Schema document (draft 2020-12), as plain JSON. */
export type JsonSchemaDocument = { readonly [key: string]: unknown };

/**
 * The JSON Schema (draft 2020-12) of one report, generated from its zod schema with
 * `z.toJSONSchema`: the one source of the files in `schema/` (a test fails when they drift) and
 * of the service's OpenAPI document.
 *
 * @example
 * reportJsonSchema('validate').title; // 'phuluc validate report'
 */
export function reportJsonSchema(name: ReportSchemaName): JsonSchemaDocument {
  return z.toJSONSchema(REPORT_SCHEMAS[name], {
    target: 'draft-2020-12',
    io: 'output',
  }) as JsonSchemaDocument;
}

/** The serialised file `schema/<name>.schema.json`: two-space JSON and a final newline. */
export function reportJsonSchemaFile(name: ReportSchemaName): string {
  return `${JSON.stringify(reportJsonSchema(name), null, 2)}\n`;
}
