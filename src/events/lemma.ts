/**
 * A small lemmatizer for the event lexicon: verbs (`visited`, `visits`, `visiting` -> `visit`, `met` ->
 * `meet`) and plural nouns (`sanctions` -> `sanction`). Suffix stripping is ambiguous (`accused` ->
 * `accuse`, `visited` -> `visit`), so each form's candidates are checked against the words the lexicon
 * knows; unknown words get the most likely candidate. Results are cached per form, so a long text costs
 * one map lookup per token.
 */
import { readDataRows } from '../data.js';

let irregular: Map<string, string> | undefined;

function irregulars(): Map<string, string> {
  if (!irregular) {
    irregular = new Map();
    for (const [form, lemma] of readDataRows('events/irregular.tsv')) irregular.set(form!, lemma!);
  }
  return irregular;
}

/** `c` is a candidate worth keeping: two characters or more, with a vowel (`a`, `e`, `i`, `o`, `u`). */
function keep(c: string): boolean {
  if (c.length < 2) return false;
  for (let i = 0; i < c.length; i++) {
    const x = c.charCodeAt(i);
    if (x === 97 || x === 101 || x === 105 || x === 111 || x === 117) return true;
  }
  return false;
}

/** Appends `c` to `out` when worth keeping (see `keep`). */
function add(out: string[], c: string): void {
  if (keep(c)) out.push(c);
}

/**
 * Whether `candidates(w)` may be non-empty: every suffix it strips ends in `d`, `g` or `s` (`ied`, `ed`,
 * `ing`, `ies`, `es`, `s`), so a form ending otherwise has none.
 */
export function hasSuffixCandidates(w: string): boolean {
  const last = w.charCodeAt(w.length - 1);
  return last === 100 || last === 103 || last === 115;
}

/**
 * Base-form candidates of a lower-case form, most likely first. Each is kept only when worth it (see
 * `keep`), tested as it is made rather than by a filter and a pattern over the list afterwards.
 */
export function candidates(w: string): string[] {
  const out: string[] = [];
  const n = w.length;
  if (n > 4 && w.endsWith('ied')) add(out, w.slice(0, -3) + 'y');
  if (n > 4 && w.endsWith('ies')) add(out, w.slice(0, -3) + 'y');
  if (n > 3 && w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    add(out, stem);
    add(out, stem + 'e');
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) add(out, stem.slice(0, -1));
  }
  if (n > 4 && w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    add(out, stem);
    add(out, stem + 'e');
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) add(out, stem.slice(0, -1));
  }
  if (n > 3 && w.endsWith('es')) {
    add(out, w.slice(0, -2));
    add(out, w.slice(0, -1));
  } else if (n > 2 && w.charCodeAt(n - 1) === 115) {
    // Not after `s`, `u` or `i` (`ss`, `us`, `is`: `press`, `status`, `crisis`).
    const before = w.charCodeAt(n - 2);
    if (before !== 115 && before !== 117 && before !== 105) add(out, w.slice(0, -1));
  }
  return out;
}

/** Lemmatizes against a set of known base forms. */
export class Lemmatizer {
  private readonly cache = new Map<string, string>();
  private readonly verbCache = new Map<string, string>();

  constructor(private readonly known: ReadonlySet<string>) {}

  /**
   * `[lemma(word), lemma(word, true)]`, worked out together and not cached (for a caller that caches
   * them itself: the events stage's word table).
   */
  lemmas(word: string): [string, string] {
    return this.lemmasOfLower(word.toLowerCase());
  }

  /** `lemmas(word)` given `word.toLowerCase()` (a caller that has it already). */
  lemmasOfLower(lower: string): [string, string] {
    const w = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    const irregular = irregulars().get(w);
    if (irregular !== undefined) return [irregular, irregular];
    const cands = candidates(w);
    let stripped: string | undefined;
    for (const c of cands)
      if (this.known.has(c)) {
        stripped = c;
        break;
      }
    const own = this.known.has(w);
    if (own) return [w, stripped ?? w];
    const other = stripped ?? guess(w, cands);
    return [other, other];
  }

  /**
   * Every form `lemmas` may find in a table of its own (the irregular forms and the known base forms):
   * a lower-case form outside these, with no suffix to strip (`hasSuffixCandidates`), is its own lemma.
   */
  tableForms(): string[] {
    return [...irregulars().keys(), ...this.known];
  }

  /**
   * Whether every form made only of characters below `@` (digits, punctuation: `1990`, `2,000`, `...`)
   * is its own lemma, as a verb too: true unless such a form is listed as irregular (suffixes need
   * letters, so nothing else changes such a form).
   */
  symbolsAreOwnLemmas(): boolean {
    for (const form of irregulars().keys()) if (belowAt(form)) return false;
    return true;
  }

  /**
   * The base form of `word`. A verb (`verb` true: the token is tagged VB*) prefers a stripped known form
   * (`shelling` -> `shell`); other words keep a known form of their own (the noun `shelling`).
   */
  lemma(word: string, verb = false): string {
    const cache = verb ? this.verbCache : this.cache;
    let hit = cache.get(word);
    if (hit !== undefined) return hit;
    const w = word.toLowerCase().replace(/’/g, "'");
    hit = irregulars().get(w);
    if (hit === undefined) {
      const cands = candidates(w);
      const stripped = cands.find((c) => this.known.has(c));
      if (verb) hit = stripped ?? (this.known.has(w) ? w : guess(w, cands));
      else hit = this.known.has(w) ? w : (stripped ?? guess(w, cands));
    }
    if (cache.size < 16_384) cache.set(word, hit);
    return hit;
  }
}

/** For words the lexicon does not know: the plain stripped form, enough for matching never to fire. */
function guess(w: string, cands: string[]): string {
  if (cands.length === 0) return w;
  if (w.endsWith('s') && !w.endsWith('es')) return w.slice(0, -1);
  return cands[0]!;
}

/** Every character of `w` is below `@` (code 64). */
export function belowAt(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 64) return false;
  return true;
}
