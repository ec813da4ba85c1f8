// End-to-end test of the browser preview in real Chromium, fully offline.
//
//  1. builds the preview (`vite build --mode preview` → dist/preview, local Office.js) unless
//     `--no-build` is given and a build exists;
//  2. serves it on 127.0.0.1 (free port) with a tiny node:http static server;
//  3. drives /usr/bin/chromium with playwright-core: opens the preview, loads a workbook with
//     planted mistakes, checks, selects an issue, fills, clears marks, downloads;
//  4. asserts that no request left 127.0.0.1 and that the CSP was never violated.
//
// Prints `N passed, N failed` and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { fillPreviewChecks } from './fill-preview.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(pkg, '..', '..');
const distDir = join(pkg, 'dist', 'preview');
const exampleFile = join(pkg, '../../examples/muong-lay-2024-loi.xlsx');
const screenshotPath = process.env.PHULUC_SCREENSHOT ?? '/tmp/preview.png';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
const failures = [];

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    failures.push(name);
    console.log(
      `  ✗ ${name}\n      ${String(e?.message ?? e)
        .split('\n')
        .join('\n      ')}`,
    );
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function finish(code) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed > 0 ? 1 : 0));
}

// ---------------------------------------------------------------- build
function build() {
  const noBuild = process.argv.includes('--no-build');
  if (noBuild && existsSync(join(distDir, 'taskpane.html'))) return;
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
  if (r.status !== 0) {
    console.log('✗ preview build failed');
    failed++;
    finish(1);
  }
}

// ---------------------------------------------------------------- server
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root + sep) && path !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'taskpane.html');
    if (!existsSync(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---------------------------------------------------------------- workbook
/** Our own workbook with known planted mistakes (used until/unless the example exists). */
async function makeWorkbook(path) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL01 Phân bổ');
  const items = [
    ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 3154, 3154, null],
    [
      '2',
      'Tiểu dự án 1 - Dự án 3: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
      1469,
      1469,
      null,
    ],
    // planted: total 1659 ≠ 1588 + 107 (digits swapped)
    [
      '3',
      'Tiểu dự án 1 - Dự án 4: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
      1659,
      1588,
      107,
    ],
    ['4', 'Tiểu dự án 3 - Dự án 4: Hỗ trợ việc làm bền vững', 197, 197, null],
    ['5', 'Tiểu dự án 1 - Dự án 6: Giảm nghèo về thông tin', 522, 522, null],
    ['6', 'Tiểu dự án 2 - Dự án 6: Truyền thông về giảm nghèo đa chiều', 148, 148, null],
    ['7', 'Tiểu dự án 1 - Dự án 7: Nâng cao năng lực thực hiện Chương trình', 288, 288, null],
    ['8', 'Tiểu dự án 2 - Dự án 7: Giám sát, đánh giá', 172, 172, null],
  ];
  ws.getCell('A1').value = 'PHỤ LỤC SỐ 01';
  ws.getCell('A2').value =
    'PHÂN BỔ KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2024';
  ws.getCell('E3').value = 'Đơn vị tính: triệu đồng';
  ['TT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'].forEach((h, c) => {
    ws.getCell(4, c + 1).value = h;
  });
  ws.getCell('B5').value = 'Tổng cộng';
  // planted: the total row's C5 is typed (7654) instead of 7645; E5 left blank for fill
  ws.getCell('C5').value = 7654;
  ws.getCell('D5').value = 7538;
  items.forEach((row, i) =>
    row.forEach((v, c) => v !== null && (ws.getCell(6 + i, c + 1).value = v)),
  );
  for (const col of ['C', 'D', 'E'])
    for (let r = 5; r <= 13; r++) ws.getCell(`${col}${r}`).numFmt = '#,##0';
  ws.getColumn(2).width = 60;
  const bytes = await wb.xlsx.writeBuffer();
  writeFileSync(path, Buffer.from(bytes));
  return {
    planted: [
      { cell: 'C8', severity: 'error' },
      { cell: 'C5', severity: 'error' },
    ],
  };
}

