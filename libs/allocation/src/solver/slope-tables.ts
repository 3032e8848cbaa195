/**
 * Slope changes of one weight, keyed by the whole-watt numerator (lo or hi) of the breakpoint, with the
 * sums in a plain array. A fleet has a handful of distinct minimums and caps per weight, and scanning a
 * few numbers beats hashing them; past SCAN_LIMIT distinct numerators a Map finds them instead (small
 * integers, hashed without boxing, unlike the breakpoints lo/w themselves).
 */
const SCAN_LIMIT = 16;

export class SlopeTable {
  readonly numerators: number[] = [];
  readonly changes: number[] = [];
  private slot: Map<number, number> | undefined;

  constructor(readonly weight: number) {}

  add(numerator: number, change: number): void {
    const i = this.find(numerator);
    if (i >= 0) {
      this.changes[i] = (this.changes[i] ?? 0) + change;
      return;
    }
    this.slot?.set(numerator, this.numerators.length);
    this.numerators.push(numerator);
    this.changes.push(change);
    if (this.slot === undefined && this.numerators.length > SCAN_LIMIT) {
      this.slot = new Map(this.numerators.map((n, j) => [n, j]));
    }
  }

  changeAt(numerator: number): number {
    return this.changes[this.find(numerator)] ?? 0;
  }

  /** Slot of `numerator`, -1 when absent; equal as Map keys are (a NaN minimum finds the NaN slot). */
  private find(numerator: number): number {
    if (this.slot !== undefined) return this.slot.get(numerator) ?? -1;
    const numerators = this.numerators;
    if (numerator !== numerator) return numerators.findIndex((n) => n !== n);
    for (let i = 0; i < numerators.length; i++) if (numerators[i] === numerator) return i;
    return -1;
  }
}

/** One SlopeTable per weight; small weights (priorities) are found by index, others in a Map. */
export class SlopeTables {
  private readonly small: (SlopeTable | undefined)[] = [];
  private large: Map<number, SlopeTable> | undefined;
  private readonly list: SlopeTable[] = [];

  of(weight: number): SlopeTable {
    let table = weight < 16 ? this.small[weight] : this.large?.get(weight);
    if (table === undefined) {
      table = new SlopeTable(weight);
      if (weight < 16) this.small[weight] = table;
      else (this.large ??= new Map()).set(weight, table);
      this.list.push(table);
    }
    return table;
  }

  all(): readonly SlopeTable[] {
    return this.list;
  }
}
