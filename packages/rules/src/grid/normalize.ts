/**
 * Remove Vietnamese diacritics, including đ/Đ → d/D, from NFC or NFD text.
 *
 * @example
 * stripDiacritics('Ngân sách địa phương'); // 'Ngan sach dia phuong'
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * Normalise Vietnamese text for matching: NFC/NFD folded, diacritics removed (đ→d),
 * lower case, punctuation turned to spaces, runs of white space (incl. line breaks and
 * non-breaking spaces) collapsed, trimmed. Keeps `%`, `=` and `+` which headers use.
 *
 * @example
 * normalizeText('  Ngân sách\nTrung ương (NSTW) '); // 'ngan sach trung uong nstw'
 */
export function normalizeText(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%=+]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Similarity of two normalised strings, 0–1, from their character bigrams (Dice coefficient).
 * Survives OCR damage: "ngan sach trung wong" is close to "ngan sach trung uong".
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