/** The rules' own verdict on the file (through tsx, from the workspace's TypeScript source). */
function expectedIssues(file) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@phuluc/source', join(pkg, 'e2e', 'expected.ts'), file],
    { cwd: repo, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`expected.ts failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------- run
async function main() {
  if (!existsSync(CHROMIUM)) {
    console.log(
      `✗ ${CHROMIUM} is missing: run node scripts/ensure-chromium.mjs (apt-get install -y chromium)`,
    );
    failed++;
    finish(1);
  }
  build();
  const server = await serve(distDir);
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'phuluc-e2e-'));
  const work = mkdtempSync(join(tmpdir(), 'phuluc-e2e-files-'));

  let file = exampleFile;
  let planted = [];
  if (!existsSync(file)) {
    file = join(work, 'muong-lay-2024-loi.xlsx');
    ({ planted } = await makeWorkbook(file));
    console.log('examples/muong-lay-2024-loi.xlsx not found: using a generated workbook');
  }
  const expected = expectedIssues(file);
  const firstSheet = expected[0];

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    locale: 'vi-VN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const outside = [];
  const consoleErrors = [];
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.hostname !== '127.0.0.1') outside.push(req.url());
  });
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.hostname !== '127.0.0.1')
      outside.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });

  try {
    await check(
      'the preview loads with Office.js served locally and offers a file picker',
      async () => {
        const resp = await page.goto(`${origin}/taskpane.html`);
        assert(resp?.ok(), `HTTP ${resp?.status()}`);
        await page.getByRole('button', { name: 'Mở tệp .xlsx' }).waitFor({ timeout: 15_000 });
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
          csp?.includes("script-src 'self'") && csp.includes("connect-src 'self'"),
          `CSP: ${csp}`,
        );
      },
    );

    await check(
      'the "this Excel cannot run the pane" notice is gone once the pane runs',
      async () => {
        const count = await page.locator('#phuluc-unsupported').count();
        assert(count === 0, 'the plain-HTML notice is still in the page');
      },
    );

    await check('ExcelJS is not in the initial JavaScript', async () => {
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
    });

    await check('opening the workbook renders its sheet as a grid', async () => {
      await page.getByTestId('file-input').setInputFiles(file);
      await page.locator('td[data-cell="A1"]').waitFor({ timeout: 20_000 });
      assert(
        (await page.getByTestId('file-name').textContent())?.includes('.xlsx'),
        'file name not shown',
      );
      const tabs = await page.locator('[data-sheet-tab]').count();
      assert(tabs === expected.length, `${tabs} sheet tabs, expected ${expected.length}`);
    });

    await check('Kiểm tra highlights the planted mistakes with the right severity', async () => {
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await page.getByRole('region', { name: 'Kết quả kiểm tra' }).waitFor({ timeout: 15_000 });
      const marked = await page.$$eval('td[data-severity]', (tds) =>
        tds.map((td) => ({
          cell: td.getAttribute('data-cell'),
          severity: td.getAttribute('data-severity'),
        })),
      );
      const rank = { error: 0, warning: 1, info: 2 };
      const want = new Map();
      for (const i of firstSheet.issues) {
        const had = want.get(i.cell);
        if (!had || rank[i.severity] < rank[had]) want.set(i.cell, i.severity);
      }
      assert(want.size > 0, `the rules found nothing in ${firstSheet.sheet}`);
      assert([...want.values()].includes('error'), 'no error among the planted mistakes');
      const got = new Map(marked.map((m) => [m.cell, m.severity]));
      for (const [cell, severity] of want) {
        assert(
          got.get(cell) === severity,
          `${cell}: highlighted ${got.get(cell) ?? 'not at all'}, expected ${severity}`,
        );
      }
      assert(got.size === want.size, `${got.size} cells highlighted, expected ${want.size}`);
      for (const p of planted) {
        assert(
          got.get(p.cell) === p.severity,
          `planted ${p.cell} is ${got.get(p.cell) ?? 'not highlighted'}`,
        );
      }
      const groups = await page.locator('[data-group]').count();
      assert(groups >= 1, 'no severity groups');
      await page
        .getByRole('button', { name: 'Xóa đánh dấu' })
        .and(page.locator(':enabled'))
        .waitFor({ timeout: 10_000 });
      await page.screenshot({ path: screenshotPath, fullPage: false });
    });

    await check('clicking an issue selects and scrolls to its cell', async () => {
      const issue = page.locator('[data-issue-cell][data-severity="error"]').first();
      const cell = await issue.getAttribute('data-issue-cell');
      await issue.click();
      const td = page.locator(`td[data-cell="${cell}"]`);
      await page.waitForFunction(
        (c) =>
          document.querySelector(`td[data-cell="${c}"]`)?.getAttribute('data-selected') === 'true',
        cell,
        { timeout: 5_000 },
      );
      assert(await td.isVisible(), `${cell} is not visible`);
      const inView = await td.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const box = el.closest('div')?.getBoundingClientRect();
        return !!box && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      });
      assert(inView, `${cell} was not scrolled into view`);
    });

    await check('Điền số liệu shows the plan first, then fills on confirm', async () => {
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
      if (writes[0]) {
        const text = await page.locator(`td[data-cell="${writes[0]}"]`).textContent();
        assert(text && text.trim() !== '', `${writes[0]} still empty after fill`);
      }
    });

    await check('Hoàn tác điền số puts the filled cells back, and fill works again', async () => {
      const panelName = 'Điền số liệu: xem trước';
      const undo = page.getByRole('button', { name: 'Hoàn tác điền số' });
      await undo.waitFor({ timeout: 5_000 });
      const written = await page.$$eval('td[data-cell]', (tds) =>
        Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), td.textContent])),
      );
      await undo.click();
      await page
        .getByTestId('status')
        .filter({ hasText: /Đã hoàn tác/ })
        .waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Điền số liệu', exact: true }).click();
      const panel = page.getByRole('region', { name: panelName });
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
      const confirm = panel.getByRole('button', { name: 'Xác nhận điền' });
      await confirm.click();
      await page
        .getByTestId('status')
        .filter({ hasText: /Đã điền \d+ ô/ })
        .waitFor({ timeout: 10_000 });
    });

    await check('Xóa đánh dấu removes every mark', async () => {
      await page.getByRole('button', { name: 'Xóa đánh dấu' }).click();
      await page.waitForFunction(
        () => document.querySelectorAll('td[data-severity]').length === 0,
        null,
        {
          timeout: 5_000,
        },
      );
    });

    await check('Tải xuống downloads a valid .xlsx with the filled cells', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.getByTestId('download').click(),
      ]);
      assert(
        download.suggestedFilename().endsWith('.xlsx'),
        `name ${download.suggestedFilename()}`,
      );
      const path = await download.path();
      const bytes = readFileSync(path);
      assert(bytes[0] === 0x50 && bytes[1] === 0x4b, 'not a zip (no PK magic)');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes);
      assert(wb.worksheets.length >= expected.length, 'sheets missing from the download');
    });

    await fillPreviewChecks({ page, origin, file, check, assert });

    await check(
      'no request went anywhere but 127.0.0.1, and the CSP was never violated',
      async () => {
        assert(outside.length === 0, `requests outside: ${outside.join(', ')}`);
        const csp = await page.evaluate(() => window.__csp);
        // Office.js loaded outside Office sometimes tries to frame Microsoft's telemetry
        // (…oaspapps.com). The CSP blocks it — that is the promise working, not a leak — so
        // such blocked frames are listed, not failed. Anything else fails.
        const officeTelemetry = (v) =>
          /^(frame-src|child-src|default-src)\b/.test(v) &&
          /^https:\/\/[^/]*(oaspapps\.com|office\.net|office\.com|microsoft\.com)\b/.test(
            v.split(' ')[1] ?? '',
          );
        const blockedTelemetry = csp.filter(officeTelemetry);
        if (blockedTelemetry.length)
          console.log(`  (blocked by the CSP, as intended: ${blockedTelemetry.join(' | ')})`);
        const violations = csp.filter((v) => !officeTelemetry(v));
        assert(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
        const relevant = consoleErrors.filter(
          (e) =>
            !/favicon/.test(e) &&
            // Chromium words the same blocked frame either way.
            !/(Refused to frame|Framing) '[^']*(oaspapps\.com|office\.net|office\.com|microsoft\.com)/.test(
              e,
            ),
        );
        assert(relevant.length === 0, `console errors: ${relevant.join(' | ')}`);
      },
    );

    await check(
      'without JavaScript (an old webview) the page itself says which Excel is needed',
      async () => {
        const browser = await chromium.launch({
          executablePath: CHROMIUM,
          headless: true,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
        });
        try {
          const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
          await noJs.goto(`${origin}/taskpane.html`);
          const notice = noJs.locator('#phuluc-unsupported');
          const opacity = () => notice.evaluate((e) => getComputedStyle(e).opacity);
          // Hidden at first (a pane that runs removes it before it would show) …
          assert((await opacity()) === '0', 'the notice shows at once');
          // … shown by CSS alone after 4 s.
          await noJs.waitForTimeout(4_500);
          assert((await opacity()) === '1', 'the notice never shows without JavaScript');
          const text = await notice.innerText();
          assert(/Office 2021/.test(text) && /Office 2019/.test(text), `notice: ${text}`);
        } finally {
          await browser.close();
        }
      },
    );
  } finally {
    await context.close().catch(() => undefined);
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
  finish();
}

main().catch((e) => {
  console.error(e);
  failed++;
  finish(1);
});
