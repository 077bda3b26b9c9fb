/**
 * A trie keyed by whole tokens, for multi-word lexicon entries (`Security Council`, `prime minister`).
 * Matching walks at most as many tokens as the longest entry from each start, so a pass over a document
 * is linear in its tokens.
 */

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  values: T[] | null;
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

export class TokenTrie<T> {
  /** The node before any token; `root.next` holds the first tokens of all entries. */
  readonly root: TrieNode<T> = { next: null, values: null };

  /** Adds `value` under the token sequence `words` (keys are normalised with `tokenKey`). */
  add(words: readonly string[], value: T): void {
    let node = this.root;
    for (const w of words) {
      node.next ??= new Map();
      const key = tokenKey(w);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: null, values: null }));
      node = child;
    }
    (node.values ??= []).push(value);
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
