// End-to-end: the fill preview lists exactly what the fill writes (issue 18). On a freshly opened
// workbook it reads the preview's list as the user sees it, ticks overwrite (so conflicting
// totals are in it too), confirms, then compares every listed cell with the page's grid and with
// the downloaded workbook.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** A number as the pane shows it the vi-VN way ("172.007.473", "5,21", "5,21%"). */
function parseShown(text) {
  const t = text.trim();
  const percent = t.endsWith('%');
  const n = Number(t.replace('%', '').replace(/\./g, '').replace(',', '.'));
  return {
    value: percent ? n / 100 : n,
    decimals: (/,(\d+)/.exec(t)?.[1] ?? '').length + (percent ? 2 : 0),
  };
}

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page
 * @param {string} t.origin the preview's address
 * @param {string} t.file the workbook to open
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.check
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function fillPreviewChecks({ page, origin, file, check, assert }) {
  /** @type {{ cell: string, formula: string, value: string, shown: string }[]} */
  let listed = [];

  await check(
    'the fill preview lists each cell with what it holds now and exactly what it gets',
    async () => {
      await page.goto(`${origin}/taskpane.html`);
      await page.getByTestId('file-input').setInputFiles(file);
      await page.locator('td[data-cell="A1"]').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Điền số liệu', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Điền số liệu: xem trước' });
      await panel.waitFor({ timeout: 10_000 });
      const overwrite = panel.getByRole('checkbox', { name: /Ghi đè/ });
      if (await overwrite.count()) await overwrite.check();
      listed = await panel.locator('[data-write-cell]').evaluateAll((els) =>
        els.map((e) => ({
          cell: e.getAttribute('data-write-cell') ?? '',
          formula: e.getAttribute('data-next-formula') ?? '',
          value: e.getAttribute('data-next-value') ?? '',
          shown: e.textContent ?? '',
        })),
      );
      assert(listed.length > 0, 'the preview lists no cell to write');
      for (const w of listed) {
        assert(/đang có: /.test(w.shown), `${w.cell}: the list does not say what it holds now`);
        if (w.formula)
          assert(
            w.shown.includes(`sẽ ghi: ${w.formula}`),
            `${w.cell}: the list shows "${w.shown}", not the formula ${w.formula} it writes`,
          );
      }
    },
  );

  await check(
    'confirming writes exactly the listed cells: the grid shows each listed formula and figure',
    async () => {
      const panel = page.getByRole('region', { name: 'Điền số liệu: xem trước' });
      await panel.getByRole('button', { name: 'Xác nhận điền' }).click();
      const status = page.getByTestId('status').filter({ hasText: /Đã điền \d+ ô/ });
      await status.waitFor({ timeout: 10_000 });
      const n = Number(/Đã điền (\d+) ô/.exec((await status.textContent()) ?? '')?.[1]);
      assert(n === listed.length, `${n} cells written, ${listed.length} listed`);
      for (const w of listed) {
        const td = page.locator(`td[data-cell="${w.cell}"]`);
        const title = (await td.getAttribute('title')) ?? '';
        assert(
          title === w.formula,
          `${w.cell}: the grid holds ${title ? `"${title}"` : 'a value'}, the list said ${w.formula || 'a value'}`,
        );
        const shown = parseShown((await td.textContent()) ?? '');
        const tolerance = 0.5 * 10 ** -shown.decimals + 1e-12;
        assert(
          Math.abs(shown.value - Number(w.value)) <= tolerance,
          `${w.cell}: the grid shows ${shown.value}, the list said ${w.value}`,
        );
      }
    },
  );

  await check('the downloaded workbook holds each listed cell exactly as listed', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.getByTestId('download').click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()));
    const sheet =
      (await page
        .locator('[data-sheet-tab][aria-selected="true"]')
        .getAttribute('data-sheet-tab')) ?? '';
    const ws = wb.getWorksheet(sheet) ?? wb.worksheets[0];
    for (const w of listed) {
      const cell = ws.getCell(w.cell);
      const formula = cell.formula ? `=${cell.formula}` : '';
      assert(formula === w.formula, `${w.cell}: downloaded "${formula}", listed "${w.formula}"`);
      const value = cell.formula ? cell.result : cell.value;
      assert(
        Number(value) === Number(w.value),
        `${w.cell}: downloaded ${String(value)}, listed ${w.value}`,
      );
    }
  });
}
