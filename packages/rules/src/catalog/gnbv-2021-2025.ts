import type { CapitalType, Indicator, ProgrammeCatalog, Project, SubProject } from './types.js';

const R: readonly CapitalType[] = ['recurrent'];
const IR: readonly CapitalType[] = ['investment', 'recurrent'];

function sub(
  project: number,
  n: number,
  name: string,
  nameEvidence: 'V' | 'M',
  capital = R,
): SubProject {
  return { code: `DA${project}.TDA${n}`, number: n, name, nameEvidence, capital };
}

function project(
  n: number,
  name: string,
  subs: readonly SubProject[],
  capital?: readonly CapitalType[],
): Project {
  const union = capital ?? [...new Set(subs.flatMap((s) => s.capital))];
  return {
    code: `DA${n}`,
    number: n,
    name,
    nameEvidence: 'V',
    capital: union.length ? union : R,
    subprojects: subs,
  };
}

const projects: readonly Project[] = [
  project(
    1,
    'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
    [
      sub(
        1,
        1,
        'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
        'M',
        IR,
      ),
      sub(
        1,
        2,
        'Triển khai Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn giai đoạn 2022 - 2025',
        'V',
        IR,
      ),
    ],
  ),
  project(2, 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', [], R),
  project(3, 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', [
    sub(3, 1, 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', 'V'),
    sub(3, 2, 'Cải thiện dinh dưỡng', 'V'),
  ]),
  project(4, 'Phát triển giáo dục nghề nghiệp, việc làm bền vững', [
    sub(4, 1, 'Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn', 'V', IR),
    sub(4, 2, 'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng', 'V'),
    sub(4, 3, 'Hỗ trợ việc làm bền vững', 'V'),
  ]),
  project(5, 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo', [], R),
  project(6, 'Truyền thông và giảm nghèo về thông tin', [
    sub(6, 1, 'Giảm nghèo về thông tin', 'V'),
    sub(6, 2, 'Truyền thông về giảm nghèo đa chiều', 'V'),
  ]),
  project(7, 'Nâng cao năng lực và giám sát, đánh giá Chương trình', [
    sub(7, 1, 'Nâng cao năng lực thực hiện Chương trình', 'V'),
    sub(7, 2, 'Giám sát, đánh giá', 'V'),
  ]),
];

function indicator(
  id: string,
  dimension: string,
  name: string,
  keywords: readonly string[],
  direction: 'up' | 'down',
  evidence: 'V' | 'P' | 'M' = 'V',
): Indicator {
  return { id, dimension, name, keywords, direction, evidence };
}

/**
 * The 12 deprivation indicators (NĐ 07/2021/NĐ-CP) and the recurring basic-social-service
 * and poverty indicators of plans. `direction` is the way a coverage target should move
 * ("tỷ lệ hộ có nhà tiêu hợp vệ sinh" goes up); a label that speaks of deprivation
 * ("thiếu hụt", "suy dinh dưỡng", "hộ nghèo") is read as moving down.
 */
const indicators: readonly Indicator[] = [
  indicator('viec-lam', 'việc làm', 'Việc làm', ['viec lam', 'lao dong'], 'up'),
  indicator(
    'nguoi-phu-thuoc',
    'việc làm',
    'Người phụ thuộc trong hộ gia đình',
    ['nguoi phu thuoc'],
    'down',
  ),
  indicator('dinh-duong', 'y tế', 'Dinh dưỡng', ['suy dinh duong', 'dinh duong'], 'down'),
  indicator('bao-hiem-y-te', 'y tế', 'Bảo hiểm y tế', ['bao hiem y te', 'bhyt'], 'up'),
  indicator(
    'giao-duc-nguoi-lon',
    'giáo dục',
    'Trình độ giáo dục của người lớn',
    ['trinh do giao duc', 'nguoi lon'],
    'up',
  ),
  indicator(
    'di-hoc-tre-em',
    'giáo dục',
    'Tình trạng đi học của trẻ em',
    ['di hoc', 'ra lop', 'huy dong tre', 'hoc sinh', 'tieu hoc', 'trung hoc'],
    'up',
  ),
  indicator(
    'chat-luong-nha-o',
    'nhà ở',
    'Chất lượng nhà ở',
    ['chat luong nha o', 'nha o', 'nha tam', 'nha dot nat'],
    'up',
  ),
  indicator(
    'dien-tich-nha-o',
    'nhà ở',
    'Diện tích nhà ở bình quân đầu người',
    ['dien tich nha o'],
    'up',
  ),
  indicator(
    'nuoc-sinh-hoat',
    'nước sinh hoạt và vệ sinh',
    'Nguồn nước sinh hoạt',
    ['nuoc sinh hoat', 'nuoc sach', 'nuoc hop ve sinh'],
    'up',
  ),
  indicator(
    'nha-tieu',
    'nước sinh hoạt và vệ sinh',
    'Nhà tiêu hợp vệ sinh',
    ['nha tieu', 'nha ve sinh'],
    'up',
  ),
  indicator(
    'vien-thong',
    'thông tin',
    'Sử dụng dịch vụ viễn thông',
    ['vien thong', 'internet'],
    'up',
  ),
  indicator(
    'tiep-can-thong-tin',
    'thông tin',
    'Phương tiện phục vụ tiếp cận thông tin',
    ['tiep can thong tin', 'phuong tien', 'truyen thanh'],
    'up',
  ),
  indicator(
    'ty-le-ho-ngheo',
    'thu nhập',
    'Tỷ lệ hộ nghèo',
    ['ho ngheo', 'ty le ngheo', 'ti le ngheo'],
    'down',
    'V',
  ),
  indicator('ty-le-ho-can-ngheo', 'thu nhập', 'Tỷ lệ hộ cận nghèo', ['can ngheo'], 'down', 'V'),
  indicator(
    'cham-soc-sau-sinh',
    'y tế',
    'Bà mẹ và trẻ sơ sinh được chăm sóc sau sinh',
    ['cham soc', 'so sinh'],
    'up',
    'V',
  ),
];

/** The 2021–2025 programme (QĐ 90/QĐ-TTg of 18/01/2022), in force for plans until 31/12/2026. */
export const GNBV_2021_2025: ProgrammeCatalog = {
  period: '2021-2025',
  title: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025',
  decision: 'Quyết định 90/QĐ-TTg ngày 18/01/2022',
  projects,
  indicators,
  capitalRule: {
    evidence: 'M',
    source: 'Believed (domain.md §2): investment capital goes only to DA1 and DA4 TDA1.',
    sourceVi:
      'Theo hiểu biết chưa xác nhận (domain.md §2): vốn đầu tư phát triển chỉ dành cho DA1 và DA4 TDA1.',
  },
};
