/**
 * One pass of the gazetteer trie over a document's tokens: the longest entry at each position, within a
 * sentence; hyphenated words (`Sino-Russian`, `China-Russia`) are also looked up part by part.
 *
 * Most tokens start no entry; the trie's `child` lookup turns them away after a few character reads.
 */
import type { Doc, Token } from '../doc.js';
import { tokenTypes, TypeEpoch, TYPES_SAME, wordTypes } from '../text/word-types.js';
import { gazetteer, type GazEntry, type Gazetteer } from './gazetteer.js';
import type { TrieNode } from './token-trie.js';

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
/** A part of a hyphenated word that names a place or organisation: where it lies in the word, its entries. */
interface Part {
  offset: number;
  length: number;
  entries: GazEntry[];
}

/** The gazetteer `partForms` and `shortestPart` are for. */
let partsOfGaz: Gazetteer | undefined;
/**
 * The forms of `Gazetteer.single` with entries of `PART_KINDS`: those entries as a part of a hyphenated
 * word before its last part (`notLast`), and as its last part (`last`: no demonym prefix such as `Sino`).
 */
let partForms = new Map<string, { notLast: GazEntry[]; last: GazEntry[] }>();
/** The length of the shortest word that may be a part (`--` and `-` have no parts). */
let shortestPart = 0;
const NO_PARTS: readonly Part[] = [];

/**
 * The parts of a hyphenated word that are places or organisations (`Sino-`, `Russian`). Called once for a
 * word type in an epoch (see `typeInfo`), so kept nowhere else.
 */
function partsOf(gaz: Gazetteer, word: string): readonly Part[] {
  partsReady(gaz);
  // A part is shorter than the word by its hyphen at least.
  if (word.length - 1 < shortestPart) return NO_PARTS;
  let out: Part[] | null = null;
  for (let offset = 0; ;) {
    const dash = word.indexOf('-', offset);
    const end = dash < 0 ? word.length : dash;
    const forms = end - offset >= shortestPart ? partForms.get(word.slice(offset, end)) : undefined;
    const entries = forms === undefined ? null : dash < 0 ? forms.last : forms.notLast;
    if (entries !== null && entries.length > 0) (out ??= []).push({ offset, length: end - offset, entries });
    if (dash < 0) break;
    offset = dash + 1;
  }
  return out ?? NO_PARTS;
}

/** Makes `partForms` and `shortestPart` those of `gaz`. */
function partsReady(gaz: Gazetteer): void {
  if (partsOfGaz === gaz) return;
  partForms = new Map();
  shortestPart = Infinity;
  for (const [form, entries] of gaz.single) {
    const notLast = entries.filter((e) => PART_KINDS.has(e.kind));
    if (notLast.length === 0) continue;
    shortestPart = Math.min(shortestPart, form.length);
    partForms.set(form, { notLast, last: notLast.filter((e) => e.kind !== 'demonym' || !e.prefix) });
  }
  partsOfGaz = gaz;
}

/*
 * Per word type (the ids of `tokenTypes`, in one epoch of `wordTypes()`), what the pass needs to know of
 * a token's text before it looks further: whether it starts some entry (the trie's root has a child for
 * it) and whether it has parts (`partsOf`). Most tokens have neither: one byte read by their id turns
 * them away, with no token or text loaded.
 */

/** `typeBits`: the type has been looked at (0: not yet in this epoch). */
const T_SEEN = 1;
/** `typeBits`: the root of the trie has a child for the type's text. */
const T_STARTS = 2;
/** `typeBits`: the type's text has parts (`partsOf`). */
const T_PARTS = 4;
let typeBits = new Uint8Array(0);
/** What the pass needs of a type with `T_STARTS` or `T_PARTS`. */
interface TypeInfo {
  /** The trie root's child for the type's text, if it starts some entry. */
  node: TrieNode<GazEntry> | undefined;
  /**
   * `accepted(node, ...)` for a token of the text: the one-word entries it matches (they depend on the
   * token's text alone), or null, also when `node` has no values.
   */
  first: GazEntry[] | null;
  /** `partsOf` the text. */
  parts: readonly Part[];
}

/**
 * For a type with `T_STARTS` or `T_PARTS`, where the trie goes with its text and its parts (filled with
 * its `typeBits`): the root has thousands of keys, and finding a token's among them, then checking the
 * case of its one-word entries, or splitting a word into parts, costs more than one read by id.
 */
let typeInfo: (TypeInfo | undefined)[] = [];
/** The table of `wordTypes()` and the gazetteer `typeBits` and `typeInfo` are for. */
const typesFor = new TypeEpoch();
let typesOf: Gazetteer | undefined;

/** The `typeBits` of the text of `tokens[i]` (type `id`), and its `typeInfo`. */
function bitsOf(gaz: Gazetteer, tokens: readonly Token[], i: number, id: number): number {
  let bits = T_SEEN;
  const text = tokens[i]!.text;
  const node = gaz.trie.child(gaz.trie.root, text);
  if (node !== undefined) bits |= T_STARTS;
  // A word with parts is longer than its shortest part by its hyphen at least (most tokens are not).
  const parts = text.length > shortestPart && text.includes('-') ? partsOf(gaz, text) : NO_PARTS;
  if (parts.length > 0) bits |= T_PARTS;
  if (bits !== T_SEEN) typeInfo[id] = { node, first: node?.values ? accepted(node, tokens, i) : null, parts };
  return bits;
}

export function matchGazetteer(doc: Doc, into?: Int32Array): GazHits {
  const tokens = doc.tokens ?? [];
  const gaz = gazetteer();
  const trie = gaz.trie;
  partsReady(gaz);
  const byToken = (into ? into.subarray(0, tokens.length) : new Int32Array(tokens.length)).fill(-1);
  const hits: GazHit[] = [];
  const ids = tokenTypes(tokens);
  const types = wordTypes();
  if (typesFor.change(types) !== TYPES_SAME || typesOf !== gaz) {
    typeBits = new Uint8Array(types.capacity);
    typeInfo = new Array<TypeInfo | undefined>(types.capacity).fill(undefined);
    typesOf = gaz;
  }
  const known = typeBits;
  const infos = typeInfo;
  for (const s of doc.sentences ?? []) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const id = ids[i]!;
      let bits = known[id]!;
      if (bits === 0) bits = known[id] = bitsOf(gaz, tokens, i, id);
      if (bits === T_SEEN) {
        i++;
        continue;
      }
      const t = tokens[i]!;
      const info = infos[id]!;
      // The longest entry from token i: walk the trie token by token, keeping the last accepted node
      // (the one-word entries' from `info`).
      let bestEnd = info.first !== null ? i + 1 : -1;
      let best: GazEntry[] | null = info.first;
      let node = info.node;
      for (let k = i + 1; node !== undefined;) {
        if (k >= s.tokenEnd || !node.next) break;
        node = trie.child(node, tokens[k]!.text);
        k++;
        if (node?.values) {
          const values = accepted(node, tokens, i);
          if (values) {
            best = values;
            bestEnd = k;
          }
        }
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
      if ((bits & T_PARTS) !== 0)
        for (const p of info.parts)
          hits.push({
            tokenStart: i,
            tokenEnd: i + 1,
            start: t.start + p.offset,
            end: t.start + p.offset + p.length,
            entries: p.entries,
            part: true,
          });
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
  if (!hit) return undefined;
  // A loop rather than `find`, which would take a new closure per call.
  for (const e of hit.entries) if (e.kind === kind) return e as Extract<GazEntry, { kind: K }>;
  return undefined;
}
