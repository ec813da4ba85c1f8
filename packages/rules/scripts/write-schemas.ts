// Write the JSON Schema files of the reports (packages/rules/schema/*.schema.json) from their zod
// schemas: `pnpm schemas`. `src/report/json-schema.test.ts` fails when the files drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  REPORT_SCHEMAS,
  reportJsonSchemaFile,
  type ReportSchemaName,
} from '../src/report/json-schema.js';

const dir = join(import.meta.dirname, '..', 'schema');
for (const name of Object.keys(REPORT_SCHEMAS) as ReportSchemaName[]) {
  writeFileSync(join(dir, `${name}.schema.json`), reportJsonSchemaFile(name));
  console.log(`schema/${name}.schema.json`);
}
