// Generated poverty-target and service-target sheets with planted mistakes, for the test that
// compares the checks with their pre-optimisation reference (check/fast-paths.test.ts).
import fc from 'fast-check';
import { gridFromRows } from '../../grid/grid.js';
import type { Cell, CellValue, Grid } from '../../grid/types.js';
import type { ValidateOptions } from '../types.js';
import { povertyHeader } from '../../__fixtures__/seeds.js';

type Row = (CellValue | Cell | undefined)[];

/** A sheet to check, with the options to check it with. */
export interface GeneratedSheet {
  readonly grid: Grid;
  readonly options: ValidateOptions;
}

/** The figure each data column of a poverty header holds. */
type Figure =
  | 'households'
  | 'poor_start'
  | 'poor_start_rate'
  | 'near_start'
  | 'near_start_rate'
  | 'poor_end'
  | 'poor_end_rate'
  | 'near_end'
  | 'near_end_rate'
  | 'reduction'
  | 'reduction_rate';

interface PovertyHeader {
  readonly rows: Row[];
  /** The figure of each column after TT and label. */
  readonly figures: readonly Figure[];
}

/** The headers of poverty annexes seen in plans: without near-poor, with them at the start, with them at both ends. */
const POVERTY_HEADERS: readonly PovertyHeader[] = [
  {
    rows: povertyHeader(),
    figures: [
      'households',
      'poor_start',
      'poor_start_rate',
      'poor_end',
      'poor_end_rate',
      'reduction',
      'reduction_rate',
    ],
  },
  {
    rows: [
      [
        'TT',
        'Thôn, bản',
        'Tổng số hộ',
        'Hộ nghèo đầu năm 2024',
        null,
        'Hộ cận nghèo đầu năm 2024',
        null,
        'Chỉ tiêu cuối năm 2024',
        null,
        'Giảm trong năm',
        null,
      ],
      [
        null,
        null,
        null,
        'Số hộ',
        'Tỷ lệ (%)',
        'Số hộ',
        'Tỷ lệ (%)',
        'Số hộ nghèo',
        'Tỷ lệ (%)',
        'Số hộ',
        'Tỷ lệ (%)',
      ],
    ],
    figures: [
      'households',
      'poor_start',
      'poor_start_rate',
      'near_start',
      'near_start_rate',
      'poor_end',
      'poor_end_rate',
      'reduction',
      'reduction_rate',
    ],
  },
  {
    rows: [
      [
        'TT',
        'Thôn, bản',
        'Tổng số hộ',
        'Hộ nghèo đầu năm 2024',
        null,
        'Hộ cận nghèo đầu năm 2024',
        null,
        'Chỉ tiêu hộ nghèo cuối năm 2024',
        null,
        'Chỉ tiêu hộ cận nghèo cuối năm 2024',
        null,
        'Giảm trong năm',
        null,
      ],
      [
        null,
        null,
        null,
        'Số hộ',
        'Tỷ lệ (%)',
        'Số hộ',
        'Tỷ lệ (%)',
        'Số hộ',
        'Tỷ lệ (%)',
        'Số hộ',
        'Tỷ lệ (%)',
        'Số hộ',
        'Tỷ lệ (%)',
      ],
    ],
    figures: [
      'households',
      'poor_start',
      'poor_start_rate',
      'near_start',
      'near_start_rate',
      'poor_end',
      'poor_end_rate',
      'near_end',
      'near_end_rate',
      'reduction',
      'reduction_rate',
    ],
  },
];

/** A village's counts. */
interface Counts {
  readonly households: number;
  readonly poor_start: number;
  readonly near_start: number;
  readonly poor_end: number;
  readonly near_end: number;
}

/** Household counts, biased to those whose rates fall on a rounding boundary (1 of 8 is 12,5%). */
const households = fc.oneof(
  fc.integer({ min: 0, max: 3000 }),
  fc.constantFrom(0, 8, 16, 40, 80, 160, 200, 400, 800, 1600, 2000, 3200),
);

/**
 * Villages whose rates are right at a rounding boundary: t of 2t, 8t, 800t is 50%, 12,5%, 0,125%;
 * 47t of 2000t is 2,35%, 2469t of 20000t is 12,345%, 2469t of 200000t is 1,2345% (boundaries at
 * 0 to 3 decimals, some exact in binary, most not).
 */
