/**
 * The real {@link ExcelRunner}: `Excel.run` with `delayForCellEdit` (a batch waits while the user
 * is typing in a cell instead of failing), and the sheet-activated event as Microsoft's pattern
 * has it — the handler opens its own `Excel.run`; removing it re-enters the subscribing context.
 */
import type { ExcelRunner } from './excel-api.js';

/** Excel through Office.js (inside Excel only). */
export function officeRunner(): ExcelRunner {
  return {
    run: (batch) => Excel.run({ delayForCellEdit: true }, (context) => batch(context)),
    onSheetActivated: async (listener) => {
      const handler = await Excel.run(async (context) => {
        const h = context.workbook.worksheets.onActivated.add(async (event) => {
          listener(event.worksheetId);
        });
        await context.sync();
        return h;
      });
      return async () => {
        await Excel.run(handler.context, async (context) => {
          handler.remove();
          await context.sync();
        });
      };
    },
  };
}
