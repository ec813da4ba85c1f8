// Build a published package (run from its folder): dist/ (ESM, with .d.ts) and dist/cjs/ (CommonJS,
// with .d.ts read as CommonJS through dist/cjs/package.json), from a clean dist/ so nothing stale
// ships. Both are emitted by tsc from the same sources: tsconfig.build.json and tsconfig.cjs.json.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist', { recursive: true, force: true });
for (const config of ['tsconfig.build.json', 'tsconfig.cjs.json'])
  execFileSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
writeFileSync(join('dist', 'cjs', 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
