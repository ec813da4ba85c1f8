import { describe, expect, it } from 'vitest';
import { fillReportHeaders, MAX_REPORT_HEADER } from './fill-headers.js';

const report = (writes: number) =>
  JSON.stringify({
    file: 'a.xlsx',
    output: 'a.filled.xlsx',
    sheets: [
      {
        sheet: 'PL01',
        template: 'budget-allocation',
        writes: Array.from({ length: writes }, (_, i) => ({
          cell: `C${i + 2}`,
          role: 'total',
          value: '1',
        })),
        conflicts: [],
      },
    ],
    summary: { writes, conflicts: 0 },
  });

describe('fillReportHeaders', () => {
  it('carries a report that fits, base64 of its UTF-8 JSON, with the summary', () => {
    const json = report(3);
    const h = fillReportHeaders(json);
    expect(h['X-Phuluc-Summary']).toBe('writes=3; conflicts=0');
    expect(Buffer.from(h['X-Phuluc-Report']!, 'base64').toString('utf8')).toBe(json);
    expect(h['X-Phuluc-Report-Omitted']).toBeUndefined();
  });

  it('leaves out a report too large for a header, and says so', () => {
    const h = fillReportHeaders(report(2000));
    expect(h['X-Phuluc-Report']).toBeUndefined();
    expect(h['X-Phuluc-Report-Omitted']).toBe('too-large');
    expect(h['X-Phuluc-Summary']).toBe('writes=2000; conflicts=0');
    expect(Buffer.from(report(2000)).toString('base64').length).toBeGreaterThan(MAX_REPORT_HEADER);
  });
});
