import { describe, expect, it } from 'vitest';
import { getCatalog, PROGRAMME_PERIODS } from './registry.js';
import fc from 'fast-check';
import {
  isUnknownProject,
  matchIndicator,
  matchProject,
  ProjectMatcher,
  withoutQualifier,
} from './match.js';

function code(label: string, parentProject?: string): string | undefined {
  const m = matchProject(label, parentProject ? { parentProject } : {});
  if (!m) return undefined;
  return isUnknownProject(m) ? `unknown:${m.claimed}` : m.code;
}

describe('catalogue', () => {
  it('is versioned by period and holds QĐ 90 projects', () => {
    expect(PROGRAMME_PERIODS).toContain('2021-2025');
    const c = getCatalog('2021-2025');
    expect(c?.projects.map((p) => p.code)).toEqual([
      'DA1',
      'DA2',
      'DA3',
      'DA4',
      'DA5',
      'DA6',
      'DA7',
    ]);
    expect(c?.projects.find((p) => p.code === 'DA4')?.subprojects).toHaveLength(3);
    expect(c?.indicators.length).toBeGreaterThanOrEqual(12);
    expect(c?.capitalRule.evidence).toBe('M');
    expect(getCatalog('1990-1995')).toBeUndefined();
  });
});

describe('matchProject', () => {
  it.each([
    ['Tiểu Dự án 2 – Dự án 6', 'DA6.TDA2'],
    ['TDA 3 thuoc DA4', 'DA4.TDA3'],
    ['Tiểu dự án 3 thuộc Dự án 4', 'DA4.TDA3'],
    ['3.1', 'DA3.TDA1'],
    ['DA2', 'DA2'],
    ['Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 'DA3'],
    ['DU AN 7 - NANG CAO NANG LUC VA GIAM SAT, DANH GIA CHUONG TRINH', 'DA7'],
    ['Tieu du an 1 - Du an 6: Giam ngheo ve thong tin', 'DA6.TDA1'],
    ['Tiểu DA1 Dự án 4', 'DA4.TDA1'],
    ['Cải thiện dinh dưỡng', 'DA3.TDA2'],
    ['Da dang hoa sinh ke, phat trien mo hinh giam ngheo', 'DA2'],
  ])('%s → %s', (label, expected) => {
    expect(code(label)).toBe(expected);
  });

  it('uses the enclosing project for a sub-project alone', () => {
    expect(code('Tiểu dự án 2: Cải thiện dinh dưỡng', 'DA3')).toBe('DA3.TDA2');
  });

  it('says when a code does not exist', () => {
    expect(code('Dự án 8')).toBe('unknown:DA8');
    expect(code('Tiểu dự án 4 thuộc Dự án 4')).toBe('unknown:DA4.TDA4');
  });

  it('returns nothing for labels that name no project', () => {
    expect(code('Tổng cộng')).toBeUndefined();
    expect(code('Xã Lay Nưa')).toBeUndefined();
    expect(code('')).toBeUndefined();
  });

  it('catches a mislabelled sub-project (title TDA1 while the name is TDA2)', () => {
    const m = matchProject('Tiểu dự án 1 – Dự án 6: Truyền thông về giảm nghèo đa chiều');
    expect(m && !isUnknownProject(m) && m.nameMismatch).toBe(true);
    expect(m && !isUnknownProject(m) && m.nameSuggests).toBe('DA6.TDA2');
    const ok = matchProject('Tiểu dự án 1 – Dự án 6: Giảm nghèo về thông tin');
    expect(ok && !isUnknownProject(ok) && ok.nameMismatch).toBe(false);
  });
});

describe('withoutQualifier', () => {
  it.each([
    ['Cải thiện dinh dưỡng (xã Sìn Thầu, hạng mục 2.2)', 'Cải thiện dinh dưỡng'],
    ['Tiểu dự án 1: Hỗ trợ sản xuất (xã Mường Lạn (bản 2)) ', 'Tiểu dự án 1: Hỗ trợ sản xuất'],
    // Parentheses that may name a code, or all there is, stay.
    ['Hỗ trợ sản xuất (Dự án 3)', 'Hỗ trợ sản xuất (Dự án 3)'],
    ['Giảm nghèo về thông tin (TDA1)', 'Giảm nghèo về thông tin (TDA1)'],
    ['Hỗ trợ (xã Đắk Mil)', 'Hỗ trợ (xã Đắk Mil)'],
    ['(Cải thiện dinh dưỡng)', '(Cải thiện dinh dưỡng)'],
    ['- (xã Sìn Thầu)', '- (xã Sìn Thầu)'],
    ['Hỗ trợ sản xuất (xã A', 'Hỗ trợ sản xuất (xã A'],
    ['Hỗ trợ sản xuất xã A)', 'Hỗ trợ sản xuất xã A)'],
  ])('%s → %s', (label, expected) => {
    expect(withoutQualifier(label)).toBe(expected);
  });

  it('lets a name typed with where it applies match as the name alone', () => {
    expect(code('Cải thiện dinh dưỡng (xã Sìn Thầu, hạng mục 2.2)')).toBe('DA3.TDA2');
    expect(code('Tiểu dự án 2: Cải thiện dinh dưỡng (xã Sìn Thầu)', 'DA3')).toBe('DA3.TDA2');
  });
});

describe('ProjectMatcher', () => {
  it('answers as matchProject, label after label, whatever it remembers', () => {
    const labels = fc.constantFrom(
      'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp (xã Nậm Cản)',
      'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp (xã Pa Tần)',
      'Tiểu dự án 2: Cải thiện dinh dưỡng (xã Sìn Thầu)',
      'Tiểu dự án 1 (Dự án 6)',
      'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
      'Xã Pa Tần: hỗ trợ thôn 7, hạng mục 1.7',
      'Dự án 8',
      'Giảm nghèo về thông tin (xã A)',
      'Tổng cộng',
    );
    const options = fc.constantFrom(
      {},
      { parentProject: 'DA3' },
      { parentProject: 'DA6' },
      { period: '2021-2025', parentProject: 'DA3' },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(labels, options), { maxLength: 30 }), (rows) => {
        const matcher = new ProjectMatcher();
        for (const [label, o] of rows)
          expect(matcher.match(label, o)).toEqual(matchProject(label, o));
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchIndicator', () => {
  it.each([
    ['Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân', 'down'],
    ['Ty le tre em duoi 5 tuoi bi suy dinh duong the thap coi', 'down'],
    ['Tỷ lệ huy động trẻ 5 tuổi ra lớp', 'up'],
    ['Tỷ lệ hộ gia đình sử dụng nhà tiêu hợp vệ sinh', 'up'],
    ['100% người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế', 'up'],
    ['Tỷ lệ hộ nghèo', 'down'],
    ['Tỷ lệ hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh', 'up'],
    ['Tỷ lệ hộ nghèo có nhà tạm, nhà dột nát được hỗ trợ nhà ở', 'up'],
    ['Tỷ lệ hộ thiếu hụt nguồn nước sinh hoạt', 'down'],
  ])('%s goes %s', (label, direction) => {
    expect(matchIndicator(label)?.direction).toBe(direction);
  });

  it('knows nothing of an unrelated label', () => {
    expect(matchIndicator('Số km đường giao thông')).toBeUndefined();
  });
});
