// Bundle the CLI: dist/phuluc.js and the chunks it loads on demand (dist/chunks/). @phuluc/* are
// bundled from their TypeScript source (the `@phuluc/source` condition); exceljs and mammoth stay
// external (installed deps). Each command is its own chunk, so `phuluc validate` never loads
// ExcelJS or mammoth: a new process pays only for what the command uses.
import { build } from 'esbuild';
import { chmod, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const chunks = join(dist, 'chunks');
/** Chunks no build references any more are removed once they are this old (a running CLI may still load one). */
const STALE_MS = 10 * 60 * 1000;

// Build into a folder of its own, then move the chunks into place and the entry last, each by a
// rename: a CLI that is running (or a test worker that builds concurrently) never sees a
// half-written file. Chunk names carry a hash of their content.
const tmp = join(dist, `.build-${process.pid}`);
await rm(tmp, { recursive: true, force: true });
try {
  const result = await build({
    entryPoints: { phuluc: join(here, 'src', 'main.ts') },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['@phuluc/source'],
    external: ['exceljs', 'mammoth'],
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  await mkdir(chunks, { recursive: true });
  const built = new Set();
  for (const name of await readdir(join(tmp, 'chunks'))) {
    built.add(name);
    await rename(join(tmp, 'chunks', name), join(chunks, name));
  }
  await chmod(join(tmp, 'phuluc.js'), 0o755);
  await rename(join(tmp, 'phuluc.js'), join(dist, 'phuluc.js'));
  for (const name of await readdir(chunks)) {
    if (built.has(name)) continue;
    const file = join(chunks, name);
    const age = Date.now() - (await stat(file)).mtimeMs;
    if (age > STALE_MS) await unlink(file).catch(() => {});
  }
  if (Object.keys(result.metafile.outputs).length !== built.size + 1)
    throw new Error('unexpected build outputs');
} finally {
  await rm(tmp, { recursive: true, force: true });
}
