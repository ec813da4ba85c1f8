import { gridFromRows } from '../../grid/grid.js';
import type { Cell, CellValue, Grid, MergeRange } from '../../grid/types.js';

/**
 * Six annex layouts that offices keep beside the three the layouts know (domain.md §5, "Beyond
 * these three"): a disbursement report, a 2021–2025 phase plan split by year, a province matrix of
 * units × projects under capital types, a poverty flow by commune, a budget whose row groups are
 * the capital types, and results against plan.
 *
 * Each builder returns the sheet clean (every crossfoot, foot, rate and flow holds exactly; rates
 * are ROUND(…, 2) half-up and none falls on a half) or, with `planted: true`, with the mistakes
 * listed in `planted` and no other inconsistency. Where one mistake necessarily shows in two
 * cells (a wrong part under a total row that sums it), both cells are listed, the second one's
 * `why` saying it follows from the first.
 *
 * Figures are invented (triệu đồng or hộ); names of projects follow QĐ 90/QĐ-TTg, names of units
 * are real places of Điện Biên used only as labels. `relations/__fixtures__/annexes.test.ts`
 * recomputes every relation independently.
 */

/** A mistake planted on purpose: where it is reported (A1), with which code, and why. */
export interface PlantedIssue {
  readonly cell: string;
  readonly code: string;
  readonly why: string;
}

/** One annex sheet as a grid, the mistakes planted in it (none when clean), and its title line. */
export interface AnnexFixture {
  readonly grid: Grid;
  readonly planted: readonly PlantedIssue[];
  readonly title: string;
}

/** Options of every builder: `planted: true` plants the mistakes (default: clean). */
export interface AnnexFixtureOptions {
  readonly planted?: boolean;
}

/**
 * Where things sit in a sheet, 1-based rows as Excel shows them (the same for the clean and the
 * planted version): the header rows, the column-index row if any, the total row (first) and the
 * data rows after it up to `lastRow`.
 */
export interface AnnexShape {
  readonly headerRows: readonly number[];
  readonly indexRow?: number;
  readonly totalRow: number;
  readonly firstDataRow: number;
  readonly lastRow: number;
  /** The last column's letter. */
  readonly lastCol: string;
}

type Row = (CellValue | Cell | undefined)[];

// ---------------------------------------------------------------------------------------------
// Helpers: A1 addresses, merges, the title block.

