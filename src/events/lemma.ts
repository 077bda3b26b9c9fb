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

const VOWEL = /[aeiou]/;

/**
 * Whether `candidates(w)` may be non-empty: every suffix it strips ends in `d`, `g` or `s` (`ied`, `ed`,
 * `ing`, `ies`, `es`, `s`), so a form ending otherwise has none.
 */
export function hasSuffixCandidates(w: string): boolean {
  const last = w.charCodeAt(w.length - 1);
  return last === 100 || last === 103 || last === 115;
}

/** Base-form candidates of a lower-case form, most likely first. */
export function candidates(w: string): string[] {
  const out: string[] = [];
  const n = w.length;
  if (n > 4 && w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  if (n > 4 && w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (n > 3 && w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    out.push(stem, stem + 'e');
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1));
  }
  if (n > 4 && w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    out.push(stem, stem + 'e');
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1));
  }
  if (n > 3 && w.endsWith('es')) out.push(w.slice(0, -2), w.slice(0, -1));
  else if (n > 2 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) out.push(w.slice(0, -1));
  return out.filter((c) => c.length > 1 && VOWEL.test(c));
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
    const lower = word.toLowerCase();
    const w = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    const irregular = irregulars().get(w);
    if (irregular !== undefined) return [irregular, irregular];
    const cands = candidates(w);
    const stripped = cands.find((c) => this.known.has(c));
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
