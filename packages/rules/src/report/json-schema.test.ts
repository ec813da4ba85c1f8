import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMAS, reportJsonSchema, reportJsonSchemaFile } from './json-schema.js';

const DIR = new URL('../../schema/', import.meta.url);

describe('published JSON Schemas', () => {
  it('are the files generated from the zod schemas (run `pnpm schemas` after changing one)', () => {
    const names = Object.keys(REPORT_SCHEMAS) as Array<keyof typeof REPORT_SCHEMAS>;
    expect(readdirSync(DIR).sort()).toEqual(names.map((n) => `${n}.schema.json`).sort());
    for (const name of names) {
      expect(readFileSync(new URL(`${name}.schema.json`, DIR), 'utf8'), name).toBe(
        reportJsonSchemaFile(name),
      );
    }
  });

  it('are draft 2020-12 documents that close their objects', () => {
    const validate = reportJsonSchema('validate');
    expect(validate.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validate.title).toBe('phuluc validate report');
    expect(validate.additionalProperties).toBe(false);
    expect(reportJsonSchema('templates').type).toBe('array');
  });
});
