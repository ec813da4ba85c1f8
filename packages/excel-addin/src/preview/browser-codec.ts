/**
 * Raw inflate and deflate for the surgical writer in the browser (fflate: synchronous, no
 * Node-only API). The file was already opened with `readWorkbook`, whose zip checks counted every
 * part's real inflated size against the limits, so a part is inflated whole here and refused when
 * it is longer than it declares.
 */
import { deflateSync, inflateSync } from 'fflate';
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
};
