import { describe, expect, it } from 'vitest';
import {
  MAX_FILLS_PER_SHEET,
  reconcileState,
  STATE_BUDGET_BYTES,
  stateFromXml,
  stateToXml,
  trimState,
  withSheet,
  type AddinState,
} from './state.js';

const state: AddinState = {
  'Phụ lục <1> & "2"': {
    marks: [
      ['C4', { color: null, noteAdded: true }],
      ['C5', { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', noteAdded: false }],
    ],
    fills: [
      [
        {
          cell: 'C4',
          formula: "'=1+1 ]]> <x/>",
          value: '=1+1 ]]> <x/>',
          type: 'String',
          numberFormat: '@',
          after: '=D4+E4',
        },
      ],
    ],
  },
};

describe('state in a custom XML part', () => {
  it('round-trips through XML, whatever the sheet names and texts hold', () => {
    const xml = stateToXml(state);
    expect(xml).toMatch(/^<phuluc xmlns="urn:phuluc:addin-state:1" version="1">/);
    expect(
      new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror'),
    ).toHaveLength(0);
    expect(stateFromXml(xml)).toEqual(state);
    expect(stateFromXml(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`)).toEqual(state);
  });

  it('reads a damaged or foreign part as no state, and drops malformed entries', () => {
    expect(stateFromXml('<phuluc xmlns="urn:phuluc:addin-state:1">{oops</phuluc>')).toEqual({});
    expect(stateFromXml('<phuluc xmlns="urn:other">{}</phuluc>')).toEqual({});
    expect(stateFromXml('')).toEqual({});
    const bad =
      '<phuluc xmlns="urn:phuluc:addin-state:1" version="1">' +
      '{"S":{"marks":[["C1",{"color":5,"noteAdded":true}]],"fills":[[{"cell":"not a cell"}]]}}' +
      '</phuluc>';
    expect(stateFromXml(bad)).toEqual({});
  });

  it('keeps at most a few fills a sheet and drops a sheet with nothing to remember', () => {
    let s: AddinState = {};
    for (let i = 0; i < MAX_FILLS_PER_SHEET + 3; i++)
      s = withSheet(s, 'A', {
        marks: [],
        fills: [...(s.A?.fills ?? []), state['Phụ lục <1> & "2"']!.fills[0]!],
      });
    expect(s.A?.fills).toHaveLength(MAX_FILLS_PER_SHEET);
    expect(withSheet(s, 'A', { marks: [], fills: [] })).toEqual({});
  });

  it('cuts the oldest fills first when the state would be too large, keeping the marks', () => {
    const big = Array.from({ length: 12_000 }, (_, i) => ({
      cell: `C${i + 1}`,
      formula: 'Dự án hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
      value: 'Dự án hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
      type: 'String',
      numberFormat: 'General',
      after: `=D${i + 1}+E${i + 1}`,
    }));
    const s: AddinState = {
      A: { marks: state['Phụ lục <1> & "2"']!.marks, fills: [big, big, big.slice(0, 10)] },
    };
    const { state: cut, droppedFills } = trimState(s);
    expect(droppedFills).toBe(true);
    expect(stateToXml(cut).length).toBeLessThanOrEqual(STATE_BUDGET_BYTES);
    expect(cut.A?.marks).toEqual(s.A!.marks);
    expect(cut.A?.fills.at(-1)).toEqual(big.slice(0, 10));
  });
});

describe('reconcileState', () => {
  const mark = { marks: [['C1', { color: null, noteAdded: false }]] as const, fills: [] };
  it('keeps entries of sheets that exist, follows renamed ones by id, drops deleted ones', () => {
    const before: AddinState = {
      A: { id: '{1}', ...mark },
      B: { id: '{2}', ...mark },
      C: { id: '{3}', ...mark },
      D: mark,
    };
    const now = new Map([
      ['A', '{1}'],
      ['B renamed', '{2}'],
      ['D', '{4}'],
    ]);
    const { state, changed } = reconcileState(before, now);
    expect(changed).toBe(true);
    expect(state).toEqual({
      A: { id: '{1}', ...mark },
      'B renamed': { id: '{2}', ...mark },
      D: { id: '{4}', ...mark },
    });
    expect(reconcileState(state, now)).toEqual({ state, changed: false });
  });
});
