import { externalBooks } from '../../formula/refs.js';
import { makeIssue } from '../issue.js';
import { type SheetModel } from '../model.js';
import type { Issue } from '../types.js';
import { SheetFormulas } from './sheet-formulas.js';

/** Formulas that read another workbook: the figures change when that file does, or break when it moves. */
export function checkExternalRefs(
  m: SheetModel,
  issues: Issue[],
  formulas: SheetFormulas = new SheetFormulas(m),
): void {
  for (const { row, col, formula } of formulas.withBracket) {
    const books = externalBooks(formula);
    if (books.length)
      issues.push(
        makeIssue({
          code: 'formula/external-ref',
          severity: 'warning',
          row,
          col,
          text: { formula, books: books.join(', ') },
        }),
      );
  }
}