const onBoundary = fc
  .tuple(
    fc.integer({ min: 1, max: 5000 }),
    fc.constantFrom([1, 2], [1, 8], [1, 800], [47, 2000], [2469, 20000], [2469, 200000]),
    fc.nat(1000),
  )
  .map(([t, [poor, per], d]): Counts => {
    const poorStart = poor * t;
    const poorEnd = poorStart - Math.floor((poorStart * d) / 4000);
    return {
      households: per * t,
      poor_start: poorStart,
      near_start: 0,
      poor_end: poorEnd,
      near_end: 0,
    };
  });

/**
 * Villages whose rates are a hair off a rounding boundary (2469t of 20000t ± 1 is 12,345% ∓
 * 6·10⁻⁴/t %): decided right only when the arithmetic is precise enough.
 */
const nearBoundary = fc
  .tuple(onBoundary, fc.constantFrom(-1, 1))
  .map(([c, delta]): Counts => ({ ...c, households: c.households + delta }));

const village: fc.Arbitrary<Counts> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(households, fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(1000))
      .map(([h, a, b, c, d]) => {
        const poorStart = Math.floor((h * a) / 2000);
        const nearStart = Math.floor(((h - poorStart) * b) / 3000);
        const poorEnd = poorStart - Math.floor((poorStart * c) / 4000);
        const nearEnd = nearStart - Math.floor((nearStart * d) / 4000);
        return {
          households: h,
          poor_start: poorStart,
          near_start: nearStart,
          poor_end: poorEnd,
          near_end: nearEnd,
        };
      }),
  },
  { weight: 1, arbitrary: onBoundary },
  { weight: 1, arbitrary: nearBoundary },
);

/** How a sheet types its rates: rounded to 0–3 decimals, unrounded, or as ratios in a % format. */
type RateStyle = 'round0' | 'round1' | 'round2' | 'round3' | 'exact' | 'ratio';

const RATE_FORMATS = [undefined, '0.00', '0.0', '0.000', '0'] as const;

