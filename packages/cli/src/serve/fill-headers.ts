/** Largest `X-Phuluc-Report` header sent (base64 characters): many HTTP clients refuse longer headers. */
export const MAX_REPORT_HEADER = 48 * 1024;

/**
 * The headers that carry a fill's report beside the filled workbook: `X-Phuluc-Summary`
 * (`writes=N; conflicts=M`) always, and the report itself base64-encoded (UTF-8 JSON) in
 * `X-Phuluc-Report` when it fits {@link MAX_REPORT_HEADER}; a larger report is left out with
 * `X-Phuluc-Report-Omitted: too-large` — ask with `Accept: multipart/mixed` to get it in the body.
 */
export function fillReportHeaders(json: string): Record<string, string> {
  const { summary } = JSON.parse(json) as { summary: { writes: number; conflicts: number } };
  const headers: Record<string, string> = {
    'X-Phuluc-Summary': `writes=${summary.writes}; conflicts=${summary.conflicts}`,
  };
  const report = Buffer.from(json, 'utf8').toString('base64');
  if (report.length <= MAX_REPORT_HEADER) headers['X-Phuluc-Report'] = report;
  else headers['X-Phuluc-Report-Omitted'] = 'too-large';
  return headers;
}
