/**
 * One pass of the gazetteer trie over a document's tokens: the longest entry at each position, within a
 * sentence; hyphenated words (`Sino-Russian`, `China-Russia`) are also looked up part by part.
 *
 * Most tokens start no entry. The entries' first words are kept in a small hash table keyed by a few
 * of their characters (`startTable`), which turns most tokens away after four character reads and finds
 * the others by comparing characters, without lower-casing the token or hashing all of it.
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

const TABLE_BITS = 14;

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
  return ((((a | 32) * 31 + (b | 32)) * 31 + (c | 32)) * 31 + (d | 32)) & ((1 << TABLE_BITS) - 1);
}

/**
 * The trie's first words (its root's keys) chained by `startHash`: `head[h]` is the first slot of
 * bucket h (0 for none), `next` links the slots, `keys` and `nodes` hold each slot's word and node.
 */
interface StartTable {
  gaz: Gazetteer;
  head: Uint16Array;
  next: Uint16Array;
  keys: string[];
  nodes: TrieNode<GazEntry>[];
  /**
   * False when some first word holds U+0307, the only character lower-casing adds (`İ` becomes `i̇`):
   * a token could then match a key of another length, which the table does not look for.
   */
  usable: boolean;
}

let table: StartTable | undefined;

function startTable(gaz: Gazetteer): StartTable {
  if (table?.gaz === gaz) return table;
  const root = gaz.trie.root.next ?? new Map<string, TrieNode<GazEntry>>();
  const t: StartTable = {
    gaz,
    head: new Uint16Array(1 << TABLE_BITS),
    next: new Uint16Array(root.size + 1),
    keys: [''],
    nodes: [gaz.trie.root],
    usable: true,
  };
  for (const [key, node] of root) {
    if (key.includes('\u0307')) t.usable = false;
    const h = startHash(key);
    if (h < 0) continue; // found through the trie's own map, as such tokens hash to -1 as well
    const slot = t.keys.length;
    t.keys.push(key);
    t.nodes.push(node);
    t.next[slot] = t.head[h]!;
    t.head[h] = slot;
  }
  table = t;
  return t;
}

/**
 * Compares a token with a lower-case key of the same length: 1 when the token lower-cased is the key,
 * 0 when it is not, -1 when a character that is not ASCII comes before any difference (lower-casing it
 * is left to `tokenKey`).
 */
function sameLower(text: string, key: string): number {
  for (let k = 0; k < text.length; k++) {
    let c = text.charCodeAt(k);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== key.charCodeAt(k)) return 0;
  }
  return 1;
}

/** The trie node of the first word `text`, if an entry starts with it. */
function firstNode(t: StartTable, text: string): TrieNode<GazEntry> | undefined {
  const h = t.usable ? startHash(text) : -1;
  if (h < 0) return t.gaz.trie.root.next?.get(tokenKey(text));
  for (let slot = t.head[h]!; slot !== 0; slot = t.next[slot]!) {
    const key = t.keys[slot]!;
    if (key.length !== text.length) continue;
    const same = sameLower(text, key);
    if (same > 0) return t.nodes[slot];
    if (same < 0) return t.gaz.trie.root.next?.get(tokenKey(text));
  }
  return undefined;
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
  const starts = startTable(gaz);
  const byToken = (into ? into.subarray(0, tokens.length) : new Int32Array(tokens.length)).fill(-1);
  const hits: GazHit[] = [];
  for (const s of doc.sentences ?? []) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const t = tokens[i]!;
      let node = firstNode(starts, t.text);
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
