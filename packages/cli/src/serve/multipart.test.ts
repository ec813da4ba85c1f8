import { describe, expect, it } from 'vitest';
import { isCliError } from '../errors.js';
import { boundaryOf, parseMultipart } from './multipart.js';

const body = (parts: string[], end = '--XyZ--\r\n') =>
  Buffer.from(`preamble\r\n${parts.map((p) => `--XyZ\r\n${p}\r\n`).join('')}${end}`, 'latin1');

describe('parseMultipart', () => {
  it('reads named parts with their file names and content types', () => {
    const parts = parseMultipart(
      body([
        'Content-Disposition: form-data; name="plan"; filename="kh.txt"\r\nContent-Type: text/plain\r\n\r\nline 1\r\nline 2',
        'Content-Disposition: form-data; name="annex"\r\n\r\n\u0000\u0001',
      ]),
      boundaryOf('multipart/form-data; boundary=XyZ')!,
    );
    expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ['plan', 'kh.txt', 'text/plain'],
      ['annex', undefined, undefined],
    ]);
    expect(Buffer.from(parts[0]!.data).toString()).toBe('line 1\r\nline 2');
    expect([...parts[1]!.data]).toEqual([0, 1]);
  });

  it('refuses a truncated body, a nameless part and a missing boundary', () => {
    const key = (f: () => unknown) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return isCliError(e) ? e.key : 'thrown';
      }
    };
    const part = 'Content-Disposition: form-data; name="plan"\r\n\r\nx';
    expect(key(() => parseMultipart(body([part]), 'XyZ'))).toBe('ok');
    expect(key(() => parseMultipart(body([part], '--XyZ'), 'XyZ'))).toBe('cli.serve.multipart');
    expect(key(() => parseMultipart(body([part]).subarray(0, 40), 'XyZ'))).toBe(
      'cli.serve.multipart',
    );
    expect(
      key(() => parseMultipart(body(['Content-Disposition: form-data\r\n\r\nx']), 'XyZ')),
    ).toBe('cli.serve.multipart');
    expect(key(() => parseMultipart(Buffer.from('nothing'), 'XyZ'))).toBe('cli.serve.multipart');
    expect(boundaryOf('multipart/form-data')).toBeUndefined();
  });
});
