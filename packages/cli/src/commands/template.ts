import ExcelJS from 'exceljs';
import { buildTemplate, listLayouts, t } from '@phuluc/rules';
import { writeTemplate, writeWorkbook } from '@phuluc/xlsx';
import type { TemplateArgs } from '../args.js';
import { checkOutput, writeFileAtomic } from '../io/atomic-write.js';
import type { Io } from '../io/console.js';

/**
 * `phuluc template ID -o OUT`: a new workbook with one empty annex sheet of the layout, with
 * headers, total formulas, formats, drop-down lists and frozen headers.
 *
 * @returns 0
 */
export async function templateCommand(args: TemplateArgs, io: Io): Promise<number> {
  const target = { overwrite: args.overwrite };
  await checkOutput(args.output, target);
  const template = buildTemplate(args.id, {
    ...(args.year !== undefined ? { year: args.year } : {}),
    ...(args.unit !== undefined ? { unit: args.unit } : {}),
    ...(args.rows !== undefined ? { rows: args.rows } : {}),
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'phuluc';
  const ws = writeTemplate(wb, template, template.grid.name || args.id);
  await writeFileAtomic(args.output, await writeWorkbook(wb), target);
  const layout = listLayouts().find((l) => l.id === args.id);
  io.stdout.write(
    `${t('cli.template.written', { output: args.output, layout: args.id, title: layout?.title[args.lang] ?? args.id, sheet: ws.name }, args.lang)}\n`,
  );
  return 0;
}
