// Debian's Chromium through playwright-core, offline: every page opened here is watched for
// requests leaving 127.0.0.1, CSP violations and console errors; `guards()` reports them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch the browser; `newPage({ width, height })` opens a watched page at that viewport. */
export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'phuluc-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
  });
  const outside = [];
  const consoleErrors = [];
  const pages = [];
  const watch = (url) => {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.hostname !== '127.0.0.1') outside.push(url);
  };
  context.on('request', (req) => watch(req.url()));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });

  async function newPage(viewport = { width: 1366, height: 900 }) {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    page.on('request', (req) => watch(req.url()));
    page.on('worker', (w) => watch(w.url()));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    pages.push(page);
    return page;
  }

  /** Everything the watched pages saw: requests outside, CSP violations, console errors. */
  async function guards() {
    const csp = [];
    for (const p of pages) {
      if (p.isClosed()) continue;
      csp.push(...(await p.evaluate(() => window.__csp ?? []).catch(() => [])));
    }
    return { outside, csp, consoleErrors };
  }

  async function close() {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  }

  return { context, newPage, guards, close };
}
