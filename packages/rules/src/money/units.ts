import { Decimal, toDecimal, type DecimalInput } from './decimal.js';

/** Money units used in plans: đồng, nghìn đồng, triệu đồng (the default), tỷ đồng. */
export type MoneyUnit = 'dong' | 'nghin' | 'trieu' | 'ty';

const DONG_PER_UNIT: Record<MoneyUnit, Decimal> = {
  dong: new Decimal(1),
  nghin: new Decimal(1_000),
  trieu: new Decimal(1_000_000),
  ty: new Decimal(1_000_000_000),
};

/**
 * Convert an amount between money units, exactly.
 *
 * @example
 * convertUnit('2444771300', 'dong', 'trieu').toString(); // '2444.7713'
 */
export function convertUnit(x: DecimalInput, from: MoneyUnit, to: MoneyUnit): Decimal {
  return toDecimal(x).times(DONG_PER_UNIT[from]).dividedBy(DONG_PER_UNIT[to]);
}

/** How many đồng one unit holds. */
export function dongPerUnit(unit: MoneyUnit): Decimal {
  return DONG_PER_UNIT[unit];
}
