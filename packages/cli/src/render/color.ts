/** ANSI styles, or identity functions when colour is off. */
export interface Palette {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly green: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** A palette: ANSI colours when `on`, plain text otherwise. */
export function palette(on: boolean): Palette {
  if (!on) {
    const id = (s: string) => s;
    return { red: id, yellow: id, cyan: id, green: id, bold: id, dim: id };
  }
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    bold: wrap(1, 22),
    dim: wrap(2, 22),
  };
}