/** Half away from zero to `places` decimals, through the decimal string (no binary surprises). */
function roundHalfUp(x: number, places: number): number {
  const sign = x < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(x)}e${places}`);
  return (sign * Math.round(shifted)) / 10 ** places;
}

function rate(count: number, base: number, style: RateStyle): number | null {
  if (base === 0) return null;
  const r = (count / base) * 100;
  switch (style) {
    case 'round0':
      return roundHalfUp(r, 0);
    case 'round1':
      return roundHalfUp(r, 1);
    case 'round2':
    case 'ratio':
      return roundHalfUp(r, 2);
    case 'round3':
      return roundHalfUp(r, 3);
    case 'exact':
      return r;
  }
}

/** The right figures of a row, before any mistake. */
function rightFigures(c: Counts, style: RateStyle): Record<Figure, number | null> {
  const startRate = rate(c.poor_start, c.households, style);
  const endRate = rate(c.poor_end, c.households, style);
  return {
    ...c,
    poor_start_rate: startRate,
    near_start_rate: rate(c.near_start, c.households, style),
    poor_end_rate: endRate,
    near_end_rate: rate(c.near_end, c.households, style),
    reduction: c.poor_start - c.poor_end,
    reduction_rate:
      startRate === null || endRate === null
        ? null
        : style === 'exact'
          ? startRate - endRate
          : roundHalfUp(startRate - endRate, 3),
  };
}

/** The mistakes planted in cells: what the checks look for, and what their fast paths must not misjudge. */
const MISTAKES = [
  'empty',
  'negative',
  'plus-hundredth',
  'minus-one',
  'half',
  'boundary',
  'boundary-below',
  'over-100',
  'hundred',
  'text',
  'text-comma',
  'text-over-100',
  'text-percent',
  'ratio',
  'formula',
  'seven-decimals',
  'float-noise',
  'thirds',
  'huge',
  'tiny',
  'error',
  'zero',
  'any',
] as const;
type Mistake = (typeof MISTAKES)[number];

interface Planting {
  readonly row: number;
  readonly col: number;
  readonly mistake: Mistake;
  readonly any: number;
}

const planting: fc.Arbitrary<Planting> = fc.record({
  row: fc.nat(50),
  col: fc.nat(20),
  mistake: fc.constantFrom(...MISTAKES),
  any: fc.oneof(
    fc.double({ min: -1e4, max: 1e4, noNaN: true }),
    fc.integer({ min: -5000, max: 5000 }).map((n) => n / 1000),
  ),
});

/** A cell's value with one mistake planted. */
function plant(value: CellValue | Cell, p: Planting): CellValue | Cell {
  const raw = value !== null && typeof value === 'object' && 'value' in value ? value.value : value;
  const v = typeof raw === 'number' ? raw : 0;
  switch (p.mistake) {
    case 'empty':
      return null;
    case 'negative':
      return v === 0 ? -1 : -v;
    case 'plus-hundredth':
      return v + 0.01;
    case 'minus-one':
      return v - 1;
    case 'half':
      return Math.floor(v) + 0.5;
    case 'boundary':
      return Math.trunc(v * 100) / 100 + 0.005;
    case 'boundary-below':
      return Math.trunc(v * 100) / 100 + 0.0049999;
    case 'over-100':
      return 100 + Math.abs(v) + 0.01;
    case 'hundred':
      return 100;
    case 'text':
      return String(v);
    case 'text-comma':
      return String(v).replace('.', ',');
    case 'text-over-100':
      return 'trên 100%';
    case 'text-percent':
      return `${String(v).replace('.', ',')}%`;
    case 'ratio':
      return { value: v / 100, numFmt: '0.00%' };
    case 'formula':
      return { value: v, formula: 'D9/C9*100' };
    case 'seven-decimals':
      return v + 0.0000001;
    case 'float-noise':
      return v + 1e-13;
    case 'thirds':
      return v / 3;
    case 'huge':
      return v * 1e12 + 1;
    case 'tiny':
      return 1e-9;
    case 'error':
      return { error: '#DIV/0!' };
    case 'zero':
      return 0;
    case 'any':
      return p.any;
  }
}

function dataRow(
  tt: string | null,
  label: string,
  figures: readonly Figure[],
  values: Record<Figure, number | null>,
  style: RateStyle,
  rateFormat: string | undefined,
): Row {
  const cells = figures.map((f): CellValue | Cell => {
    const v = values[f];
    if (!f.endsWith('_rate') || v === null) return v;
    if (style === 'ratio') return { value: v / 100, numFmt: '0.00%' };
    return rateFormat ? { value: v, numFmt: rateFormat } : v;
  });
  return [tt, label, ...cells];
}

/** A poverty-target annex by village with a total row, rates typed some way, and planted mistakes. */
export const povertySheet: fc.Arbitrary<GeneratedSheet> = fc
  .record({
    header: fc.constantFrom(...POVERTY_HEADERS),
    villages: fc.array(village, { minLength: 1, maxLength: 8 }),
    style: fc.constantFrom<RateStyle>('round0', 'round1', 'round2', 'round3', 'exact', 'ratio'),
    rateFormat: fc.constantFrom(...RATE_FORMATS),
    total: fc.constantFrom('last', 'first', 'none', 'averaged'),
    plantings: fc.array(planting, { maxLength: 8 }),
    assigned: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
    locale: fc.constantFrom(undefined, 'vi' as const, 'en' as const),
  })
  .map(({ header, villages, style, rateFormat, total, plantings, assigned, locale }) => {
    const body = villages.map((c, i) =>
      dataRow(
        String(i + 1),
        `Bản ${i + 1}`,
        header.figures,
        rightFigures(c, style),
        style,
        rateFormat,
      ),
    );
    const sum = (k: keyof Counts) => villages.reduce((a, c) => a + c[k], 0);
    const sums: Counts = {
      households: sum('households'),
      poor_start: sum('poor_start'),
      near_start: sum('near_start'),
      poor_end: sum('poor_end'),
      near_end: sum('near_end'),
    };
    const totalValues = rightFigures(sums, style);
    if (total === 'averaged') {
      // The classic mistake: the total's rates averaged from the villages' rates.
      for (const f of header.figures) {
        if (!f.endsWith('_rate')) continue;
        const rates = villages
          .map((c) => rightFigures(c, style)[f])
          .filter((r): r is number => r !== null);
        totalValues[f] = rates.length
          ? roundHalfUp(rates.reduce((a, b) => a + b, 0) / rates.length, 2)
          : null;
      }
    }
    const totalRow = dataRow(null, 'Toàn xã', header.figures, totalValues, style, rateFormat);
    const rows: Row[] = [
      ['PHỤ LỤC SỐ 02'],
      ['CHỈ TIÊU GIẢM NGHÈO NĂM 2024'],
      [null, null, null, null, null, null, null, null, 'Đơn vị tính: hộ, %'],
      ...header.rows.map((r) => [...r]),
      ...(total === 'first' ? [totalRow] : []),
      ...body,
      ...(total === 'last' || total === 'averaged' ? [totalRow] : []),
    ];
    const firstData = 3 + header.rows.length;
    for (const p of plantings) {
      const r = firstData + (p.row % (rows.length - firstData));
      const c = 2 + (p.col % header.figures.length);
      const row = rows[r] as Row;
      row[c] = plant(row[c] ?? null, p);
    }
    // The layout is given: detecting it is the slow part of a check, and not what is tested.
    const options: ValidateOptions = {
      layout: 'poverty-targets',
      ...(assigned !== undefined ? { assignedReduction: assigned } : {}),
      ...(locale ? { locale } : {}),
    };
    return { grid: gridFromRows('PL02', rows), options };
  });

/** Indicator labels: known ones that should go up or down, a breakdown, unknown ones, a total. */
const SERVICE_LABELS = [
  'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân',
  'Tỷ lệ huy động trẻ 5 tuổi ra lớp',
  'Tỷ lệ hộ gia đình sử dụng nhà tiêu hợp vệ sinh',
  'Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo tham gia bảo hiểm y tế',
  'Trong đó: trẻ em người dân tộc thiểu số',
  'Số hộ thiếu hụt về nhà ở',
  'Số lao động có việc làm',
  'Chỉ tiêu khác',
  'Tổng cộng',
  '',
] as const;
const SERVICE_UNITS = ['%', 'Tỷ lệ %', 'phần trăm', 'hộ', 'người', '', null] as const;

const serviceValue = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
  fc.constantFrom<CellValue | Cell>(
    null,
    100,
    100.0001,
    -1,
    '90%',
    '90,5%',
    'trên 100%',
    '100%',
    '1.469',
    { value: 0.95, numFmt: '0.0%' },
    { value: 1.05, numFmt: '0.0%' },
    { value: 1, numFmt: '0%' },
    99.99999999,
    1e-9,
  ),
);

/** A service-target annex: indicators with units, baselines and targets, some wrong. */
export const serviceSheet: fc.Arbitrary<GeneratedSheet> = fc
  .record({
    result: fc.boolean(),
    rows: fc.array(
      fc.tuple(
        fc.constantFrom(...SERVICE_LABELS),
        fc.constantFrom(...SERVICE_UNITS),
        serviceValue,
        serviceValue,
        serviceValue,
      ),
      { minLength: 1, maxLength: 12 },
    ),
    locale: fc.constantFrom(undefined, 'vi' as const, 'en' as const),
  })
  .map(({ result, rows, locale }) => {
    const header: Row = [
      'TT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Thực hiện năm 2023',
      'Kế hoạch năm 2024',
    ];
    if (result) header.push('Kết quả thực hiện');
    const body = rows.map(([label, unit, a, b, c], i): Row => {
      const row: Row = [label.startsWith('Trong đó') ? '-' : String(i + 1), label, unit, a, b];
      if (result) row.push(c);
      return row;
    });
    return {
      grid: gridFromRows('PL03', [
        ['PHỤ LỤC SỐ 03'],
        ['CHỈ TIÊU TIẾP CẬN DỊCH VỤ XÃ HỘI CƠ BẢN NĂM 2024'],
        header,
        ...body,
      ]),
      options: { layout: 'service-targets', ...(locale ? { locale } : {}) },
    };
  });
