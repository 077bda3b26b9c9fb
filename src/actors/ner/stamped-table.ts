/**
 * A small map from 32-bit word hashes to a few bits of value, for facts about one document at a time:
 * an open-addressing table of (hash, stamp and value) pairs, emptied for each document by moving the
 * stamp on (no clearing), and sized to the document, so a small document touches little memory. The
 * names stage keeps two: the casing evidence of each word and the type each name was last tagged as.
 * (A map keyed by 32-bit hashes, most of them past the small-integer range, is several times slower.)
 */
export class StampedTable {
  private slots: Int32Array;
  private mask: number;
  private stamp = 0;
  /** Below the stamp in each slot's second entry: the value. */
  private readonly valueMask: number;
  /** Stamps stay below this, so that stamp and value fit in 31 bits. */
  private readonly maxStamp: number;

  constructor(
    /** Bits of a value (values are from 0 to 2^bits - 1; 0 is also what a missing hash gives). */
    private readonly valueBits: number,
    initialSize = 256,
  ) {
    this.slots = new Int32Array(2 * initialSize);
    this.mask = initialSize - 1;
    this.valueMask = (1 << valueBits) - 1;
    this.maxStamp = 1 << (31 - valueBits);
  }

  /** Empties the table for a document of `n` tokens. */
  reset(n: number): void {
    let size = 256;
    while (size < 2 * n) size *= 2;
    if (2 * size > this.slots.length) this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    if (++this.stamp >= this.maxStamp) {
      this.slots.fill(0);
      this.stamp = 1;
    }
  }

  /** The slot of `hash`: where it is, or the free slot where it would go. */
  private slotOf(hash: number): number {
    const { slots, mask } = this;
    const live = this.stamp << this.valueBits;
    const keep = ~this.valueMask;
    let s = (hash ^ (hash >>> 15)) & mask;
    while ((slots[2 * s + 1] & keep) === live && slots[2 * s] !== (hash | 0)) s = (s + 1) & mask;
    return s;
  }

  /** The value at slot `s` (from `slotOf`): 0 if the slot is free. */
  private valueAt(s: number): number {
    const entry = this.slots[2 * s + 1];
    return (entry & ~this.valueMask) === this.stamp << this.valueBits ? entry & this.valueMask : 0;
  }

  /** The value of `hash` in this document, 0 if none. */
  get(hash: number): number {
    return this.valueAt(this.slotOf(hash));
  }

  /** Sets the value of `hash`. */
  set(hash: number, value: number): void {
    const s = this.slotOf(hash);
    this.slots[2 * s] = hash;
    this.slots[2 * s + 1] = (this.stamp << this.valueBits) | value;
  }

  /** Adds `bits` to the value of `hash`. */
  or(hash: number, bits: number): void {
    const s = this.slotOf(hash);
    const value = this.valueAt(s) | bits;
    this.slots[2 * s] = hash;
    this.slots[2 * s + 1] = (this.stamp << this.valueBits) | value;
  }
}
