// A generated 20 000-row annex: opening and checking it never blocks the page for more than
// 100 ms (PerformanceObserver 'longtask'), a progress bar shows while the worker checks, the
// issue list and the grid are windowed, and an issue at row 19 006 is selected and shown.
import { join } from 'node:path';
import { writeBigWorkbook } from './lib/big-workbook.mjs';
import { openPreview } from './lib/pane.mjs';

export const name = 'a 20 000-row sheet: no long task, progress, any row reachable';

/** Start recording long tasks, painted frames and whether the progress bar was seen. */
function probe(page) {
  return page.evaluate(() => {
    const p = {
      start: performance.now(),
      longTasks: [],
      frames: 0,
      progressSeen: false,
      done: false,
      end: 0,
    };
    window.__probe = p;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.startTime >= p.start && !p.done) p.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
    const tick = () => {
      if (p.done) return;
      p.frames++;
      const bar = document.querySelector('[data-testid="progress"]');
      if (
        bar &&
        getComputedStyle(bar).visibility === 'visible' &&
        bar.getBoundingClientRect().height > 0
      )
        p.progressSeen = true;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stop the probe once `selector` is in the page; returns what it saw. */
async function probeUntil(page, selector, timeout) {
  await page.waitForSelector(selector, { timeout });
  // Long-task entries are delivered after the task: give the observer a frame or two.
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const p = window.__probe;
    p.done = true;
    return { ...p, elapsed: Math.round(performance.now() - p.start) };
  });
}

export async function run(t) {
  const { check, assert } = t;
  const file = join(t.work, 'chi-tieu-20000-thon.xlsx');
  const big = await writeBigWorkbook(file, 20_000);
  const target = big.planted.find((p) => p.kind === 'rate');
  const targetCell = `E${target.row}`;
  const page = await t.newPage({ width: 1366, height: 900 });
  const numbers = {};

  await check(
    'opening 20 000 rows: parsed in the worker, no long task over 100 ms',
    async () => {
      await openPreview(page, t.origin);
      await probe(page);
      await page.getByTestId('file-input').setInputFiles(file);
      const seen = await probeUntil(page, 'td[data-cell="A1"]', 60_000);
      numbers.open = seen;
      const over = seen.longTasks.filter((d) => d > 100);
      assert(over.length === 0, `long tasks while opening: ${over.join(', ')} ms`);
      const rows = await page.locator('[role="grid"]').getAttribute('aria-rowcount');
      assert(Number(rows) === big.rows + 1, `grid says ${rows} rows, the sheet has ${big.rows}`);
    },
    page,
  );

  await check(
    'Kiểm tra on 20 000 rows: progress shown, no long task over 100 ms until the result',
    async () => {
      // Let the opening settle (the first detect) before measuring the check alone.
      await page
        .getByRole('button', { name: 'Kiểm tra', exact: true })
        .and(page.locator(':enabled'))
        .waitFor();
      await probe(page);
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      const seen = await probeUntil(page, '[data-panel="issues"] [data-complete="true"]', 120_000);
      numbers.validate = seen;
      const over = seen.longTasks.filter((d) => d > 100);
      assert(over.length === 0, `long tasks during the check: ${over.join(', ')} ms`);
      assert(seen.progressSeen, 'the progress bar was never visible during the check');
      assert(seen.frames >= 10, `only ${seen.frames} frames painted during ${seen.elapsed} ms`);
    },
    page,
  );

  await check(
    'the issue list is windowed: far fewer buttons than issues',
    async () => {
      const verdict = await page.getByTestId('issues-verdict').textContent();
      const total = (verdict.match(/\d+/g) ?? []).map(Number).reduce((a, b) => a + b, 0);
      const buttons = await page.locator('[data-issue-cell]').count();
      assert(total >= 300, `only ${total} issues: the sheet should give hundreds (${verdict})`);
      assert(buttons < 120, `${buttons} issue buttons in the page for ${total} issues`);
      const cells = await page.locator('td[data-cell]').count();
      assert(cells < 2_000, `${cells} grid cells in the page`);
    },
    page,
  );

  await check(
    `an issue at row ${target.row} is selectable: the grid scrolls to ${targetCell}`,
    async () => {
      const issue = page.locator(`[data-issue-cell="${targetCell}"]`);
      await issue.click();
      await page.waitForFunction(
        (c) =>
          document.querySelector(`td[data-cell="${c}"]`)?.getAttribute('data-selected') === 'true',
        targetCell,
        { timeout: 10_000 },
      );
      const inView = await page.locator(`td[data-cell="${targetCell}"]`).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const box = el.closest('[data-grid-scroller]').getBoundingClientRect();
        return (
          r.top >= box.top - 1 &&
          r.bottom <= box.bottom + 1 &&
          r.left >= box.left - 1 &&
          r.right <= box.right + 1
        );
      });
      assert(inView, `${targetCell} is not in view`);
      const text = await page.locator(`td[data-cell="${targetCell}"]`).textContent();
      assert(/Lỗi/.test(text), `${targetCell} does not say it is an error: ${text}`);
    },
    page,
  );

  await check(
    'any row is reachable by keyboard: Ctrl+End in the grid goes to the last row',
    async () => {
      await page.locator(`td[data-cell="${targetCell}"]`).focus();
      const focused = () =>
        page.evaluate(
          () =>
            document.activeElement?.getAttribute('data-cell') ?? document.activeElement?.tagName,
        );
      assert((await focused()) === targetCell, `focus is on ${await focused()}, not ${targetCell}`);
      await page.keyboard.press('Control+End');
      const last = `H${big.rows}`;
      await page
        .waitForFunction((c) => document.activeElement?.getAttribute('data-cell') === c, last, {
          timeout: 5_000,
        })
        .catch(async () => {
          throw new Error(`after Ctrl+End focus is on ${await focused()}, not ${last}`);
        });
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(
        (c) => document.activeElement?.getAttribute('data-cell') === c,
        `H${big.rows - 1}`,
        { timeout: 5_000 },
      );
    },
    page,
  );

  await check(
    'the warnings list scrolls to its last issue by keyboard (End)',
    async () => {
      const list = page.locator('[data-group="warning"] [data-windowed] button').first();
      await list.focus();
      await page.keyboard.press('End');
      await page.waitForFunction(
        () => {
          const b = document.activeElement;
          return b?.closest('[data-group="warning"]') && Number(b.getAttribute('data-index')) > 400;
        },
        null,
        { timeout: 5_000 },
      );
    },
    page,
  );

  await check(
    'switching language on 20 000 rows: no long task over 100 ms, every text switched',
    async () => {
      await probe(page);
      await page.getByTestId('lang-toggle').click();
      const seen = await probeUntil(page, 'text=Check results', 10_000);
      numbers.lang = seen;
      const over = seen.longTasks.filter((d) => d > 100);
      assert(over.length === 0, `long tasks during the switch: ${over.join(', ')} ms`);
      const text =
        (await page.locator('main').innerText()) +
        (await page.locator('header').first().innerText());
      for (const vi of ['Kiểm tra', 'Cảnh báo', 'Lỗi (', 'Trang tính:'])
        assert(!text.includes(vi), `still Vietnamese after the switch: "${vi}"`);
      await page.getByTestId('lang-toggle').click();
    },
    page,
  );

  const fmt = (s) =>
    s &&
    `${s.elapsed} ms, longest task ${Math.max(0, ...s.longTasks)} ms (${s.longTasks.length} over 50 ms), ${s.frames} frames`;
  console.log(
    `    measured: open ${fmt(numbers.open)}; check ${fmt(numbers.validate)}; language ${fmt(numbers.lang)}`,
  );
  await page.close();
}
