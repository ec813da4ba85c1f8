// The issue list on hundreds of issues: windowed groups, notes folded, arrows and End reach any.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gridFromRows, validateSheet, type Issue, type Report, type Severity } from '@phuluc/rules';
import { IssueList, WINDOW_OVER } from './IssueList.js';
import { muongLayRows } from './test-workbook.js';

afterEach(cleanup);

/** A report with `counts` issues of each severity, one per row of column E. */
function report(counts: Readonly<Record<Severity, number>>): Report {
  const base = validateSheet(gridFromRows('PL01', muongLayRows({ typo: true })));
  const model = base.issues[0]!;
  const issues: Issue[] = [];
  let row = 1;
  for (const severity of ['error', 'warning', 'info'] as const)
    for (let i = 0; i < counts[severity]; i++, row++)
      issues.push({ ...model, severity, cell: `E${row}`, row: row - 1 });
  return {
    ...base,
    issues,
    summary: { errors: counts.error, warnings: counts.warning, infos: counts.info },
  };
}

describe('IssueList', () => {
  it('lists a short group whole, windows a long one, and folds hundreds of notes', () => {
    const onSelect = vi.fn();
    render(
      <IssueList
        report={report({ error: 3, warning: 500, info: 300 })}
        selected={null}
        onSelect={onSelect}
      />,
    );
    const errors = document.querySelector<HTMLElement>('[data-group="error"]')!;
    expect(within(errors).getAllByRole('button')).toHaveLength(1 + 3); // toggle + 3 issues
    const warnings = document.querySelector<HTMLElement>('[data-group="warning"]')!;
    const shown = warnings.querySelectorAll('[data-issue-cell]').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(WINDOW_OVER);
    // Each issue says its severity in words (hidden text), not only by colour.
    expect(warnings.querySelector('[data-issue-cell]')!.textContent).toMatch(/^.*Cảnh báo: /);
    const infos = screen.getByRole('button', { name: /Ghi chú \(300\)/ });
    expect(infos.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelectorAll('[data-severity="info"][data-issue-cell]')).toHaveLength(0);
    fireEvent.click(infos);
    expect(infos.getAttribute('aria-expanded')).toBe('true');
    expect(
      document.querySelectorAll('[data-severity="info"][data-issue-cell]').length,
    ).toBeGreaterThan(0);
    fireEvent.click(warnings.querySelector('[data-issue-cell]')!);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ severity: 'warning' }));
  });

  it('keeps a few notes open, and moves between issues with the arrow keys, Home and End', () => {
    render(
      <IssueList
        report={report({ error: 0, warning: 250, info: 5 })}
        selected={null}
        onSelect={() => {}}
      />,
    );
    const infos = screen.getByRole('button', { name: /Ghi chú \(5\)/ });
    expect(infos.getAttribute('aria-expanded')).toBe('true');
    const warnings = document.querySelector<HTMLElement>('[data-group="warning"]')!;
    const first = warnings.querySelector<HTMLElement>('[data-index="0"]')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-index')).toBe('1');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    // The last issue was not in the page: the window moved to it, and focus followed.
    expect(document.activeElement?.getAttribute('data-index')).toBe('249');
    expect(document.activeElement?.getAttribute('data-issue-cell')).toBe('E250');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement?.getAttribute('data-index')).toBe('0');
  });
});
