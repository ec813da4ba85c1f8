import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellXml, valueParts } from './cell-xml.js';

describe('cellXml', () => {
  it('writes a number as the general form would: `r`, `s`, the other attributes, then `<v>`', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.option(fc.constantFrom('0', '5', '12'), { nil: undefined }),
        fc.constantFrom('', ' ph="1"'),
        (value, style, extra) => {
          const parts = valueParts(value, 'shared', () => 0);
          const s = style !== undefined ? ` s="${style}"` : '';
          const t = parts.t !== undefined ? ` t="${parts.t}"` : '';
          expect(
            cellXml('C9', style, { kind: 'value', value }, { sharedIndex: () => 0, extra }),
          ).toBe(`<c r="C9"${s}${t}${extra}><v>${parts.v}</v></c>`);
        },
      ),
      { numRuns: 500 },
    );
    expect(cellXml('A1', undefined, { kind: 'value', value: -0 }, { sharedIndex: () => 0 })).toBe(
      '<c r="A1"><v>0</v></c>',
    );
    expect(cellXml('A1', '3', { kind: 'value', value: Infinity }, { sharedIndex: () => 0 })).toBe(
      '<c r="A1" s="3" t="e"><v>#NUM!</v></c>',
    );
  });
});
