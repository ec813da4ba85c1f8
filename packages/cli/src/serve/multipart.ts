import { CliError } from '../errors.js';

/** One part of a multipart/form-data body. */
export interface FormPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Uint8Array;
}

const MAX_PARTS = 8;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function bad(reason: string): CliError {
  return new CliError('cli.serve.multipart', { reason });
}

/** The boundary of a `multipart/form-data; boundary=…` content type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function header(headers: string, name: string): string | undefined {
  const line = headers.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(value);
  return m?.[1];
}

/**
 * The parts of a multipart/form-data body (RFC 7578), each with its `name`, `filename` and
 * content type. A body without its closing delimiter, a part without a name, or more than eight
 * parts is a `cli.serve.multipart` error.
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw bad('no boundary');
  const parts: FormPart[] = [];
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (!body.subarray(at, at + 2).equals(CRLF)) throw bad('malformed delimiter');
    at += 2;
    const headersEnd = body.indexOf(HEADER_END, at);
    if (headersEnd < 0) throw bad('truncated part headers');
    const headers = body.subarray(at, headersEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headersEnd + 4);
    if (next < 0) throw bad('no closing delimiter');
    const disposition = header(headers, 'content-disposition') ?? '';
    const name = param(disposition, 'name');
    if (!/^form-data/i.test(disposition) || name === undefined) throw bad('a part without a name');
    const filename = param(disposition, 'filename');
    const contentType = header(headers, 'content-type');
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(contentType !== undefined ? { contentType } : {}),
      data: body.subarray(headersEnd + 4, next),
    });
    if (parts.length > MAX_PARTS) throw bad(`more than ${MAX_PARTS} parts`);
    at = next + 2;
  }
}
