// The pane at the widths Excel gives it (320 px on Windows, 350 px on the web) and at half a
// laptop screen: nothing scrolls sideways, the grid stacks under the pane below 900 px and keeps
// its width, and clicking an issue never shifts the page.
import { horizontalOverflow, openFile, openPreview, validate } from './lib/pane.mjs';

export const name = 'widths: 320 px, 350 px, 683 px';

export async function run(t) {
  const { check, assert } = t;
  for (const width of [320, 350, 683]) {
    const page = await t.newPage({ width, height: 800 });
    await check(
      `${width} px: the first-run screen fits without sideways scrolling`,
      async () => {
        await openPreview(page, t.origin);
        const out = await horizontalOverflow(page);
        assert(out.length === 0, `overflow: ${out.join('; ')}`);
      },
      page,
    );

    await check(
      `${width} px: opened (at 320 px the bundled sample) and checked, the grid is stacked below the pane, at full width`,
      async () => {
        if (width === 320) {
          // The first-run card's bundled sample, fetched from the pane's own origin.
          await page.getByTestId('sample').click();
          await page.locator('td[data-cell="A1"]').waitFor({ timeout: 30_000 });
          const name = await page.getByTestId('file-name').textContent();
          assert(name.includes('muong-lay-2024-loi.xlsx'), `opened ${name}`);
        } else await openFile(page, t.exampleFile);
        await validate(page);
        const pane = await page.locator('main').boundingBox();
        const grid = await page.locator('[data-grid-scroller]').boundingBox();
        assert(
          grid.y >= pane.y + pane.height - 1,
          `grid at y=${grid.y} is not below the pane (ends ${pane.y + pane.height})`,
        );
        assert(grid.width >= width - 40, `grid only ${grid.width} px wide`);
        assert(grid.height >= 200, `grid only ${grid.height} px tall`);
        const out = await horizontalOverflow(page);
        assert(out.length === 0, `overflow: ${out.join('; ')}`);
      },
      page,
    );

    await check(
      `${width} px: clicking an issue selects its cell and the page never scrolls sideways`,
      async () => {
        const issue = page.locator('[data-issue-cell][data-severity="error"]').last();
        const cell = await issue.getAttribute('data-issue-cell');
        await issue.click();
        await page.waitForFunction(
          (c) =>
            document.querySelector(`td[data-cell="${c}"]`)?.getAttribute('data-selected') ===
            'true',
          cell,
          { timeout: 5_000 },
        );
        const scrollX = await page.evaluate(() => window.scrollX);
        assert(scrollX === 0, `page scrolled sideways by ${scrollX} px`);
        const out = await horizontalOverflow(page);
        assert(out.length === 0, `overflow: ${out.join('; ')}`);
      },
      page,
    );

    await check(
      `${width} px: settings, the "Thêm" menu and the fill preview fit too`,
      async () => {
        await page.getByTestId('settings').click();
        await page.locator('[data-panel="settings"]').waitFor();
        await page.getByTestId('more').click();
        await page.getByRole('button', { name: 'Điền số liệu', exact: true }).click();
        await page.locator('[data-panel="fill"]').waitFor({ timeout: 10_000 });
        const out = await horizontalOverflow(page);
        assert(out.length === 0, `overflow: ${out.join('; ')}`);
        // English words are longer: they fit as well.
        await page.getByTestId('lang-toggle').click();
        await page.getByRole('button', { name: 'Check', exact: true }).waitFor();
        const en = await horizontalOverflow(page);
        assert(en.length === 0, `overflow in English: ${en.join('; ')}`);
        await page.getByTestId('lang-toggle').click();
      },
      page,
    );
    await page.close();
  }

  const wide = await t.newPage({ width: 1366, height: 768 });
  await check(
    '1366 px: the grid stands beside the pane',
    async () => {
      await openPreview(wide, t.origin);
      await openFile(wide, t.exampleFile);
      const pane = await wide.locator('main').boundingBox();
      const grid = await wide.locator('[data-grid-scroller]').boundingBox();
      assert(grid.x >= pane.x + pane.width - 1, `grid at x=${grid.x} is not beside the pane`);
      const out = await horizontalOverflow(wide);
      assert(out.length === 0, `overflow: ${out.join('; ')}`);
    },
    wide,
  );
  await wide.close();
}
