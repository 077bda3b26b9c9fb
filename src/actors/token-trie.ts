/**
 * A trie keyed by whole tokens, for multi-word lexicon entries (`Security Council`, `prime minister`).
 * Matching walks at most as many tokens as the longest entry from each start, so a pass over a document
 * is linear in its tokens.
 *
 * Keys are lower-cased tokens (`tokenKey`). `child` finds a token's node without lower-casing it: each
 * node's keys are also kept in a small hash table keyed by four of their characters (`KeyTable`), which
 * turns most tokens away after four character reads and finds the others by comparing characters.
 */

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  values: T[] | null;
  /** `next` as a `KeyTable`, built on the first `child` lookup (null until then). */
  table: KeyTable<T> | null;
}

/** The key of one token: lower-cased, typographic apostrophes made plain. */
export function tokenKey(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

export interface TrieMatch<T> {
  /** Number of tokens matched. */
  length: number;
  values: T[];
}

/**
 * A node's keys chained by `keyHash`: `head[h & mask]` is the first slot of a bucket (0 for none),
 * `next` links the slots, `keys` and `nodes` hold each slot's key and node. Keys whose hash is -1 are
 * left to the node's map, as are the tokens whose hash is -1.
 */
interface KeyTable<T> {
  mask: number;
  /** One bit per bucket, set when it holds a key: an eighth of `head`'s size, so it stays in cache. */
  used: Uint32Array;
  head: Uint16Array;
  next: Uint16Array;
  keys: string[];
  nodes: TrieNode<T>[];
  /**
   * False when some key holds U+0307, the only character lower-casing adds (`İ` becomes `i̇`): a token
   * could then match a key of another length, which the table does not look for.
   */
  usable: boolean;
}

/**
 * A hash of the first two and last two characters, ASCII letters folded to lower case, or -1 when one
 * of them is not ASCII. Lower-casing (and making `’` plain) changes no ASCII character and keeps every
 * character's place counted from either end unless it lengthens some character, which then is not
 * ASCII; so a token whose hash is not -1 hashes like its key.
 */
function keyHash(text: string): number {
  const n = text.length;
  if (n === 0) return -1;
  const a = text.charCodeAt(0);
  const b = n > 1 ? text.charCodeAt(1) : 0;
  const c = n > 1 ? text.charCodeAt(n - 2) : 0;
  const d = text.charCodeAt(n - 1);
  if ((a | b | c | d) >= 128) return -1;
  return (((a | 32) * 31 + (b | 32)) * 31 + (c | 32)) * 31 + (d | 32);
}

function buildTable<T>(next: Map<string, TrieNode<T>>): KeyTable<T> {
  // About one bucket in eight used: most tokens meet an empty bucket.
  let bits = 3;
  while (bits < 14 && 1 << bits < 8 * next.size) bits++;
  const t: KeyTable<T> = {
    mask: (1 << bits) - 1,
    used: new Uint32Array(Math.max(1, (1 << bits) >> 5)),
    head: new Uint16Array(1 << bits),
    next: new Uint16Array(next.size + 1),
    keys: [''],
    nodes: [],
    usable: true,
  };
  t.nodes.push(undefined as never); // slot 0 is no slot
  for (const [key, node] of next) {
    if (key.includes('\u0307')) t.usable = false;
    const h = keyHash(key);
    if (h < 0) continue;
    const slot = t.keys.length;
    t.keys.push(key);
    t.nodes.push(node);
    t.next[slot] = t.head[h & t.mask]!;
    t.head[h & t.mask] = slot;
    t.used[(h & t.mask) >> 5] |= 1 << (h & 31);
  }
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

export class TokenTrie<T> {
  /** The node before any token; `root.next` holds the first tokens of all entries. */
  readonly root: TrieNode<T> = { next: null, values: null, table: null };

  /** Adds `value` under the token sequence `words` (keys are normalised with `tokenKey`). */
  add(words: readonly string[], value: T): void {
    let node = this.root;
    for (const w of words) {
      node.next ??= new Map();
      const key = tokenKey(w);
      let child = node.next.get(key);
      if (!child) {
        node.next.set(key, (child = { next: null, values: null, table: null }));
        node.table = null;
      }
      node = child;
    }
    (node.values ??= []).push(value);
  }

  /** The node after `node` for a document token (`text` as written), if some entry goes on with it. */
  child(node: TrieNode<T>, text: string): TrieNode<T> | undefined {
    const next = node.next;
    if (!next) return undefined;
    const t = (node.table ??= buildTable(next));
    const h = t.usable ? keyHash(text) : -1;
    if (h < 0) return next.get(tokenKey(text));
    if ((t.used[(h & t.mask) >> 5]! & (1 << (h & 31))) === 0) return undefined;
    for (let slot = t.head[h & t.mask]!; slot !== 0; slot = t.next[slot]!) {
      const key = t.keys[slot]!;
      if (key.length !== text.length) continue;
      const same = sameLower(text, key);
      if (same > 0) return t.nodes[slot];
      if (same < 0) return next.get(tokenKey(text));
    }
    return undefined;
  }

  /**
   * The longest entry starting at `keys[start]` for which `accept` keeps at least one value.
   * `accept` sees each value with the token range it would cover, to check case or context.
   */
  longestAt(
    keys: readonly string[],
    start: number,
    end: number,
    accept: (value: T, start: number, end: number) => boolean,
  ): TrieMatch<T> | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: TrieMatch<T> | null = null;
    for (let i = start; i < end && node?.next; i++) {
      node = node.next.get(keys[i]!);
      if (!node) break;
      if (node.values) {
        const all = node.values;
        // Most nodes hold one value: avoid building a new array unless some value is refused.
        const values = all.every((v) => accept(v, start, i + 1))
          ? all
          : all.filter((v) => accept(v, start, i + 1));
        if (values.length) best = { length: i + 1 - start, values };
      }
    }
    return best;
  }
}
