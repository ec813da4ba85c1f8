/** CRC-32 (IEEE 802.3, the zip format's checksum), table-driven; no Node-only API. */

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * The CRC-32 of `data`, as the zip format stores it (an unsigned 32-bit integer), continued from
 * `previous` (the CRC-32 of the bytes before `data`), as Node's `zlib.crc32`.
 *
 * @example
 * crc32(new TextEncoder().encode('123456789')); // 0xcbf43926
 * crc32(new TextEncoder().encode('6789'), crc32(new TextEncoder().encode('12345'))); // the same
 */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
