// The e2e's checks: each named, counted, and on failure a screenshot of the page it drove saved
// under the OS temp dir, its path printed with the failure.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Create a harness: `check(name, fn, page?)`, `assert(cond, message)`, counts, `finish()`. */
export function createHarness() {
  let passed = 0;
  let failed = 0;
  let shots = null;
  const failures = [];

  async function screenshot(page, name) {
    if (!page || page.isClosed?.()) return null;
    shots ??= mkdtempSync(join(tmpdir(), 'phuluc-e2e-shots-'));
    const file = join(
      shots,
      `${String(failed).padStart(2, '0')}-${name.replace(/[^\w-]+/g, '-').slice(0, 60)}.png`,
    );
    try {
      await page.screenshot({ path: file, fullPage: false, timeout: 5_000 });
      return file;
    } catch {
      return null;
    }
  }

  /** Run one named check; `page` is screenshotted when it fails. */
  async function check(name, fn, page) {
    try {
      await fn();
      passed++;
      console.log(`  ✓ ${name}`);
    } catch (e) {
      failed++;
      failures.push(name);
      const shot = await screenshot(page, name);
      console.log(
        `  ✗ ${name}\n      ${String(e?.message ?? e)
          .split('\n')
          .join('\n      ')}${shot ? `\n      screenshot: ${shot}` : ''}`,
      );
    }
  }

  function assert(cond, message) {
    if (!cond) throw new Error(message);
  }

  /** Count a failure outside any check (a build that failed, a missing browser). */
  function fail(message) {
    failed++;
    failures.push(message);
    console.log(`✗ ${message}`);
  }

  function finish(code) {
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(code ?? (failed > 0 ? 1 : 0));
  }

  return { check, assert, fail, finish, counts: () => ({ passed, failed }) };
}
