/**
 * Raw inflate and deflate for the surgical writer in the browser (fflate: synchronous, no
 * Node-only API). The file was already opened with `readWorkbook`, whose zip checks counted every
 * part's real inflated size against the limits, so a part is inflated whole here and refused when
 * it is longer than it declares.
 */
import { Deflate, deflateSync, inflateSync } from 'fflate';
import type { ZipCodec } from '@phuluc/xlsx';

/**
 * fflate's raw inflate and deflate, as the surgical writer takes them. Level 3, not the CLI's 4:
 * fflate's level 4 is slower than its 3 for 1 % less (docs/performance.md, eighth round).
 */
export const browserCodec: ZipCodec = {
  inflateRaw(data, max) {
    const out = inflateSync(data);
    if (out.length > max) throw new RangeError('part longer than declared');
    return out;
  },
  deflateRaw: (data) => deflateSync(data, { level: 3 }),
  // One fflate stream per part, fed a piece at a time (it copies each piece into its own window):
  // a large sheet is never whole in memory on its way out.
  deflateRawPieces: () => {
    const out: Uint8Array[] = [];
    const stream = new Deflate({ level: 3 }, (chunk) => out.push(chunk));
    return (data, last) => {
      stream.push(data, last);
      const chunks = out.splice(0);
      if (chunks.length === 1) return chunks[0]!;
      const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        joined.set(c, at);
        at += c.length;
      }
      return joined;
    };
  },
};
