// Steps a finance officer takes in the preview, shared by the scenarios.

/** Open the preview page and wait for the file picker. */
export async function openPreview(page, origin) {
  const resp = await page.goto(`${origin}/taskpane.html`);
  if (!resp?.ok()) throw new Error(`HTTP ${resp?.status()}`);
  await page.getByRole('button', { name: 'Mở tệp .xlsx' }).first().waitFor({ timeout: 15_000 });
  return resp;
}

/** Open a workbook file and wait until its grid shows cell A1. */
export async function openFile(page, file, timeout = 30_000) {
  await page.getByTestId('file-input').setInputFiles(file);
  await page.locator('td[data-cell="A1"]').waitFor({ timeout });
}

/** Press Kiểm tra and wait for the results. */
export async function validate(page, timeout = 30_000) {
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await page.getByRole('region', { name: 'Kết quả kiểm tra' }).waitFor({ timeout });
  // The list is put on screen in stages: wait for the last.
  await page.locator('[data-panel="issues"] [data-complete="true"]').waitFor({ timeout });
}

/** Run one of the actions behind "Thêm". */
export async function more(page, name) {
  const toggle = page.getByTestId('more');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page
    .getByRole('group', { name: 'Thêm lệnh' })
    .getByRole('button', { name, exact: true })
    .click();
}

/**
 * Whether anything sticks out sideways: the page's own scroll width, and every element outside
 * a scroll container (the grid, a wide list) whose right edge passes the viewport.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width + 1)
      out.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(s.overflowX)) {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      if (r.right > width + 1 || r.left < -1) {
        const id = el.getAttribute('data-testid') ?? el.id ?? '';
        out.push(
          `<${el.tagName.toLowerCase()} ${id} class="${String(el.className).slice(0, 40)}"> ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
        if (out.length > 5) break;
      }
    }
    return out;
  });
}
