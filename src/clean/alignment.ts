/**
 * Offset alignment between a cleaned text and the raw text it was made from.
 *
 * Cleaning runs as passes; each pass replaces some `[start, end)` ranges of its input with new strings.
 * A `Step` remembers one pass's edits; an `Alignment` is the chain of steps from raw to clean, so an
 * offset in the cleaned text maps back to the raw text by walking the chain backwards.
 */

export interface Edit {
  /** Range in the pass's input. */
  inStart: number;
  inEnd: number;
  /** Range in the pass's output. */
  outStart: number;
  outEnd: number;
}

export type Side = 'start' | 'end';

/** One cleaning pass: its edits, sorted and non-overlapping. */
export class Step {
  constructor(readonly edits: readonly Edit[]) {}

  /** Maps an output offset of this pass to an input offset. */
  back(offset: number, side: Side): number {
    const edits = this.edits;
    // Last edit whose outStart is <= offset ('start') or < offset ('end').
    let lo = 0;
    let hi = edits.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = edits[mid].outStart;
      if (side === 'start' ? s <= offset : s < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const e = edits[found];
    if (side === 'start' ? offset < e.outEnd : offset <= e.outEnd)
      return side === 'start' ? e.inStart : e.inEnd;
    return e.inEnd + (offset - e.outEnd);
  }
}

export class Alignment {
  constructor(readonly steps: readonly Step[] = []) {}

  /** Maps an offset in the cleaned text to the raw text. */
  toRaw(offset: number, side: Side): number {
    let o = offset;
    for (let i = this.steps.length - 1; i >= 0; i--) o = this.steps[i].back(o, side);
    return o;
  }

  then(step: Step): Alignment {
    return step.edits.length === 0 ? this : new Alignment([...this.steps, step]);
  }

  get identity(): boolean {
    return this.steps.length === 0;
  }
}

export interface Replacement {
  start: number;
  end: number;
  replacement: string;
}

/** Applies sorted, non-overlapping replacements to `text`; returns the new text and the step. */
export function applyReplacements(
  text: string,
  replacements: readonly Replacement[],
): { text: string; step: Step } {
  const parts: string[] = [];
  const edits: Edit[] = [];
  let last = 0;
  let outLen = 0;
  for (const r of replacements) {
    parts.push(text.slice(last, r.start));
    outLen += r.start - last;
    parts.push(r.replacement);
    edits.push({ inStart: r.start, inEnd: r.end, outStart: outLen, outEnd: outLen + r.replacement.length });
    outLen += r.replacement.length;
    last = r.end;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), step: new Step(edits) };
}
