/**
 * The speech-cue lexicon (data/quotes/cues.tsv), loaded once into a map keyed by the first word, so a
 * cue is found with one lookup per token.
 */
import { readDataRows } from '../data.js';
import type { Token } from '../doc.js';

export type CueUse = 'verb' | 'participle' | 'prep' | 'noun';

export interface CueEntry {
  /** The words of the cue, lower-case. */
  words: string[];
  lemma: string;
  use: CueUse;
  /** `trailing`: only a cue after its content (`"...?" he asked.`). */
  trailingOnly: boolean;
}

/** A cue found in the tokens: `[start, end)` token indexes. */
export interface CueMatch {
  entry: CueEntry;
  start: number;
  end: number;
}

export class CueLexicon {
  private readonly byFirst = new Map<string, CueEntry[]>();
  /**
   * For an ASCII character code, a bit per length (below 32) of the first words that start with it: a
   * word whose first character and length no first word has needs no map look-up (most words).
   */
  private readonly lengths = new Int32Array(128);
  /** The first character of some first word is outside ASCII or it has 32 characters or more. */
  private readonly unfiltered: boolean;

  constructor(entries: readonly CueEntry[]) {
    for (const e of entries) {
      const list = this.byFirst.get(e.words[0]) ?? [];
      list.push(e);
      // Longest first, so `pointed out` wins over a shorter entry on the same word.
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(e.words[0], list);
    }
    let unfiltered = false;
    for (const word of this.byFirst.keys()) {
      const c = word.charCodeAt(0);
      if (c < 128 && word.length < 32) this.lengths[c] |= 1 << word.length;
      else unfiltered = true;
    }
    this.unfiltered = unfiltered;
  }

  /** Could `word` (ASCII first character `c`) be a first word, going by its first character and length? */
  private mayBeFirst(c: number, word: string): boolean {
    return word.length < 32 && (this.lengths[c] & (1 << word.length)) !== 0;
  }

  /** The cue starting at token `i`, if any; `end` bounds the tokens it may span (the sentence end). */
  match(tokens: readonly Token[], i: number, end: number): CueMatch | null {
    // Most tokens are lower-case non-cues: look the text up as it is, lower-casing only capitalised words.
    const text = tokens[i].text;
    const c = text.charCodeAt(0);
    let list: CueEntry[] | undefined;
    if (this.unfiltered || !(c < 128)) {
      list =
        this.byFirst.get(text) ??
        ((c >= 65 && c <= 90) || c > 127 ? this.byFirst.get(lower(text)) : undefined);
    } else {
      // The same look-ups, skipped where the filter shows they would find nothing.
      if (this.mayBeFirst(c, text)) list = this.byFirst.get(text);
      // An ASCII word lower-cases to a word of the same length starting with `c + 32`.
      if (!list && c >= 65 && c <= 90 && (!isAscii(text) || this.mayBeFirst(c + 32, text)))
        list = this.byFirst.get(lower(text));
    }
    if (!list) return null;
    for (const entry of list) {
      const n = entry.words.length;
      if (i + n > end) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = lower(tokens[i + k].text) === entry.words[k];
      if (ok) return { entry, start: i, end: i + n };
    }
    return null;
  }
}

function lower(s: string): string {
  return s.toLowerCase();
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

export function parseCueRows(rows: readonly string[][]): CueEntry[] {
  return rows.map((r, line) => {
    const [form, lemma, use, where] = r;
    if (
      !form ||
      !lemma ||
      !['verb', 'participle', 'prep', 'noun'].includes(use) ||
      !['any', 'trailing'].includes(where)
    )
      throw new Error(`data/quotes/cues.tsv: malformed row ${line + 1}: ${r.join(' | ')}`);
    return { words: form.split(' '), lemma, use: use as CueUse, trailingOnly: where === 'trailing' };
  });
}

let shared: CueLexicon | undefined;

/** The default lexicon, read once. */
export function cueLexicon(): CueLexicon {
  shared ??= new CueLexicon(parseCueRows(readDataRows('quotes/cues.tsv')));
  return shared;
}
