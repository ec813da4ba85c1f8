// End-to-end tests of the browser preview in real Chromium, fully offline.
//
//  1. builds the preview (`vite build --mode preview` → dist/preview, local Office.js) unless
//     `--no-build` is given and a build exists;
//  2. serves it on 127.0.0.1 (free port) with a tiny node:http static server;
//  3. runs each scenario module below against Debian's /usr/bin/chromium (playwright-core);
//  4. asserts that no request left 127.0.0.1, that the CSP was never violated and that no
//     console error was logged, over every page the scenarios opened.
//
// A scenario is a module exporting `name` and `run(t)`; `t` carries the harness (`check(name,
// fn, page)` screenshots `page` on failure, `assert`), `origin`, `newPage({ width, height })`,
// the example file and what the rules find in it (`expected`), and a temp folder (`work`).
// Add one by importing it and listing it in SCENARIOS.
//
// Prints `N passed, N failed` and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, CHROMIUM } from './lib/browser.mjs';
import { buildPreview } from './lib/build.mjs';
import { createHarness } from './lib/harness.mjs';
import { serve } from './lib/server.mjs';
import * as preview from './preview.mjs';
import * as widths from './widths.mjs';
import * as large from './large.mjs';
import * as a11y from './a11y.mjs';
import * as offline from './offline.mjs';
import * as fill from './fill.mjs';

const SCENARIOS = [preview, fill, widths, large, a11y, offline];

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(pkg, '..', '..');
const distDir = join(pkg, 'dist', 'preview');
const exampleFile = join(repo, 'examples', 'muong-lay-2024-loi.xlsx');

/** The rules' own verdict on a file (through tsx, from the workspace's TypeScript source). */
function expectedIssues(file) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@phuluc/source', join(pkg, 'e2e', 'expected.ts'), file],
    { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`expected.ts failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function main() {
  const t = createHarness();
  if (!existsSync(CHROMIUM)) {
    t.fail(
      `${CHROMIUM} is missing: run node scripts/ensure-chromium.mjs (apt-get install -y chromium)`,
    );
    t.finish(1);
  }
  if (!buildPreview(pkg, distDir)) {
    t.fail('preview build failed');
    t.finish(1);
  }
  const server = await serve(distDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const work = mkdtempSync(join(tmpdir(), 'phuluc-e2e-files-'));
  const browser = await launch();
  // PHULUC_E2E_ONLY=20 000,accessibility runs only the scenarios whose names contain those words.
  const only = process.env.PHULUC_E2E_ONLY?.split(',');
  try {
    const ctx = {
      ...t,
      origin,
      distDir,
      work,
      exampleFile,
      expected: expectedIssues(exampleFile),
      expectedIssues,
      newPage: browser.newPage,
      browser,
    };
    for (const s of SCENARIOS) {
      if (only && !only.some((o) => s.name.includes(o))) continue;
      console.log(`\n${s.name}`);
      await s.run(ctx);
    }
    console.log('\nguards');
    await t.check(
      'no request went anywhere but 127.0.0.1, and the CSP was never violated',
      async () => {
        const { outside, csp, consoleErrors } = await browser.guards();
        t.assert(outside.length === 0, `requests outside: ${outside.join(', ')}`);
        // Office.js loaded outside Office sometimes tries to frame Microsoft's telemetry
        // (…oaspapps.com). The CSP blocks it — that is the promise working, not a leak — so
        // such blocked frames are listed, not failed. Anything else fails.
        const officeTelemetry = (v) =>
          /^(frame-src|child-src|default-src)\b/.test(v) &&
          /^https:\/\/[^/]*(oaspapps\.com|office\.net|office\.com|microsoft\.com)\b/.test(
            v.split(' ')[1] ?? '',
          );
        const blocked = csp.filter(officeTelemetry);
        if (blocked.length)
          console.log(`  (blocked by the CSP, as intended: ${blocked.join(' | ')})`);
        const violations = csp.filter((v) => !officeTelemetry(v));
        t.assert(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
        const relevant = consoleErrors.filter(
          (e) =>
            !/favicon/.test(e) &&
            // Chromium words the same blocked frame either way.
            !/(Refused to frame|Framing) '[^']*(oaspapps\.com|office\.net|office\.com|microsoft\.com)/.test(
              e,
            ),
        );
        t.assert(relevant.length === 0, `console errors: ${relevant.join(' | ')}`);
      },
    );
  } finally {
    await browser.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
  t.finish();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
