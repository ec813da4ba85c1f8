// Builds the preview (`vite build --mode preview` → dist/preview, Office.js copied locally)
// unless `--no-build` is given and a build exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Build dist/preview; returns false when the build failed. */
export function buildPreview(pkg, distDir) {
  if (process.argv.includes('--no-build') && existsSync(join(distDir, 'taskpane.html')))
    return true;
  console.log('building the preview (vite build --mode preview)…');
  const vite = join(pkg, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--mode', 'preview', '--logLevel', 'warn'],
    {
      cwd: pkg,
      stdio: 'inherit',
    },
  );
  return r.status === 0;
}