function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function parseA1(addr: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) throw new Error(`not an A1 address: ${addr}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]!) };
}

/** A merge from an A1 range such as `C5:E5` (stored 0-based and inclusive). */
function merge(range: string): MergeRange {
  const [a, b = a] = range.split(':') as [string, string?];
  const p = parseA1(a);
  const q = parseA1(b!);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Put a planted value at an A1 address of the rows. */
function plant(rows: Row[], addr: string, value: CellValue): void {
  const { row, col } = parseA1(addr);
  const r = rows[row];
  if (!r || col >= r.length) throw new Error(`no cell ${addr} to plant`);
  r[col] = value;
}

/**
 * Rows 1–4: "PHỤ LỤC SỐ 0x", the title, "(Kèm theo …)", each merged across the sheet, and the
 * unit line merged over the last columns from `unitCol`.
 */
function titleBlock(
  lastCol: string,
  unitCol: string,
  lines: { annex: string; title: string; attached: string; unit: string },
): { rows: Row[]; merges: MergeRange[] } {
  const width = colIndex(lastCol) + 1;
  const line = (text: string, at = 0): Row =>
    Array.from({ length: width }, (_, i) => (i === at ? text : null));
  return {
    rows: [
      line(lines.annex),
      line(lines.title),
      line(lines.attached),
      line(lines.unit, colIndex(unitCol)),
    ],
    merges: [
      merge(`A1:${lastCol}1`),
      merge(`A2:${lastCol}2`),
      merge(`A3:${lastCol}3`),
      merge(`${unitCol}4:${lastCol}4`),
    ],
  };
}

function fixture(
  name: string,
  title: string,
  rows: Row[],
  merges: MergeRange[],
  planted: PlantedIssue[],
): AnnexFixture {
  return { grid: gridFromRows(name, rows, merges), planted, title };
}

const MONEY = 'Đơn vị tính: triệu đồng';

/** Project and sub-project names as QĐ 90/QĐ-TTg gives them (domain.md §2). */
const L = {
  DA1: 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
  DA2: 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
  DA3: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
  DA3_1: 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
  DA3_2: 'Tiểu dự án 2: Cải thiện dinh dưỡng',
  DA4: 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững',
  DA4_1: 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
  DA4_3: 'Tiểu dự án 3: Hỗ trợ việc làm bền vững',
  DA5: 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo',
  DA6: 'Dự án 6: Truyền thông và giảm nghèo về thông tin',
  DA6_1: 'Tiểu dự án 1: Giảm nghèo về thông tin',
  DA6_2: 'Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều',
  DA7: 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình',
  DA7_1: 'Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình',
  DA7_2: 'Tiểu dự án 2: Giám sát, đánh giá',
} as const;

// ---------------------------------------------------------------------------------------------
// 1. Disbursement report: plan vs disbursed by source, with a disbursement rate.
//
//   A TT | B Nội dung | C–E Kế hoạch vốn năm 2024 (Tổng số | NSTW | NSĐP)
//   | F–H Giải ngân đến 30/9/2024 (Tổng số | NSTW | NSĐP) | I Tỷ lệ giải ngân (%)
//   C = D + E, F = G + H, I = ROUND(F / C × 100, 2); parents = Σ children in C–H.

const DISBURSEMENT_TITLE =
  'TÌNH HÌNH GIẢI NGÂN VỐN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024';

/** Phụ lục 01: disbursement to 30/9/2024 against the 2024 plan, by project and sub-project. */
export function disbursementReport(options: AnnexFixtureOptions = {}): AnnexFixture {
  const head = titleBlock('I', 'G', {
    annex: 'PHỤ LỤC SỐ 01',
    title: DISBURSEMENT_TITLE,
    attached: '(Kèm theo Kế hoạch số …/KH-UBND ngày …/10/2024 của UBND huyện Mường Chà)',
    unit: MONEY,
  });
  const rows: Row[] = [
    ...head.rows,
    /* 5 */ [
      'TT',
      'Nội dung',
      'Kế hoạch vốn năm 2024',
      null,
      null,
      'Giải ngân đến 30/9/2024',
      null,
      null,
      'Tỷ lệ giải ngân (%)',
    ],
    /* 6 */ [null, null, 'Tổng số', 'NSTW', 'NSĐP', 'Tổng số', 'NSTW', 'NSĐP', null],
    /* 7 */ ['A', 'B', '1=2+3', '2', '3', '4=5+6', '5', '6', '7=4/1'],
    /* 8 */ [null, 'Tổng cộng', 24970, 23109, 1861, 16255.425, 15290.925, 964.5, 65.1],
    /* 9 */ ['1', L.DA1, 13750, 12500, 1250, 8737.5, 8125.5, 612, 63.55],
    /* 10 */ ['2', L.DA2, 3154, 3154, null, 2050.75, 2050.75, null, 65.02],
    /* 11 */ ['3', L.DA3, 3014, 2740, 274, 1955.425, 1820.425, 135, 64.88],
    /* 12 */ ['-', L.DA3_1, 2310, 2100, 210, 1595.3, 1500.3, 95, 69.06],
    /* 13 */ ['-', L.DA3_2, 704, 640, 64, 360.125, 320.125, 40, 51.15],
    /* 14 */ ['4', L.DA4, 1892, 1785, 107, 1389, 1308.5, 80.5, 73.41],
    /* 15 */ ['-', L.DA4_1, 1695, 1588, 107, 1290.5, 1210, 80.5, 76.14],
    /* 16 */ ['-', L.DA4_3, 197, 197, null, 98.5, 98.5, null, 50],
    /* 17 */ ['5', L.DA5, 1980, 1800, 180, 1560, 1440, 120, 78.79],
    /* 18 */ ['6', L.DA6, 670, 670, null, 335.25, 335.25, null, 50.04],
    /* 19 */ ['-', L.DA6_1, 522, 522, null, 261.25, 261.25, null, 50.05],
    /* 20 */ ['-', L.DA6_2, 148, 148, null, 74, 74, null, 50],
    /* 21 */ ['7', L.DA7, 510, 460, 50, 227.5, 210.5, 17, 44.61],
    /* 22 */ ['-', L.DA7_1, 318, 288, 30, 162.5, 150.5, 12, 51.1],
    /* 23 */ ['-', L.DA7_2, 192, 172, 20, 65, 60, 5, 33.85],
  ];
  const merges = [
    ...head.merges,
    merge('A5:A6'),
    merge('B5:B6'),
    merge('C5:E5'),
    merge('F5:H5'),
    merge('I5:I6'),
  ];
  const planted: PlantedIssue[] = [];
  if (options.planted) {
    // DA5's disbursed NSTW typed 1.404 for 1.440 (digits swapped); the total row's NSTW sums it.
    plant(rows, 'G17', 1404);
    plant(rows, 'G8', 15254.925);
    // DA3 TDA2's rate computed against the NSTW plan (640) instead of the total plan (704).
    plant(rows, 'I13', 56.27);
    planted.push(
      {
        cell: 'F17',
        code: 'sum/crossfoot',
        why: 'Dự án 5: disbursed NSTW typed 1.404 for 1.440 (digits swapped); Tổng số 1.560 ≠ 1.404 + 120 = 1.524.',
      },
      {
        cell: 'F8',
        code: 'sum/crossfoot',
        why: 'Follows from F17: the total row sums the wrong NSTW (15.254,925); Tổng số 16.255,425 ≠ 15.254,925 + 964,5 = 16.219,425.',
      },
      {
        cell: 'I13',
        code: 'rate/mismatch',
        why: 'Tiểu dự án 2 (Dự án 3): rate 56,27 computed against the NSTW plan 640; 360,125 ÷ 704 × 100 = 51,15.',
      },
    );
  }
  return fixture('PL01', DISBURSEMENT_TITLE, rows, merges, planted);
}

// ---------------------------------------------------------------------------------------------
// 2. Phase plan: a 2021–2025 total split by year (the programme's money starts in 2022: the 2021
//    column is empty).
//
//   A TT | B Nội dung | C Tổng giai đoạn 2021-2025 | D–H Chia ra các năm (Năm 2021 … Năm 2025)
//   C = D + E + F + G + H; parents = Σ children in C–H.

const PHASE_TITLE =
  'KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG GIAI ĐOẠN 2021-2025';

/** Phụ lục 02: the 2021–2025 plan by project, split by year. */
export function phasePlan(options: AnnexFixtureOptions = {}): AnnexFixture {
  const head = titleBlock('H', 'F', {
    annex: 'PHỤ LỤC SỐ 02',
    title: PHASE_TITLE,
    attached: '(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2024 của UBND huyện Mường Chà)',
    unit: MONEY,
  });
  const rows: Row[] = [
    ...head.rows,
    /* 5 */ [
      'TT',
      'Nội dung',
      'Tổng giai đoạn 2021-2025',
      'Chia ra các năm',
      null,
      null,
      null,
      null,
    ],
    /* 6 */ [null, null, null, 'Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025'],
    /* 7 */ [null, 'Tổng cộng', 80424, null, 15865, 18780, 22409, 23370],
    /* 8 */ ['1', L.DA1, 43950, null, 9500, 10250, 11800, 12400],
    /* 9 */ ['2', L.DA2, 10784, null, 1850, 2460, 3154, 3320],
    /* 10 */ ['3', L.DA3, 9330, null, 1510, 2130, 2740, 2950],
    /* 11 */ ['-', L.DA3_1, 7200, null, 1200, 1650, 2100, 2250],
    /* 12 */ ['-', L.DA3_2, 2130, null, 310, 480, 640, 700],
    /* 13 */ ['4', L.DA4, 6250, null, 1115, 1500, 1785, 1850],
    /* 14 */ ['-', L.DA4_1, 5598, null, 1020, 1350, 1588, 1640],
    /* 15 */ ['-', L.DA4_3, 652, null, 95, 150, 197, 210],
    /* 16 */ ['5', L.DA5, 6150, null, 1200, 1500, 1800, 1650],
    /* 17 */ ['6', L.DA6, 2370, null, 410, 570, 670, 720],
    /* 18 */ ['-', L.DA6_1, 1852, null, 320, 450, 522, 560],
    /* 19 */ ['-', L.DA6_2, 518, null, 90, 120, 148, 160],
    /* 20 */ ['7', L.DA7, 1590, null, 280, 370, 460, 480],
    /* 21 */ ['-', L.DA7_1, 998, null, 180, 230, 288, 300],
    /* 22 */ ['-', L.DA7_2, 592, null, 100, 140, 172, 180],
  ];
  const merges = [...head.merges, merge('A5:A6'), merge('B5:B6'), merge('C5:C6'), merge('D5:H5')];
  const planted: PlantedIssue[] = [];
  if (options.planted) {
    // DA2's 2024 figure retyped 3.514 (digits swapped) while its phase total and the total row's
    // 2024 figure, both typed by hand, kept the old numbers. The total row still crossfoots.
    plant(rows, 'G9', 3514);
    planted.push(
      {
        cell: 'C9',
        code: 'sum/crossfoot',
        why: 'Dự án 2: Năm 2024 retyped 3.514 for 3.154; the phase total 10.784 ≠ 1.850 + 2.460 + 3.514 + 3.320 = 11.144.',
      },
      {
        cell: 'G7',
        code: 'sum/foot',
        why: 'Tổng cộng, Năm 2024: typed 22.409 but the projects below add up to 22.769 (Dự án 2 now 3.514).',
      },
    );
  }
  return fixture('PL02', PHASE_TITLE, rows, merges, planted);
}

// ---------------------------------------------------------------------------------------------
// 3. Province matrix: units × projects, capital type above the projects.
//
//   A TT | B Đơn vị | C Tổng cộng | D–F Vốn đầu tư phát triển (Tổng số | Dự án 1 | Dự án 4)
//   | G–K Vốn sự nghiệp (Tổng số | Dự án 2 | Dự án 3 | Dự án 6 | Dự án 7)
//   C = D + G, D = E + F, G = H + I + J + K; the total row = Σ units in C–K.

const MATRIX_TITLE =
  'PHÂN BỔ VỐN NGÂN SÁCH TRUNG ƯƠNG THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024 CHO CÁC HUYỆN, THỊ XÃ';

/** Phụ lục 03: the province's allocation to its districts, by capital type and project. */
export function provinceCapitalMatrix(options: AnnexFixtureOptions = {}): AnnexFixture {
  const head = titleBlock('K', 'I', {
    annex: 'PHỤ LỤC SỐ 03',
    title: MATRIX_TITLE,
    attached: '(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2024 của UBND tỉnh Điện Biên)',
    unit: MONEY,
  });
  const rows: Row[] = [
    ...head.rows,
    /* 5 */ [
      'TT',
      'Đơn vị',
      'Tổng cộng',
      'Vốn đầu tư phát triển',
      null,
      null,
      'Vốn sự nghiệp',
      null,
      null,
      null,
      null,
    ],
    /* 6 */ [
      null,
      null,
      null,
      'Tổng số',
      'Dự án 1',
      'Dự án 4',
      'Tổng số',
      'Dự án 2',
      'Dự án 3',
      'Dự án 6',
      'Dự án 7',
    ],
    /* 7 */ ['A', 'B', '1=2+5', '2=3+4', '3', '4', '5=6+7+8+9', '6', '7', '8', '9'],
    /* 8 */ [null, 'Tổng cộng', 235894, 182290, 174100, 8190, 53604, 24354, 20760, 4970, 3520],
    /* 9 */ ['1', 'Huyện Mường Nhé', 36980, 29700, 28500, 1200, 7280, 3400, 2850, 610, 420],
    /* 10 */ ['2', 'Huyện Nậm Pồ', 40390, 32550, 31200, 1350, 7840, 3650, 3100, 640, 450],
    /* 11 */ ['3', 'Huyện Mường Chà', 32804, 25780, 24800, 980, 7024, 3154, 2740, 670, 460],
    /* 12 */ ['4', 'Huyện Tủa Chùa', 29990, 23500, 22600, 900, 6490, 2980, 2510, 590, 410],
    /* 13 */ ['5', 'Huyện Điện Biên Đông', 34770, 27500, 26400, 1100, 7270, 3320, 2890, 620, 440],
    /* 14 */ ['6', 'Huyện Tuần Giáo', 29260, 22950, 21900, 1050, 6310, 2870, 2460, 580, 400],
    /* 15 */ ['7', 'Huyện Mường Ảng', 25040, 19550, 18700, 850, 5490, 2450, 2120, 540, 380],
    /* 16 */ ['8', 'Huyện Điện Biên', 4620, 760, null, 760, 3860, 1680, 1450, 420, 310],
    /* 17 */ ['9', 'Thị xã Mường Lay', 2040, null, null, null, 2040, 850, 640, 300, 250],
  ];
  const merges = [
    ...head.merges,
    merge('A5:A6'),
    merge('B5:B6'),
    merge('C5:C6'),
    merge('D5:F5'),
    merge('G5:K5'),
  ];
  const planted: PlantedIssue[] = [];
  if (options.planted) {
    // Mường Chà's Dự án 3 typed 2.470 for 2.740 (digits swapped); the total row's Dự án 3 sums it.
    plant(rows, 'I11', 2470);
    plant(rows, 'I8', 20490);
    planted.push(
      {
        cell: 'G11',
        code: 'sum/crossfoot',
        why: 'Huyện Mường Chà: Dự án 3 typed 2.470 for 2.740; Vốn sự nghiệp Tổng số 7.024 ≠ 3.154 + 2.470 + 670 + 460 = 6.754.',
      },
      {
        cell: 'G8',
        code: 'sum/crossfoot',
        why: 'Follows from G11: the total row sums the wrong Dự án 3 (20.490); Vốn sự nghiệp Tổng số 53.604 ≠ 24.354 + 20.490 + 4.970 + 3.520 = 53.334.',
      },
    );
  }
  return fixture('PL03', MATRIX_TITLE, rows, merges, planted);
}

// ---------------------------------------------------------------------------------------------
// 4. Poverty flow by commune, in households.
//
//   A TT | B Xã | C Hộ nghèo đầu năm | D–F Biến động trong năm (Số hộ thoát nghèo | Số hộ nghèo
//   phát sinh | Số hộ tái nghèo) | G Hộ nghèo cuối năm
//   G = C − D + E + F; the total row "Toàn huyện" = Σ communes in C–G.

const FLOW_TITLE = 'KẾT QUẢ BIẾN ĐỘNG HỘ NGHÈO NĂM 2024 TRÊN ĐỊA BÀN HUYỆN';

/** Phụ lục 04: poor households at the start and end of 2024, exits, new poor, returned. */
export function povertyFlow(options: AnnexFixtureOptions = {}): AnnexFixture {
  const head = titleBlock('G', 'F', {
    annex: 'PHỤ LỤC SỐ 04',
    title: FLOW_TITLE,
    attached: '(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2025 của UBND huyện Mường Chà)',
    unit: 'Đơn vị tính: hộ',
  });
  const rows: Row[] = [
    ...head.rows,
    /* 5 */ [
      'TT',
      'Xã',
      'Hộ nghèo đầu năm',
      'Biến động trong năm',
      null,
      null,
      'Hộ nghèo cuối năm',
    ],
    /* 6 */ [
      null,
      null,
      null,
      'Số hộ thoát nghèo',
      'Số hộ nghèo phát sinh',
      'Số hộ tái nghèo',
      null,
    ],
    /* 7 */ ['A', 'B', '1', '2', '3', '4', '5=1-2+3+4'],
    /* 8 */ [null, 'Toàn huyện', 2962, 402, 36, 12, 2608],
    /* 9 */ ['1', 'Xã Sá Tổng', 412, 58, 6, 2, 362],
    /* 10 */ ['2', 'Xã Huổi Lèng', 386, 51, 4, 1, 340],
    /* 11 */ ['3', 'Xã Ma Thì Hồ', 455, 63, 7, 3, 402],
    /* 12 */ ['4', 'Xã Sa Lông', 298, 40, 3, 0, 261],
    /* 13 */ ['5', 'Xã Pa Ham', 341, 47, 5, 2, 301],
    /* 14 */ ['6', 'Xã Nậm Nèn', 276, 36, 2, 1, 243],
    /* 15 */ ['7', 'Xã Hừa Ngài', 367, 49, 4, 2, 324],
    /* 16 */ ['8', 'Xã Mường Tùng', 194, 28, 3, 0, 169],
    /* 17 */ ['9', 'Xã Huổi Mí', 233, 30, 2, 1, 206],
  ];
  const merges = [
    ...head.merges,
    merge('A5:A6'),
    merge('B5:B6'),
    merge('C5:C6'),
    merge('D5:F5'),
    merge('G5:G6'),
  ];
  const planted: PlantedIssue[] = [];
  if (options.planted) {
    // Ma Thì Hồ's year-end count typed 420 for 402; the total row's end count sums it.
    plant(rows, 'G11', 420);
    plant(rows, 'G8', 2626);
    planted.push(
      {
        cell: 'G11',
        code: 'target/flow-mismatch',
        why: 'Xã Ma Thì Hồ: year-end poor households typed 420; 455 − 63 + 7 + 3 = 402.',
      },
      {
        cell: 'G8',
        code: 'target/flow-mismatch',
        why: 'Follows from G11: the total row sums the wrong count (2.626); 2.962 − 402 + 36 + 12 = 2.608.',
      },
    );
  }
  return fixture('PL04', FLOW_TITLE, rows, merges, planted);
}

// ---------------------------------------------------------------------------------------------
// 5. Capital type in row groups: "I. Vốn đầu tư phát triển", "II. Vốn sự nghiệp", projects as
//    items under them. A three-row header: "Kế hoạch vốn năm 2024" over Tổng số and "Chia ra".
//
//   A TT | B Nội dung | C Tổng số | D NSTW | E NSĐP
//   C = D + E; total = I + II; each group = Σ its items; each item = Σ its "-" rows.
//   Clean: only Dự án 1 and Dự án 4's Tiểu dự án 1 under group I.

const ROW_GROUPS_TITLE =
  'DỰ KIẾN PHÂN BỔ VỐN THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024 THEO LOẠI VỐN';

/** Phụ lục 05: the 2024 budget grouped by capital type, projects and sub-projects under each. */
export function capitalByRowGroups(options: AnnexFixtureOptions = {}): AnnexFixture {
  const head = titleBlock('E', 'D', {
    annex: 'PHỤ LỤC SỐ 05',
    title: ROW_GROUPS_TITLE,
    attached: '(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2024 của UBND huyện Mường Chà)',
    unit: MONEY,
  });
  const da6 = (tt: string): Row => [tt, L.DA6, 737, 670, 67];
  const groups: Row[] = options.planted
    ? [
        // Dự án 6 (recurrent only) filed under investment capital; the group sums follow it.
        /* 10 */ ['I', 'Vốn đầu tư phát triển', 15092, 13720, 1372],
        /* 11 */ ['1', L.DA1, 12980, 11800, 1180],
        /* 12 */ ['2', L.DA4, 1375, 1250, 125],
        /* 13 */ ['-', L.DA4_1, 1375, 1250, 125],
        /* 14 */ da6('3'),
        /* 15 */ ['II', 'Vốn sự nghiệp', 7578.4, 6889, 689.4],
        /* 16 */ ['1', L.DA2, 3469.4, 3154, 315.4],
        /* 17 */ ['2', L.DA3, 3014.5, 2740, 274.5],
        /* 18 */ ['-', L.DA3_1, 2310, 2100, 210],
        /* 19 */ ['-', L.DA3_2, 704.5, 640, 64.5],
        /* 20 */ ['3', L.DA4, 588.5, 535, 53.5],
        /* 21 */ ['-', L.DA4_1, 371.8, 338, 33.8],
        /* 22 */ ['-', L.DA4_3, 216.7, 197, 19.7],
        /* 23 */ ['4', L.DA7, 506, 460, 46],
        /* 24 */ ['-', L.DA7_1, 316.8, 288, 28.8],
        /* 25 */ ['-', L.DA7_2, 189.2, 172, 17.2],
      ]
    : [
        /* 10 */ ['I', 'Vốn đầu tư phát triển', 14355, 13050, 1305],
        /* 11 */ ['1', L.DA1, 12980, 11800, 1180],
        /* 12 */ ['2', L.DA4, 1375, 1250, 125],
        /* 13 */ ['-', L.DA4_1, 1375, 1250, 125],
        /* 14 */ ['II', 'Vốn sự nghiệp', 8315.4, 7559, 756.4],
        /* 15 */ ['1', L.DA2, 3469.4, 3154, 315.4],
        /* 16 */ ['2', L.DA3, 3014.5, 2740, 274.5],
        /* 17 */ ['-', L.DA3_1, 2310, 2100, 210],
        /* 18 */ ['-', L.DA3_2, 704.5, 640, 64.5],
        /* 19 */ ['3', L.DA4, 588.5, 535, 53.5],
        /* 20 */ ['-', L.DA4_1, 371.8, 338, 33.8],
        /* 21 */ ['-', L.DA4_3, 216.7, 197, 19.7],
        /* 22 */ da6('4'),
        /* 23 */ ['5', L.DA7, 506, 460, 46],
        /* 24 */ ['-', L.DA7_1, 316.8, 288, 28.8],
        /* 25 */ ['-', L.DA7_2, 189.2, 172, 17.2],
      ];
  const rows: Row[] = [
    ...head.rows,
    /* 5 */ ['TT', 'Nội dung', 'Kế hoạch vốn năm 2024', null, null],
    /* 6 */ [null, null, 'Tổng số', 'Chia ra', null],
    /* 7 */ [null, null, null, 'NSTW', 'NSĐP'],
    /* 8 */ ['A', 'B', '1=2+3', '2', '3'],
    /* 9 */ [null, 'Tổng cộng', 22670.4, 20609, 2061.4],
    ...groups,
  ];
  const merges = [
    ...head.merges,
    merge('A5:A7'),
    merge('B5:B7'),
    merge('C5:E5'),
    merge('C6:C7'),
    merge('D6:E6'),
  ];
  const planted: PlantedIssue[] = options.planted
    ? [
        {
          cell: 'C14',
          code: 'catalog/capital-type',
          why: 'Dự án 6 (Truyền thông và giảm nghèo về thông tin) is recurrent-only but is filed under "I. Vốn đầu tư phát triển" with 737.',
        },
      ]
    : [];
  return fixture('PL05', ROW_GROUPS_TITLE, rows, merges, planted);
}

// ---------------------------------------------------------------------------------------------
// 6. Results against plan.
//
//   A TT | B Nội dung | C–E Năm 2024 (Kế hoạch | Thực hiện | Tỷ lệ thực hiện so với kế hoạch (%))
//   E = ROUND(D / C × 100, 2); parents = Σ children in C and D.

const RESULTS_TITLE =
  'KẾT QUẢ THỰC HIỆN KINH PHÍ CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024 SO VỚI KẾ HOẠCH';

/** Phụ lục 06: "Kết quả thực hiện so với kế hoạch", by project and sub-project. */
export function incomeResultsVsPlan(options: AnnexFixtureOptions = {}): AnnexFixture {
  const head = titleBlock('E', 'D', {
    annex: 'PHỤ LỤC SỐ 06',
    title: RESULTS_TITLE,
    attached: '(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2025 của UBND huyện Mường Chà)',
    unit: MONEY,
  });
  const rows: Row[] = [
    ...head.rows,
    /* 5 */ ['TT', 'Nội dung', 'Năm 2024', null, null],
    /* 6 */ [null, null, 'Kế hoạch', 'Thực hiện', 'Tỷ lệ thực hiện so với kế hoạch (%)'],
    /* 7 */ [null, 'Tổng cộng', 24970, 23715.93, 94.98],
    /* 8 */ ['1', L.DA1, 13750, 12987.455, 94.45],
    /* 9 */ ['2', L.DA2, 3154, 3012.6, 95.52],
    /* 10 */ ['3', L.DA3, 3014, 2860.95, 94.92],
    /* 11 */ ['-', L.DA3_1, 2310, 2205.75, 95.49],
    /* 12 */ ['-', L.DA3_2, 704, 655.2, 93.07],
    /* 13 */ ['4', L.DA4, 1892, 1803.625, 95.33],
    /* 14 */ ['-', L.DA4_1, 1695, 1620.125, 95.58],
    /* 15 */ ['-', L.DA4_3, 197, 183.5, 93.15],
    /* 16 */ ['5', L.DA5, 1980, 1935.6, 97.76],
    /* 17 */ ['6', L.DA6, 670, 637.65, 95.17],
    /* 18 */ ['-', L.DA6_1, 522, 498.25, 95.45],
    /* 19 */ ['-', L.DA6_2, 148, 139.4, 94.19],
    /* 20 */ ['7', L.DA7, 510, 478.05, 93.74],
    /* 21 */ ['-', L.DA7_1, 318, 301.2, 94.72],
    /* 22 */ ['-', L.DA7_2, 192, 176.85, 92.11],
  ];
  const merges = [...head.merges, merge('A5:A6'), merge('B5:B6'), merge('C5:E5')];
  const planted: PlantedIssue[] = [];
  if (options.planted) {
    // DA4 TDA1's rate computed against the whole project's plan (1.892) instead of its own.
    plant(rows, 'E14', 85.63);
    planted.push({
      cell: 'E14',
      code: 'rate/mismatch',
      why: 'Tiểu dự án 1 (Dự án 4): rate 85,63 computed against Dự án 4’s plan 1.892; 1.620,125 ÷ 1.695 × 100 = 95,58.',
    });
  }
  return fixture('PL06', RESULTS_TITLE, rows, merges, planted);
}

// ---------------------------------------------------------------------------------------------

/** Every builder, in annex order. */
export const ALL_ANNEX_FIXTURES: ReadonlyArray<{
  name: string;
  build: (o?: { planted?: boolean }) => AnnexFixture;
}> = [
  { name: 'disbursementReport', build: disbursementReport },
  { name: 'phasePlan', build: phasePlan },
  { name: 'provinceCapitalMatrix', build: provinceCapitalMatrix },
  { name: 'povertyFlow', build: povertyFlow },
  { name: 'capitalByRowGroups', build: capitalByRowGroups },
  { name: 'incomeResultsVsPlan', build: incomeResultsVsPlan },
];

/** Where the header, the index row, the total row and the data rows sit in each sheet. */
export const ANNEX_SHAPES: Readonly<Record<string, AnnexShape>> = {
  disbursementReport: {
    headerRows: [5, 6],
    indexRow: 7,
    totalRow: 8,
    firstDataRow: 9,
    lastRow: 23,
    lastCol: 'I',
  },
  phasePlan: { headerRows: [5, 6], totalRow: 7, firstDataRow: 8, lastRow: 22, lastCol: 'H' },
  provinceCapitalMatrix: {
    headerRows: [5, 6],
    indexRow: 7,
    totalRow: 8,
    firstDataRow: 9,
    lastRow: 17,
    lastCol: 'K',
  },
  povertyFlow: {
    headerRows: [5, 6],
    indexRow: 7,
    totalRow: 8,
    firstDataRow: 9,
    lastRow: 17,
    lastCol: 'G',
  },
  capitalByRowGroups: {
    headerRows: [5, 6, 7],
    indexRow: 8,
    totalRow: 9,
    firstDataRow: 10,
    lastRow: 25,
    lastCol: 'E',
  },
  incomeResultsVsPlan: {
    headerRows: [5, 6],
    totalRow: 7,
    firstDataRow: 8,
    lastRow: 22,
    lastCol: 'E',
  },
};
