/**
 * One pass of the gazetteer trie over a document's tokens: the longest entry at each position, within a
 * sentence; hyphenated words (`Sino-Russian`, `China-Russia`) are also looked up part by part.
 *
 * Most tokens start no entry, so a filter of the entries' first words (a bit per hash of a few
 * characters, `startFilter`) turns them away without lower-casing or hashing the whole token; only the
 * rest are looked up in the trie.
 */
import type { Doc, Token } from '../doc.js';
import { gazetteer, type GazEntry, type Gazetteer } from './gazetteer.js';
import { tokenKey, type TrieNode } from './token-trie.js';

export interface GazHit {
  /** Token range `[tokenStart, tokenEnd)`; a part of a hyphenated word has the range of its token. */
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  entries: GazEntry[];
  /** True for a part of a hyphenated token. */
  part: boolean;
}

export interface GazHits {
  hits: GazHit[];
  /** For each token, the index of the whole-token hit covering it, or -1. */
  byToken: Int32Array;
}

const PART_KINDS = new Set(['country', 'demonym', 'capital', 'igo', 'region']);

const FILTER_BITS = 1 << 16;
let filterOf: Gazetteer | undefined;
let filter: Uint8Array | undefined;

/**
 * A hash of the first two and last two characters, ASCII letters folded to lower case, or -1 when one
 * of them is not ASCII. Lower-casing (and making `’` plain) changes no ASCII character and keeps every
 * character's place counted from either end unless it lengthens some character, which then is not
 * ASCII; so a token whose hash is not -1 hashes like its key.
 */
function startHash(text: string): number {
  const n = text.length;
  if (n === 0) return -1;
  const a = text.charCodeAt(0);
  const b = n > 1 ? text.charCodeAt(1) : 0;
  const c = n > 1 ? text.charCodeAt(n - 2) : 0;
  const d = text.charCodeAt(n - 1);
  if ((a | b | c | d) >= 128) return -1;
  return ((((a | 32) * 31 + (b | 32)) * 31 + (c | 32)) * 31 + (d | 32)) & (FILTER_BITS - 1);
}

/** The bits of the first words of all entries (keys at the trie's root). */
function startFilter(gaz: Gazetteer): Uint8Array {
  if (filter && filterOf === gaz) return filter;
  filter = new Uint8Array(FILTER_BITS);
  for (const key of gaz.trie.root.next?.keys() ?? []) {
    const h = startHash(key);
    if (h >= 0) filter[h] = 1;
  }
  filterOf = gaz;
  return filter;
}

/** A token's text as entries spell it: typographic apostrophes made plain. */
function plain(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

/**
 * Whether entry `e` matches the tokens from `start` on, which the trie has matched by key (`wordMatches`
 * for each word: words with capitals must equal the token, lower-case words match any case).
 */
function accepts(e: GazEntry, tokens: readonly Token[], start: number): boolean {
  if (!e.whole) return false;
  const cased = e.cased;
  for (let q = 0; q < cased.length; q++) {
    const k = cased[q]!;
    if (plain(tokens[start + k]!.text) !== e.words[k]) return false;
  }
  return true;
}

/** The entries of trie node `node` matching tokens `[start, ...)`: its own array when all do, else a new one. */
function accepted(node: TrieNode<GazEntry>, tokens: readonly Token[], start: number): GazEntry[] | null {
  const all = node.values!;
  let k = 0;
  while (k < all.length && accepts(all[k]!, tokens, start)) k++;
  if (k === all.length) return all;
  const some = all.slice(0, k);
  for (k++; k < all.length; k++) if (accepts(all[k]!, tokens, start)) some.push(all[k]!);
  return some.length ? some : null;
}

/**
 * The gazetteer hits of a document. `byToken` may be passed in (at least one slot per token) to spare
 * allocating it per document; the hits use its first `tokens.length` slots.
 */
export function matchGazetteer(doc: Doc, into?: Int32Array): GazHits {
  const tokens = doc.tokens ?? [];
  const gaz = gazetteer();
  const root = gaz.trie.root.next;
  const starts = startFilter(gaz);
  const byToken = (into ? into.subarray(0, tokens.length) : new Int32Array(tokens.length)).fill(-1);
  const hits: GazHit[] = [];
  for (const s of doc.sentences ?? []) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const t = tokens[i]!;
      const h = startHash(t.text);
      let node = h < 0 || starts[h] ? root?.get(tokenKey(t.text)) : undefined;
      // The longest entry from token i: walk the trie token by token, keeping the last accepted node.
      let bestEnd = -1;
      let best: GazEntry[] | null = null;
      for (let k = i; node;) {
        k++;
        if (node.values) {
          const values = accepted(node, tokens, i);
          if (values) {
            best = values;
            bestEnd = k;
          }
        }
        if (k >= s.tokenEnd || !node.next) break;
        node = node.next.get(tokenKey(tokens[k]!.text));
      }
      if (best) {
        for (let k = i; k < bestEnd; k++) byToken[k] = hits.length;
        hits.push({
          tokenStart: i,
          tokenEnd: bestEnd,
          start: t.start,
          end: tokens[bestEnd - 1]!.end,
          entries: best,
          part: false,
        });
        i = bestEnd;
        continue;
      }
      if (t.text.includes('-')) {
        let offset = t.start;
        const parts = t.text.split('-');
        parts.forEach((part, p) => {
          const entries = (gaz.single.get(part) ?? []).filter(
            (e) => PART_KINDS.has(e.kind) && (e.kind !== 'demonym' || !e.prefix || p < parts.length - 1),
          );
          if (entries.length)
            hits.push({
              tokenStart: i,
              tokenEnd: i + 1,
              start: offset,
              end: offset + part.length,
              entries,
              part: true,
            });
          offset += part.length + 1;
        });
      }
      i++;
    }
  }
  return { hits, byToken };
}

/** The entry of the given kind among a hit's entries. */
export function entryOf<K extends GazEntry['kind']>(
  hit: GazHit | undefined,
  kind: K,
): Extract<GazEntry, { kind: K }> | undefined {
  return hit?.entries.find((e) => e.kind === kind) as Extract<GazEntry, { kind: K }> | undefined;
}
