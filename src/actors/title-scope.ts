/**
 * Where a title places a person whose country nothing else states (`data/actors/title-scope.tsv`), and
 * the country of an article's dateline city (`WASHINGTON, Feb. 23 (Reuters) -` is USA).
 */
import { readDataRows } from '../data.js';
import type { Token } from '../doc.js';

/** A title used by a few countries only, or an office over a country's internal affairs. */
export type TitleScope = { countries: readonly string[] } | 'domestic';

interface Scopes {
  /** Scope by title words, lower-case and space-joined. */
  byWords: Map<string, TitleScope>;
  /** Longest title in words. */
  longest: number;
  /** Capitals' and dateline cities' country by name, lower-case (datelines are often upper-case). */
  cities: Map<string, string>;
}

let loaded: Scopes | undefined;

function scopes(): Scopes {
  if (loaded) return loaded;
  const byWords = new Map<string, TitleScope>();
  let longest = 1;
  for (const [words, scope] of readDataRows('actors/title-scope.tsv')) {
    const key = words!.toLowerCase();
    byWords.set(key, scope === 'domestic' ? 'domestic' : { countries: scope!.split(';') });
    longest = Math.max(longest, key.split(' ').length);
  }
  const cities = new Map<string, string>();
  for (const [name, a3, kind] of readDataRows('actors/capitals.tsv'))
    if (kind === 'capital') cities.set(name!.toLowerCase(), a3!);
  for (const [name, a3] of readDataRows('actors/dateline-cities.tsv')) cities.set(name!.toLowerCase(), a3!);
  loaded = { byWords, longest, cities };
  return loaded;
}

/**
 * The scope of the longest listed title among `words` (a person's context, lower-case, in text order),
 * or null: `chancellor of the exchequer` wins over `chancellor`, and a country-specific title over a
 * domestic office word inside it.
 */
export function titleScope(words: readonly string[]): { scope: TitleScope; title: string } | null {
  const { byWords, longest } = scopes();
  for (let n = Math.min(longest, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const key = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
      const scope = byWords.get(key);
      if (scope) return { scope, title: key };
    }
  }
  return null;
}

/** Whether a word is upper-case as a dateline city's are (`/^[A-Z][A-Z'.-]*$/`), by character codes. */
function isDatelineWord(t: string): boolean {
  const c = t.charCodeAt(0);
  if (!(c >= 65 && c <= 90)) return false;
  for (let k = 1; k < t.length; k++) {
    const d = t.charCodeAt(k);
    if (!((d >= 65 && d <= 90) || d === 39 || d === 46 || d === 45)) return false;
  }
  return true;
}

/*
 * The punctuation around a dateline's city is looked up in sets, not compared by `===` with literals:
 * token texts are strings of several kinds (one-char texts internalized, longer ones slices), and a
 * compare optimized after meeting one kind (or a test never reached yet) sends ActorResolver, where this
 * is inlined, back to the interpreter, and to another compile, thousands of articles in. A set's look-up
 * takes any string.
 */

/** Where a dateline's city ends. */
const DATELINE_ENDS = new Set([',', '(', '-', '--', '—']);

/** What follows a dateline's city. */
const AFTER_DATELINE = new Set([',', '(']);

/**
 * The country of the dateline city that opens an article: an upper-case city (`WASHINGTON`, `ADDIS
 * ABABA`) before a comma or `(`, at the very start of the text; null when there is none or the city is
 * neither in `capitals.tsv` nor in `dateline-cities.tsv`.
 */
export function datelineCountry(tokens: readonly Token[]): string | null {
  const words: string[] = [];
  for (let k = 0; k < tokens.length && k < 4; k++) {
    const t = tokens[k]!.text;
    if (DATELINE_ENDS.has(t)) break;
    if (!isDatelineWord(t)) return null;
    words.push(t.toLowerCase());
  }
  const next = words.length < tokens.length ? tokens[words.length]!.text : '';
  if (!words.length || !AFTER_DATELINE.has(next)) return null;
  return scopes().cities.get(words.join(' ')) ?? null;
}
