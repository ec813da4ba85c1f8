/**
 * The label matcher's fast paths (one bigram index over the catalogue, codes cut out of the label
 * by their match positions, name clean-up steps skipped when they cannot change anything) against
 * the matcher as it was before them (__fixtures__/match-reference.ts): the same answer for every
 * label without its qualifier (a label's trailing "(xã …)" is cut before either reads it: see
 * withoutQualifier, tested in match.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCatalog, DEFAULT_PERIOD } from './registry.js';
import { matchProject, withoutQualifier } from './match.js';
import { referenceMatchProject } from './__fixtures__/match-reference.js';

const catalog = getCatalog(DEFAULT_PERIOD)!;
const names = catalog.projects.flatMap((p) => [p.name, ...p.subprojects.map((s) => s.name)]);
const words = [
  ...new Set(names.flatMap((n) => n.split(/\s+/))),
  'Dự án',
  'Tiểu dự án',
  'Tiểu DA',
  'TDA',
  'DA',
  'du an',
  'da',
  'tda',
  'thuộc',
  'số',
  'xã',
  'Nậm Cản',
  'hạng mục',
  '(',
  ')',
  ':',
  '-',
  '–',
  ',',
  '.',
  '  ',
];
const number = fc.integer({ min: 0, max: 12 }).map(String);
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...words) },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom(...names) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const label = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(' ')),
  fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')),
  fc
    .tuple(fc.constantFrom('Dự án', 'Tiểu dự án', 'TDA', 'DA'), number, fc.constantFrom(...names))
    .map(([a, n, name]) => `${a} ${n}: ${name}`),
  fc
    .tuple(number, fc.constantFrom(...names), fc.array(piece, { maxLength: 4 }))
    .map(([n, name, rest]) => `Tiểu dự án ${n} - Dự án ${n}: ${name} (${rest.join(' ')})`),
  fc.tuple(number, number).map(([a, b]) => `${a}.${b}`),
);
const parent = fc.option(fc.constantFrom('DA1', 'DA3', 'DA4', 'DA6', 'DA9'), { nil: undefined });

describe('matchProject, fast paths', () => {
  it('answers as the reference matcher does', () => {
    fc.assert(
      fc.property(label, parent, (text, parentProject) => {
        const options = parentProject ? { parentProject } : {};
        expect(matchProject(text, options)).toEqual(
          referenceMatchProject(withoutQualifier(text), options),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers as the reference matcher does on the labels of the seeds and the bench', () => {
    const labels = [
      'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp (xã Nậm Cản, hạng mục 3.4)',
      'Xã Pa Tần: hỗ trợ thôn 7, hạng mục 1.7',
      'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
      'TDA 3 thuoc DA4',
      'Tiểu dự án số 3 - Dự án 4: Hỗ trợ việc làm bền vững',
      'Tiểu dự án số3: Giảm nghèo về thông tin',
      'Tiểu dự án 123: Cải thiện dinh dưỡng',
      'Tiểu dự án 12a Dự án 3',
      'TDA12 thuộc Dự án 4',
      'Tiểu DA 2 (Dự án 6)',
      'Tiểu dự án sổ tay 2',
      'Tiểu dự án, Dự án 3 tiểu dự án 1',
      'Tiểu Dự án 2 – Dự án 6',
      'DA3.TDA1',
      '3.1',
      'Cải thiện dinh dưỡng',
      'Cải thiện dinh duong (OCR)',
      'du tda 3 an 5',
      'Dự án 10: không có',
    ];
    for (const text of labels)
      for (const parentProject of [undefined, 'DA3', 'DA4'])
        expect(matchProject(text, parentProject ? { parentProject } : {})).toEqual(
          referenceMatchProject(withoutQualifier(text), parentProject ? { parentProject } : {}),
        );
  });
});
