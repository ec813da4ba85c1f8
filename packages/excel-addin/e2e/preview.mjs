// The preview's main flow at 1366 px on the example with planted mistakes: load offline, open,
// check (highlights match the rules), select, fill, undo, clear, download.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { more, openFile, openPreview, validate } from './lib/pane.mjs';

export const name = 'preview at 1366 px: open, check, select, fill, undo, clear, download';

export async function run(t) {
  const { check, assert, expected, exampleFile: file, distDir } = t;
  const firstSheet = expected[0];
  const page = await t.newPage({ width: 1366, height: 900 });

  await check(
    'the preview loads with Office.js served locally and offers a file picker',
    async () => {
      await openPreview(page, t.origin);
      const html = readFileSync(join(distDir, 'taskpane.html'), 'utf8');
      assert(
        html.includes('office-js/office.js'),
        'taskpane.html does not load the local office.js',
      );
      assert(!html.includes('appsforoffice.microsoft.com'), 'preview build references the CDN');
      assert(
        await page.evaluate(() => typeof window.Office !== 'undefined'),
        'Office.js did not load',
      );
      const csp = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      assert(
        csp?.includes("script-src 'self'") &&
          csp.includes("connect-src 'self'") &&
          csp.includes("worker-src 'self'"),
        `CSP: ${csp}`,
      );
    },
    page,
  );

  await check(
    'the "this Excel cannot run the pane" notice is gone once the pane runs',
    async () => {
      assert(
        (await page.locator('#phuluc-unsupported').count()) === 0,
        'the plain-HTML notice is still in the page',
      );
    },
    page,
  );

  await check(
    'ExcelJS is not in the initial JavaScript',
    async () => {
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => n.endsWith('.js') && !n.includes('/office-js/')),
      );
      assert(scripts.length > 0, 'no scripts loaded');
      for (const s of scripts) {
        const body = await (await fetch(s)).text();
        assert(!body.includes('xl/sharedStrings.xml'), `${s} contains ExcelJS`);
      }
    },
    page,
  );

  await check(
    'the first-run card shows the three steps and offers the bundled sample',
    async () => {
      const card = page.locator('[data-panel="first-run"]');
      assert((await card.locator('li').count()) === 3, 'not three steps');
      assert(await page.getByTestId('sample').isVisible(), 'no sample button');
    },
    page,
  );

  await check(
    'opening the workbook (parsed in a Web Worker) renders its sheet as a grid',
    async () => {
      await openFile(page, file);
      assert(
        (await page.getByTestId('file-name').textContent())?.includes('.xlsx'),
        'file name not shown',
      );
      const tabs = await page.locator('[data-sheet-tab]').count();
      assert(tabs === expected.length, `${tabs} sheet tabs, expected ${expected.length}`);
      const workers = page.workers().map((w) => w.url());
      assert(
        workers.some((u) => u.startsWith(t.origin) && /pane\.worker/.test(u)),
        `no engine worker: ${workers.join(', ')}`,
      );
      const focused = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-testid'),
      );
      assert(focused === 'file-name', `focus after opening is on ${focused}, not the opened file`);
    },
    page,
  );

  await check(
    'Kiểm tra highlights the planted mistakes with the right severity, by icon and word too',
    async () => {
      await validate(page);
      const marked = await page.$$eval('td[data-severity]', (tds) =>
        tds.map((td) => ({
          cell: td.getAttribute('data-cell'),
          severity: td.getAttribute('data-severity'),
          icon: td.querySelector('[data-severity-icon]')?.getAttribute('data-severity-icon'),
          text: td.textContent,
        })),
      );
      const rank = { error: 0, warning: 1, info: 2 };
      const want = new Map();
      for (const i of firstSheet.issues) {
        const had = want.get(i.cell);
        if (!had || rank[i.severity] < rank[had]) want.set(i.cell, i.severity);
      }
      assert(want.size > 0, `the rules found nothing in ${firstSheet.sheet}`);
      const got = new Map(marked.map((m) => [m.cell, m.severity]));
      for (const [cell, severity] of want)
        assert(
          got.get(cell) === severity,
          `${cell}: highlighted ${got.get(cell) ?? 'not at all'}, expected ${severity}`,
        );
      assert(got.size === want.size, `${got.size} cells highlighted, expected ${want.size}`);
      const words = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Ghi chú' };
      for (const m of marked) {
        assert(m.icon === m.severity, `${m.cell} has no ${m.severity} icon`);
        assert(
          m.text.startsWith(`${words[m.severity]}:`),
          `${m.cell} does not say "${words[m.severity]}"`,
        );
      }
      assert((await page.locator('[data-group]').count()) >= 1, 'no severity groups');
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert(
        focused === 'phuluc-results-h',
        `focus after the check is on ${focused}, not the results`,
      );
    },
    page,
  );

  await check(
    'clicking an issue selects and scrolls to its cell',
    async () => {
      const issue = page.locator('[data-issue-cell][data-severity="error"]').first();
      const cell = await issue.getAttribute('data-issue-cell');
      await issue.click();
      await page.waitForFunction(
        (c) =>
          document.querySelector(`td[data-cell="${c}"]`)?.getAttribute('data-selected') === 'true',
        cell,
        { timeout: 5_000 },
      );
      const inView = await page.locator(`td[data-cell="${cell}"]`).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const box = el.closest('[data-grid-scroller]').getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      });
      assert(inView, `${cell} was not scrolled into view`);
    },
    page,
  );

  await check(
    'Điền số liệu shows the plan first, then fills on confirm; focus goes to the result',
    async () => {
      await page.getByRole('button', { name: 'Điền số liệu', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Điền số liệu: xem trước' });
      await panel.waitFor({ timeout: 10_000 });
      const confirm = panel.getByRole('button', { name: 'Xác nhận điền' });
      if (!(await confirm.count())) throw new Error('nothing to fill in this workbook');
      const overwrite = panel.getByRole('checkbox', { name: /Ghi đè/ });
      if ((await overwrite.count()) && (await confirm.isDisabled())) await overwrite.check();
      const writes = await panel
        .locator('[data-write-cell]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-write-cell')));
      await confirm.click();
      await page
        .getByTestId('status')
        .filter({ hasText: /Đã điền \d+ ô/ })
        .waitFor({ timeout: 10_000 });
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-testid') === 'status',
        null,
        {
          timeout: 5_000,
        },
      );
      if (writes[0]) {
        await page.waitForFunction(
          (c) => (document.querySelector(`td[data-cell="${c}"]`)?.textContent ?? '').trim() !== '',
          writes[0],
          { timeout: 5_000 },
        );
      }
    },
    page,
  );

  await check(
    'Hoàn tác điền số puts the filled cells back, and fill works again',
    async () => {
      const written = await page.$$eval('td[data-cell]', (tds) =>
        Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), td.textContent])),
      );
      await more(page, 'Hoàn tác điền số');
      await page
        .getByTestId('status')
        .filter({ hasText: /Đã hoàn tác/ })
        .waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Điền số liệu', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Điền số liệu: xem trước' });
      await panel.waitFor({ timeout: 10_000 });
      const cells = await panel
        .locator('[data-write-cell]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-write-cell')));
      assert(cells.length > 0, 'after undo, fill finds nothing to write again');
      const now = await page.locator(`td[data-cell="${cells[0]}"]`).textContent();
      assert(
        (now ?? '').trim() !== (written[cells[0]] ?? '').trim() || (now ?? '').trim() === '',
        `${cells[0]} was not put back`,
      );
      await panel.getByRole('button', { name: 'Xác nhận điền' }).click();
      await page
        .getByTestId('status')
        .filter({ hasText: /Đã điền \d+ ô/ })
        .waitFor({ timeout: 10_000 });
    },
    page,
  );

  await check(
    'Xóa đánh dấu removes every mark',
    async () => {
      await more(page, 'Xóa đánh dấu');
      await page.waitForFunction(
        () => document.querySelectorAll('td[data-severity]').length === 0,
        null,
        {
          timeout: 5_000,
        },
      );
    },
    page,
  );

  await check(
    'Tạo phụ lục mẫu adds a sheet (written by ExcelJS in the worker) and shows it',
    async () => {
      await more(page, 'Tạo phụ lục mẫu');
      const panel = page.locator('[data-panel="template"]');
      await panel.waitFor({ timeout: 5_000 });
      await panel.getByRole('button', { name: 'Tạo trang' }).click();
      await page
        .getByTestId('status')
        .filter({ hasText: /Đã tạo trang/ })
        .waitFor({ timeout: 10_000 });
      const tabs = await page.locator('[data-sheet-tab]').count();
      assert(
        tabs === expected.length + 1,
        `${tabs} sheet tabs after adding one to ${expected.length}`,
      );
      await page.locator('td[data-cell="A1"]').waitFor({ timeout: 10_000 });
    },
    page,
  );

  await check(
    'Tải xuống downloads a valid .xlsx with the filled cells',
    async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.getByTestId('download').click(),
      ]);
      assert(
        download.suggestedFilename().endsWith('.xlsx'),
        `name ${download.suggestedFilename()}`,
      );
      const bytes = readFileSync(await download.path());
      assert(bytes[0] === 0x50 && bytes[1] === 0x4b, 'not a zip (no PK magic)');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes);
      assert(wb.worksheets.length >= expected.length + 1, 'sheets missing from the download');
    },
    page,
  );

  await check(
    'switching to English re-renders every text at once',
    async () => {
      await page.getByTestId('lang-toggle').click();
      await page.getByRole('button', { name: 'Check', exact: true }).waitFor({ timeout: 2_000 });
      const text =
        (await page.locator('header').first().innerText()) +
        (await page.locator('main').innerText());
      for (const vi of ['Kiểm tra', 'Điền số liệu', 'Tùy chọn', 'Tải xuống', 'Trang tính:'])
        assert(!text.includes(vi), `still in Vietnamese after the switch: "${vi}"`);
      assert((await page.locator('html').getAttribute('lang')) !== null, 'no lang');
      await page.getByTestId('lang-toggle').click();
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).waitFor({ timeout: 2_000 });
    },
    page,
  );

  await page.close();
}
