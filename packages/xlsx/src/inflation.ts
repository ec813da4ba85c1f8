/**
 * The zip checks that inflate: a part's actual size against what it declares (a zip can lie).
 * Kept apart from limits.ts because they need JSZip, which the fast reader does not load (it
 * inflates with a cap of its own).
 */
import JSZip from 'jszip';
import { XlsxError } from './errors.js';
import {
  checkZipDirectory,
  corrupt,
  DEFLATE_MAX_RATIO,
  LIMITS,
  mb,
  type ZipEntryInfo,
} from './limits.js';

interface StreamHelper {
  on(event: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  on(event: 'error', cb: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** Inflate one part, counting bytes; stop as soon as it passes `cap`. Resolves to the count. */
function inflateCounting(file: JSZip.JSZipObject, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    let done = false;
    const stream = (
      file as unknown as { internalStream(type: 'uint8array'): StreamHelper }
    ).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (done) return;
        n += chunk.length;
        if (n > cap) {
          done = true;
          stream.pause();
          resolve(n);
        }
      })
      .on('error', (e) => {
        if (done) return;
        done = true;
        reject(e);
      })
      .on('end', () => {
        if (done) return;
        done = true;
        resolve(n);
      })
      .resume();
  });
}

/**
 * Inflate, with a byte counter, every part that could inflate beyond what it declares, and
 * refuse the file when one does or when the total passes {@link LIMITS.maxUncompressedBytes}.
 * Parts whose worst case (deflate's maximal expansion) fits their declaration are not inflated.
 */
export async function checkInflation(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
): Promise<void> {
  const worst = entries.reduce(
    (n, e) => n + (e.method === 0 ? e.compressedSize : e.compressedSize * DEFLATE_MAX_RATIO),
    0,
  );
  // Nothing in this file can inflate past the limit: no need to look.
  if (worst <= LIMITS.maxUncompressedBytes) return;
  const risky = entries.filter(
    (e) => e.method === 8 && e.compressedSize * DEFLATE_MAX_RATIO > e.uncompressedSize,
  );
  if (risky.length === 0) return;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw corrupt(e instanceof Error ? e.message : String(e));
  }
  let total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  for (const e of risky) {
    const file = zip.file(e.name);
    if (!file) continue;
    let actual: number;
    try {
      actual = await inflateCounting(file, e.uncompressedSize);
    } catch (err) {
      throw corrupt(err instanceof Error ? err.message : String(err));
    }
    if (actual > e.uncompressedSize) {
      throw new XlsxError(
        'zip-bomb',
        `${e.name} inflates beyond its declared ${e.uncompressedSize} bytes`,
        {
          ratio: `> ${Math.round(actual / Math.max(1, e.compressedSize))}:1`,
          limit: `${LIMITS.maxCompressionRatio}:1`,
        },
      );
    }
    total += actual - e.uncompressedSize;
  }
  if (total > LIMITS.maxUncompressedBytes) {
    throw new XlsxError('too-large', `${total} bytes uncompressed`, {
      size: mb(total),
      limit: mb(LIMITS.maxUncompressedBytes),
    });
  }
}

/**
 * The zip checks of {@link readWorkbook}: the directory, then the actual inflation.
 *
 * @example
 * await checkZip(bytes); // throws XlsxError 'too-large' or 'zip-bomb'
 */
export async function checkZip(bytes: Uint8Array): Promise<void> {
  const entries = checkZipDirectory(bytes);
  await checkInflation(bytes, entries);
}
