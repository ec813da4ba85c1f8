// WCAG 2.1 AA in each main state of the pane (axe-core: no critical or serious violation), at
// 350 px and 1366 px; the live regions speak; the grid is one tab stop reached by keyboard.
import { axeViolations } from './lib/axe.mjs';
import { more, openFile, openPreview, validate } from './lib/pane.mjs';

export const name = 'accessibility: axe in each state, live regions, keyboard';

export async function run(t) {
  const { check, assert } = t;
  for (const width of [350, 1366]) {
    const page = await t.newPage({ width, height: 800 });
    const axe = async (state) => {
      const v = await axeViolations(page);
      assert(v.length === 0, `${state}: ${v.length} critical/serious violations\n${v.join('\n')}`);
    };
    await check(
      `${width} px, axe: initial`,
      async () => {
        await openPreview(page, t.origin);
        await axe('initial');
      },
      page,
    );
    await check(
      `${width} px, axe: opened`,
      async () => {
        await openFile(page, t.exampleFile);
        await axe('opened');
      },
      page,
    );
    await check(
      `${width} px, axe: validated; the live region says the result`,
      async () => {
        await validate(page);
        await page.waitForFunction(
          () =>
            /Kiểm tra xong trang/.test(
              document.querySelector('[data-testid="live-status"]')?.textContent ?? '',
            ),
          null,
          { timeout: 5_000 },
        );
        await axe('validated');
      },
      page,
    );
    await check(
      `${width} px, axe: fill preview`,
      async () => {
        await page.getByRole('button', { name: 'Điền số liệu', exact: true }).click();
        await page.locator('[data-panel="fill"]').waitFor({ timeout: 10_000 });
        await axe('fill preview');
        await page
          .locator('[data-panel="fill"]')
          .getByRole('button', { name: /Hủy|Đóng/ })
          .click();
      },
      page,
    );
    await check(
      `${width} px, axe: settings (focus moves into them)`,
      async () => {
        await page.getByTestId('settings').click();
        await page.locator('[data-panel="settings"]').waitFor();
        const focused = await page.evaluate(() => document.activeElement?.id);
        assert(focused === 'phuluc-settings-h', `focus is on ${focused}`);
        await axe('settings');
        await page.locator('[data-panel="settings"]').getByRole('button', { name: 'Đóng' }).click();
      },
      page,
    );
    await check(
      `${width} px, axe: plan cross-check`,
      async () => {
        await more(page, 'Đối chiếu kế hoạch');
        await page.locator('[data-panel="plan"]').waitFor({ timeout: 5_000 });
        await axe('plan');
        await page.locator('[data-panel="plan"]').getByRole('button', { name: 'Đóng' }).click();
      },
      page,
    );
    await check(
      `${width} px, axe: English`,
      async () => {
        await page.getByTestId('lang-toggle').click();
        await page.getByRole('button', { name: 'Check', exact: true }).waitFor();
        await axe('English');
        await page.getByTestId('lang-toggle').click();
        await page.getByRole('button', { name: 'Kiểm tra', exact: true }).waitFor();
      },
      page,
    );
    if (width === 1366) {
      await check(
        'the grid is reached by Tab as one stop, and arrow keys move its focused cell',
        async () => {
          const tabs = [];
          await page.getByRole('tab').first().focus();
          for (let i = 0; i < 6; i++) {
            await page.keyboard.press('Tab');
            const cell = await page.evaluate(() =>
              document.activeElement?.getAttribute('data-cell'),
            );
            tabs.push(cell);
            if (cell) break;
          }
          const start = tabs.find(Boolean);
          assert(start, 'Tab from the sheet tabs never reaches a grid cell');
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowDown');
          const moved = await page.evaluate(() =>
            document.activeElement?.getAttribute('data-cell'),
          );
          assert(moved && moved !== start, `arrow keys did not move from ${start}`);
          const stops = await page.locator('td[tabindex="0"]').count();
          assert(stops === 1, `${stops} cells are tab stops`);
        },
        page,
      );
    }
    await page.close();
  }
}
