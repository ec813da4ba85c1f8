import { R1C1Template, toR1C1 } from './refs.js';

/**
 * Formulas numbered by their relative R1C1 form as they come: formulas with the same number have
 * the same form ({@link toR1C1}), and numbers go in order of first appearance.
 *
 * The formulas of a column mostly share one form, and then mostly differ only in their row
 * numbers (those of a row, in their column letters). So each is first compared, by its text, with the last formula whose form was worked
 * out (an {@link R1C1Template}), which builds no string; only a formula that does not match is
 * turned into its R1C1 form and looked up.
 */
export class R1C1Patterns {
  /**
   * The number of each formula added, in order: `numbers[0, length)` — none while every formula
   * so far has number 0, as in a column whose formulas all share one form.
   */
  private numbers: Int32Array | undefined;
  /** How many formulas have each number. */
  private readonly counts: number[] = [];
  /** Numbers by R1C1 form: made when a formula first fails to match the template. */
  private byForm: Map<string, number> | undefined;
  private template: R1C1Template | null = null;
  /** The first formula while its R1C1 form is not yet in {@link byForm} (every one so far matched it). */
  private unnamed: { formula: string; row: number; col: number } | undefined;
  private templateNumber = -1;
  /** How many formulas were added. */
  length = 0;

  /** Numbers for up to `capacity` formulas. */
  constructor(private readonly capacity: number) {}

  /**
   * Number the formula of the cell at `row`, `col` (0-based). Returns true when it is the text of
   * the last formula whose form was worked out but for row numbers (see {@link R1C1Template}).
   */
  add(formula: string, row: number, col: number): boolean {
    const same = this.template?.matches(formula, row, col) === true;
    if (!same) {
      let n: number | undefined;
      if (this.counts.length === 0 && (this.template = R1C1Template.of(formula, row, col))) {
        // The first formula: its form is worked out only if a later one does not match it.
        n = 0;
        this.counts.push(0);
        this.unnamed = { formula, row, col };
      } else {
        this.byForm ??= new Map();
        if (this.unnamed) {
          this.byForm.set(toR1C1(this.unnamed.formula, this.unnamed.row, this.unnamed.col), 0);
          this.unnamed = undefined;
        }
        const form = toR1C1(formula, row, col);
        n = this.byForm.get(form);
        if (n === undefined) {
          n = this.counts.length;
          this.byForm.set(form, n);
          this.counts.push(0);
        }
        this.template = R1C1Template.of(formula, row, col);
      }
      this.templateNumber = n;
      // The first formula of another form: the ones before it all had number 0.
      if (n !== 0) this.numbers ??= new Int32Array(this.capacity);
    }
    if (this.numbers) this.numbers[this.length] = this.templateNumber;
    this.length++;
    this.counts[this.templateNumber] = (this.counts[this.templateNumber] as number) + 1;
    return same;
  }

  /** The number of the k-th formula added. */
  numberOf(k: number): number {
    return this.numbers ? (this.numbers[k] as number) : 0;
  }

  /** How many formulas have number `n`. */
  count(n: number): number {
    return this.counts[n] ?? 0;
  }

  /** The number most formulas share (the first of the most frequent); -1 before any formula. */
  commonest(): number {
    let best = -1;
    for (let n = 0; n < this.counts.length; n++)
      if (best < 0 || (this.counts[n] as number) > (this.counts[best] as number)) best = n;
    return best;
  }

  /** The first formula with number `n` (its index in the order added), or -1. */
  first(n: number): number {
    if (!this.numbers) return n === 0 && this.length > 0 ? 0 : -1;
    return this.numbers.subarray(0, this.length).indexOf(n);
  }
}
