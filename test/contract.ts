/**
 * The JSON contracts of the CLI, as the end-to-end tests use them. The zod schemas live in
 * `@phuluc/rules` (`packages/rules/src/report/schemas.ts`), the one source of the published JSON
 * Schema files (`packages/rules/schema/`) and of the service's OpenAPI document.
 */
export {
  CoverageSchema,
  ErrorJsonSchema,
  FillJsonSchema,
  JsonIssueSchema,
  PlanJsonSchema,
  TemplatesJsonSchema,
  ValidateJsonSchema,
  type FillJson,
  type PlanJson,
  type ValidateJson,
} from '@phuluc/rules';
