/** 0-based column index of column letters: `A` → 0, `AA` → 26. */
export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters of a 0-based column index: 0 → `A`, 26 → `AA`. */
export function colToLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** A1 address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

/** 0-based row and column of an A1 address (`$` allowed); `undefined` when it is not one. */
export function decodeA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

/** 0-based inclusive range of `A1:C2` (or a single `A1`); `undefined` when it is not one. */
export function decodeRange(
  range: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const [from, to = from] = range.split(':');
  const a = from === undefined ? undefined : decodeA1(from);
  const b = to === undefined ? undefined : decodeA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
