// axe-core (npm, a devDependency) injected into the page: the WCAG 2.1 A/AA rules,
// failing on critical and serious violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe on the page; returns the critical and serious violations, one line each. */
export async function axeViolations(page) {
  // Judge a settled page: no work running (a progress block fading in is half transparent).
  for (let quiet = 0; quiet < 3;) {
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, {
      timeout: 30_000,
    });
    await page.waitForTimeout(100);
    quiet = (await page.locator('[data-testid="progress"]').count()) === 0 ? quiet + 1 : 0;
  }
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through the DevTools protocol, not as an inline <script>: the pane's CSP forbids
    // inline scripts, and the e2e fails on any CSP violation.
    await page.evaluate(source);
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`,
    );
}
