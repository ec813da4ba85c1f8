// The page without JavaScript: what an old Office webview (Trident, EdgeHTML) shows.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './lib/browser.mjs';

export const name = 'old webviews';

export async function run(t) {
  await t.check(
    'without JavaScript (an old webview) the page itself says which Excel is needed',
    async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      try {
        const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
        await noJs.goto(`${t.origin}/taskpane.html`);
        const notice = noJs.locator('#phuluc-unsupported');
        const opacity = () => notice.evaluate((e) => getComputedStyle(e).opacity);
        // Hidden at first (a pane that runs removes it before it would show) …
        t.assert((await opacity()) === '0', 'the notice shows at once');
        // … shown by CSS alone after 4 s.
        await noJs.waitForTimeout(4_500);
        t.assert((await opacity()) === '1', 'the notice never shows without JavaScript');
        const text = await notice.innerText();
        t.assert(/Office 2021/.test(text) && /Office 2019/.test(text), `notice: ${text}`);
      } finally {
        await browser.close();
      }
    },
  );
}
