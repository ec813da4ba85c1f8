// The fill preview lists exactly what the fill writes (fill-preview.mjs), at 1366 px.
import { fillPreviewChecks } from './fill-preview.mjs';

export const name = 'fill preview at 1366 px: each listed cell is what the fill writes';

export async function run(t) {
  const page = await t.newPage({ width: 1366, height: 900 });
  await fillPreviewChecks({
    page,
    origin: t.origin,
    file: t.exampleFile,
    check: (label, fn) => t.check(label, fn, page),
    assert: t.assert,
  });
}
