import { reportJsonSchema, type ReportSchemaName } from '@phuluc/rules';
import { JOB_ROUTES, queryParameters, type JobCommand } from './query.js';

/** A report's JSON Schema as an OpenAPI 3.1 component (its own `$schema` dropped: the document's applies). */
function component(name: ReportSchemaName): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = reportJsonSchema(name);
  return schema;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const ERRORS = {
  '400': errorResponse('Unusable input or parameter: the one line the command line prints.'),
  '413': errorResponse(
    'Upload over the size limit, or a workbook that inflates past the limits (a zip bomb).',
  ),
  '415': errorResponse('Wrong content type, or a file format phuluc does not read (.xls, PDF …).'),
  '503': errorResponse(
    'Busy (every slot and the queue taken) or over the time limit; retry later.',
  ),
};

function parameters(command: JobCommand): unknown[] {
  return [
    {
      name: 'name',
      in: 'query',
      description: 'The file name the report shows (default upload.xlsx / upload.txt).',
      schema: { type: 'string' },
    },
    ...queryParameters(command).map((p) => ({
      name: p.name,
      in: 'query',
      description: `As the command line's --${p.name} (see phuluc ${command} --help).`,
      schema: p.boolean ? { type: 'boolean' } : { type: 'string' },
    })),
  ];
}

const WORKBOOK_BODY = {
  required: true,
  content: {
    [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } },
    'application/octet-stream': { schema: { type: 'string', contentMediaType: XLSX } },
  },
};

/**
 * The service's OpenAPI 3.1 document: its routes, their query parameters (the command line's
 * options, from the same table) and its responses, whose schemas are the reports' JSON Schemas
 * generated from the zod schemas of `@phuluc/rules`.
 */
export function openApiDocument(version: string): Record<string, unknown> {
  const path = (command: JobCommand) =>
    Object.entries(JOB_ROUTES).find(([, c]) => c === command)![0];
  return {
    openapi: '3.1.0',
    info: {
      title: 'phuluc serve',
      version,
      description:
        "Check and fill the annexes (phụ lục) of Vietnam's poverty-reduction plans: post a workbook, get the JSON report. Local: binds 127.0.0.1 unless told otherwise.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      [path('validate')]: {
        post: {
          operationId: 'validate',
          summary: 'Validate a workbook (as phuluc validate --format json).',
          parameters: parameters('validate'),
          requestBody: WORKBOOK_BODY,
          responses: {
            '200': {
              description: 'The report (X-Phuluc-Errors: true when some issue is an error).',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ValidateReport' } },
              },
            },
            ...ERRORS,
          },
        },
      },
      [path('fill')]: {
        post: {
          operationId: 'fill',
          summary: 'Fill the derived cells of a workbook (as phuluc fill).',
          parameters: parameters('fill'),
          requestBody: WORKBOOK_BODY,
          responses: {
            '200': {
              description:
                'The filled workbook, its report base64-encoded (UTF-8 JSON) in the X-Phuluc-Report header; with Accept: multipart/mixed, a multipart/mixed body of the report (application/json) then the workbook.',
              headers: {
                'X-Phuluc-Report': {
                  description:
                    'base64 of the FillReport JSON (UTF-8), when at most 48 KB; else X-Phuluc-Report-Omitted: too-large',
                  schema: { type: 'string', contentEncoding: 'base64' },
                },
                'X-Phuluc-Summary': {
                  description: 'writes=N; conflicts=M',
                  schema: { type: 'string' },
                },
              },
              content: {
                [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } },
                'multipart/mixed': { schema: { type: 'object' } },
              },
            },
            ...ERRORS,
          },
        },
      },
      [path('plan')]: {
        post: {
          operationId: 'plan',
          summary: "Check a plan's text (as phuluc plan), optionally against its annex workbook.",
          parameters: parameters('plan'),
          requestBody: {
            required: true,
            content: {
              'text/plain': { schema: { type: 'string' } },
              [DOCX]: { schema: { type: 'string', contentMediaType: DOCX } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['plan'],
                  properties: {
                    plan: { type: 'string', description: 'The plan: .txt (UTF-8) or .docx' },
                    annex: {
                      type: 'string',
                      contentMediaType: XLSX,
                      description: 'The annex workbook',
                    },
                  },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'The report.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/PlanReport' } },
              },
            },
            ...ERRORS,
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness, version and load.',
          responses: {
            '200': {
              description: 'Up.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['status', 'version', 'active', 'queued'],
                    properties: {
                      status: { const: 'ok' },
                      version: { type: 'string' },
                      active: { type: 'integer' },
                      queued: { type: 'integer' },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document.',
          responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
        },
      },
    },
    components: {
      schemas: {
        ValidateReport: component('validate'),
        FillReport: component('fill'),
        PlanReport: component('plan'),
        Error: component('error'),
      },
    },
  };
}
