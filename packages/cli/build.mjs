// Bundle the CLI into one ESM file: dist/phuluc.js. @phuluc/* are bundled from their TypeScript
// source (the `@phuluc/source` condition); exceljs and mammoth stay external (installed deps).
import { build } from 'esbuild';
import { chmod, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));
const outfile = join(here, 'dist', 'phuluc.js');

// Build into a temporary file and rename it into place, so a CLI that is running (or a test
// worker that builds concurrently) never sees a half-written bundle.
const tmp = `${outfile}.${process.pid}.tmp`;
await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile: tmp,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@phuluc/source'],
  external: ['exceljs', 'mammoth'],
  banner: { js: '#!/usr/bin/env node' },
  define: { __PHULUC_VERSION__: JSON.stringify(pkg.version) },
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
await chmod(tmp, 0o755);
await rename(tmp, outfile);
