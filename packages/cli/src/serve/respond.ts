import type { IncomingMessage, ServerResponse } from 'node:http';
import { CliError } from '../errors.js';
import { fillReportHeaders } from './fill-headers.js';
import type { Job, JobResult } from './jobs.js';
import { filledName, type JobCommand } from './query.js';
import { errorDocument, statusOf } from './status.js';

/* How the service answers: a JSON document, a refusal, a job's result. */

/** The content type of a workbook. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Answer a JSON document (`Connection: close` when asked; `Retry-After` with a 503). */
export function sendJson(res: ServerResponse, status: number, doc: unknown, close = false): void {
  const body = Buffer.from(`${JSON.stringify(doc, null, 2)}\n`);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
    ...(status === 503 ? { 'Retry-After': '1' } : {}),
  });
  res.end(body);
}

/**
 * Answer a refusal: its status and the JSON error with the command line's one line. A request
 * whose body was not read to its end is answered with `Connection: close`, so the rest of an
 * upload is never taken for the next request.
 */
export function sendError(res: ServerResponse, e: unknown, bodyRead: boolean): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const err = e instanceof CliError ? e : undefined;
  sendJson(res, err ? statusOf(err) : 500, errorDocument(e), !bodyRead);
}

/**
 * Answer a job's result: its refusal, its JSON report, or (fill) the filled workbook with its
 * report in headers, or both in a multipart/mixed body when the client accepts one.
 */
export function sendResult(
  res: ServerResponse,
  req: IncomingMessage,
  command: JobCommand,
  job: Job,
  result: JobResult,
): void {
  if (!result.ok) {
    sendError(res, new CliError(result.key, result.params), true);
    return;
  }
  if (command !== 'fill' || !result.xlsx) {
    const body = Buffer.from(result.json);
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Phuluc-Errors': String(result.errors),
    });
    res.end(body);
    return;
  }
  const name = filledName(job.args.file).replace(/[^\w.-]/g, '_');
  const xlsx = Buffer.from(result.xlsx.buffer, result.xlsx.byteOffset, result.xlsx.byteLength);
  if (/multipart\/mixed/i.test(req.headers.accept ?? '')) {
    const boundary = `phuluc-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Disposition: inline; name="report"\r\n\r\n${result.json}\r\n` +
          `--${boundary}\r\nContent-Type: ${XLSX}\r\nContent-Disposition: attachment; name="workbook"; filename="${name}"\r\n\r\n`,
      ),
      xlsx,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    res.writeHead(200, {
      'Content-Type': `multipart/mixed; boundary=${boundary}`,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(body);
    return;
  }
  res.writeHead(200, {
    'Content-Type': XLSX,
    'Content-Length': xlsx.length,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    ...fillReportHeaders(result.json),
  });
  res.end(xlsx);
}
