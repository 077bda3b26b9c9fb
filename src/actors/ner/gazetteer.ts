/**
 * Name lists the name tagger uses as features: country names (from the `i18n-iso-countries` package),
 * other places, demonyms, person titles and organisation words (`data/ner/*.txt`). Loaded once into a
 * trie keyed by token, so marking a sentence costs one walk per token, bounded by the longest entry.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../../data.js';
import { hashStr, mix } from '../../text/perceptron.js';
import { F_HAS_HYPHEN } from '../../text/pos-features.js';
import type { NerInput } from './features.js';

export const G_COUNTRY = 1;
export const G_PLACE = 2;
export const G_DEMONYM = 4;
export const G_TITLE = 8;
export const G_ORG = 16;
/** A hyphenated word starting with a demonym or a combining form (`Sino-Russian`, `Indo-Pakistani`). */
export const G_DEMONYM_PREFIX = 32;

/** Bits of a word's `wordBits`. */
export const W_STARTS_FOLDED = 1;
export const W_STARTS_EXACT = 2;
export const W_LATER_FOLDED = 4;
export const W_LATER_EXACT = 8;
export const W_DEMONYM_PREFIX = 16;

interface Node {
  next: Map<string, Node>;
  mask: number;
  /** The node's number among all gazetteers' nodes (the edge table's key, with a word's hash). */
  id: number;
}

let nodeCount = 0;
const newNode = (): Node => ({ next: new Map(), mask: 0, id: nodeCount++ });

export class Gazetteer {
  /** Entries matched ignoring case, keyed by lower-cased token. */
  private readonly folded = newNode();
  /** Entries matched exactly (abbreviations such as `US`, `UK`, which would otherwise match `us`). */
  private readonly exact = newNode();
  /** Demonyms and combining forms, lower-cased, for hyphenated words. */
  private readonly prefixes = new Set<string>();

  add(entry: string, mask: number): void {
    this.starts = undefined;
    this.edges = undefined;
    let words = entry.trim().split(/\s+/);
    if (words.length === 1 && words[0].endsWith('-')) {
      this.prefixes.add(words[0].slice(0, -1).toLowerCase());
      return;
    }
    const exact = /^[A-Z.]{1,5}$/.test(entry) && entry.length <= 5;
    if (!exact) words = words.map((w) => w.toLowerCase());
    let node = exact ? this.exact : this.folded;
    for (const w of words) {
      let next = node.next.get(w);
      if (!next) node.next.set(w, (next = newNode()));
      node = next;
    }
    node.mask |= mask;
    if (mask & G_DEMONYM && words.length === 1) this.prefixes.add(words[0].toLowerCase());
  }

  /**
   * Marks the tokens every entry covers in `[from, to)` (one sentence): `cover[i]` gets the masks of all
   * matches over token `i`, `begin[i]` those of matches starting at `i`.
   */
  mark(
    words: readonly string[],
    lowers: readonly string[],
    cover: Uint8Array,
    begin: Uint8Array,
    from = 0,
    to = words.length,
  ): void {
    cover.fill(0, from, to);
    begin.fill(0, from, to);
    for (let i = from; i < to; i++) {
      this.walk(this.folded, lowers, i, to, cover, begin);
      this.walk(this.exact, words, i, to, cover, begin);
      const hyphen = lowers[i].indexOf('-');
      if (hyphen > 0 && this.prefixes.has(lowers[i].slice(0, hyphen))) {
        cover[i] |= G_DEMONYM_PREFIX;
        begin[i] |= G_DEMONYM_PREFIX;
      }
    }
  }

  /**
   * What `markHashed` needs of token `i`'s word in a loaded input (its text alone): whether an entry
   * starts with it (`W_STARTS_FOLDED` lower-cased, `W_STARTS_EXACT` as written), whether entries have it
   * past their first word (`W_LATER_FOLDED`, `W_LATER_EXACT`), and whether it is a hyphenated word
   * starting with a demonym or combining form (`W_DEMONYM_PREFIX`). `NerInput` keeps them per word type,
   * so a token of a type met before takes no look-up at all.
   */
  wordBits(x: NerInput, i: number): number {
    const starts = (this.starts ??= this.startHashes());
    const later = (this.later ??= this.laterHashes());
    const lower = x.lower[i];
    const cased = x.cased[i];
    let bits = 0;
    if (starts.has(lower)) bits |= W_STARTS_FOLDED;
    // (A word with no capital letter has one hash either way: looked up once.)
    if (cased === lower ? bits & W_STARTS_FOLDED : starts.has(cased)) bits |= W_STARTS_EXACT;
    if (later.has(lower)) bits |= W_LATER_FOLDED;
    if (cased === lower ? bits & W_LATER_FOLDED : later.has(cased)) bits |= W_LATER_EXACT;
    if (x.flags[i] & F_HAS_HYPHEN) {
      const lw = x.lowerWord(i);
      const hyphen = lw.indexOf('-');
      if (hyphen > 0 && this.prefixes.has(lw.slice(0, hyphen))) bits |= W_DEMONYM_PREFIX;
    }
    return bits;
  }

  /**
   * Marks as `mark` does, for a sentence `[from, to)` of a loaded input, from its tokens' `wordBits`
   * (`x.gazWord`): the trie is walked (with the words as strings) only from tokens whose word is a first
   * word of some entry, which most tokens' are not.
   */
  markHashed(x: NerInput, from: number, to: number): void {
    const edges = (this.edges ??= new EdgeTable([this.folded, this.exact]));
    const { gaz: cover, gazBegin: begin, gazWord } = x;
    cover.fill(0, from, to);
    begin.fill(0, from, to);
    for (let i = from; i < to; i++) {
      const bits = gazWord[i];
      if (bits === 0) continue;
      if (bits & W_STARTS_FOLDED) walkWords(edges, this.folded, x, true, i, to);
      if (bits & W_STARTS_EXACT) walkWords(edges, this.exact, x, false, i, to);
      if (bits & W_DEMONYM_PREFIX) {
        cover[i] |= G_DEMONYM_PREFIX;
        begin[i] |= G_DEMONYM_PREFIX;
      }
    }
  }

  /** The words' hashes (as `hashStr`) that entries start with, folded or exact. */
  private starts: HashSet | undefined;

  private startHashes(): HashSet {
    const set = new HashSet();
    for (const w of this.folded.next.keys()) set.add(hashStr(w));
    for (const w of this.exact.next.keys()) set.add(hashStr(w));
    return set;
  }

  /**
   * The words' hashes (as `hashStr`) that entries have past their first word, folded or exact: a walk
   * stops at a word not among them without looking for an edge (most walks end at their second word, as
   * from `the`).
   */
  private later: HashSet | undefined;

  private laterHashes(): HashSet {
    const set = new HashSet();
    const visit = (node: Node) => {
      for (const [w, next] of node.next) {
        set.add(hashStr(w));
        visit(next);
      }
    };
    for (const root of [this.folded, this.exact]) for (const next of root.next.values()) visit(next);
    return set;
  }

  /** The tries' edges by word hash, built when first needed. */
  private edges: EdgeTable | undefined;

  private walk(
    root: Node,
    keys: readonly string[],
    i: number,
    to: number,
    cover: Uint8Array,
    begin: Uint8Array,
  ): void {
    let node: Node | undefined = root;
    for (let j = i; j < to; j++) {
      node = node.next.get(keys[j]);
      if (!node) return;
      if (node.mask) {
        begin[i] |= node.mask;
        for (let k = i; k <= j; k++) cover[k] |= node.mask;
      }
    }
  }
}

/**
 * Marks the entries of the trie under `root` that start at token `i` of a loaded input, walking by the
 * words' hashes (lower-cased when `folded`) through `edges`, and only over words that entries have past
 * their first (`W_LATER_FOLDED` or `W_LATER_EXACT` in `x.gazWord`).
 */
function walkWords(edges: EdgeTable, root: Node, x: NerInput, folded: boolean, i: number, to: number): void {
  const { gaz: cover, gazBegin: begin, gazWord } = x;
  const hashes = folded ? x.lower : x.cased;
  const later = folded ? W_LATER_FOLDED : W_LATER_EXACT;
  let node: Node | undefined = root;
  for (let j = i; j < to; j++) {
    if (j > i && !(gazWord[j] & later)) return;
    node = edges.child(node, hashes[j], x, j, folded);
    if (!node) return;
    if (node.mask) {
      begin[i] |= node.mask;
      for (let k = i; k <= j; k++) cover[k] |= node.mask;
    }
  }
}

/**
 * Every edge of some tries in one open-addressing table keyed by the parent node's id and the hash
 * (`hashStr`) of the edge's word, slots a quarter full: finding a token's child is a probe or two in typed
 * arrays and a check of the word's characters against the key, with no string built and no map (the
 * walk starts at every `the` and at most capitalised words).
 */
class EdgeTable {
  private readonly mask: number;
  /** Per slot: the parent node's id (-1 for an empty slot), the word's hash, the key and the child. */
  private readonly parent: Int32Array;
  private readonly hash: Int32Array;
  private readonly key: string[];
  private readonly next: (Node | null)[];

  constructor(roots: readonly Node[]) {
    const all: [Node, string, Node][] = [];
    const visit = (node: Node) => {
      for (const [key, next] of node.next) {
        all.push([node, key, next]);
        visit(next);
      }
    };
    for (const root of roots) visit(root);
    let size = 64;
    while (size < 4 * all.length) size *= 2;
    this.mask = size - 1;
    this.parent = new Int32Array(size).fill(-1);
    this.hash = new Int32Array(size);
    this.key = new Array<string>(size).fill('');
    this.next = new Array<Node | null>(size).fill(null);
    for (const [node, key, next] of all) {
      const h = hashStr(key) | 0;
      let s = mix(node.id, h) & this.mask;
      while (this.parent[s] >= 0) s = (s + 1) & this.mask;
      this.parent[s] = node.id;
      this.hash[s] = h;
      this.key[s] = key;
      this.next[s] = next;
    }
  }

  /** The child of `node` for token `j`'s word (lower-cased when `folded`), whose hash is `hash`. */
  child(node: Node, hash: number, x: NerInput, j: number, folded: boolean): Node | undefined {
    const { parent, mask } = this;
    const id = node.id;
    hash |= 0;
    for (let s = mix(id, hash) & mask; parent[s] >= 0; s = (s + 1) & mask)
      if (parent[s] === id && this.hash[s] === hash && sameWord(x, j, this.key[s], folded))
        return this.next[s] ?? undefined;
    return undefined;
  }
}

/** Whether token `j`'s word (normalised, and lower-cased when `folded`) is `key`. */
function sameWord(x: NerInput, j: number, key: string, folded: boolean): boolean {
  const raw = x.text(j);
  if (raw.length !== key.length) return folded ? x.lowerWord(j) === key : x.word(j) === key;
  for (let k = 0; k < raw.length; k++) {
    let c = raw.charCodeAt(k);
    if (c >= 128) return folded ? x.lowerWord(j) === key : x.word(j) === key;
    if (folded && c >= 65 && c <= 90) c += 32;
    if (c !== key.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * A set of 32-bit hashes: open addressing in one typed array (0 stands for empty, so kept apart), behind
 * a 16,384-bit filter (2 KB) that answers most lookups of absent hashes from a few cache lines.
 */
class HashSet {
  private slots = new Int32Array(64);
  private readonly filter = new Uint32Array(512);
  private count = 0;
  private zero = false;

  add(h: number): void {
    h |= 0;
    const bit = Math.imul(h, 0x9e3779b1) >>> 18;
    this.filter[bit >>> 5] |= 1 << (bit & 31);
    if (h === 0) {
      this.zero = true;
      return;
    }
    if (2 * (this.count + 1) > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(2 * old.length);
      this.count = 0;
      for (const k of old) if (k !== 0) this.add(k);
    }
    const mask = this.slots.length - 1;
    let s = (h ^ (h >>> 15)) & mask;
    while (this.slots[s] !== 0 && this.slots[s] !== h) s = (s + 1) & mask;
    if (this.slots[s] === 0) this.count++;
    this.slots[s] = h;
  }

  has(h: number): boolean {
    h |= 0;
    const bit = Math.imul(h, 0x9e3779b1) >>> 18;
    if (!(this.filter[bit >>> 5] & (1 << (bit & 31)))) return false;
    if (h === 0) return this.zero;
    const { slots } = this;
    const mask = slots.length - 1;
    for (let s = (h ^ (h >>> 15)) & mask; slots[s] !== 0; s = (s + 1) & mask) if (slots[s] === h) return true;
    return false;
  }
}

function readList(file: string): string[] {
  return readFileSync(dataPath(file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Country names and aliases in English, without the inverted forms (`Korea, Republic of`). */
export function countryNames(): string[] {
  const require = createRequire(import.meta.url);
  const countries = require('i18n-iso-countries') as {
    getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
  };
  return Object.values(countries.getNames('en', { select: 'all' }))
    .flat()
    .filter((name) => !/[,()]/.test(name));
}

let shared: Gazetteer | undefined;

export function nerGazetteer(): Gazetteer {
  if (shared) return shared;
  const g = new Gazetteer();
  for (const name of countryNames()) g.add(name, G_COUNTRY);
  for (const name of readList('ner/country-aliases.txt')) g.add(name, G_COUNTRY);
  for (const name of readList('ner/places.txt')) g.add(name, G_PLACE);
  for (const name of readList('ner/demonyms.txt')) g.add(name, G_DEMONYM);
  for (const name of readList('ner/titles.txt')) g.add(name, G_TITLE);
  for (const name of readList('ner/org-words.txt')) g.add(name, G_ORG);
  shared = g;
  return g;
}

let demonymSet: Set<string> | undefined;

/** Whether a name is a demonym or national adjective (`Chinese`, `South Korean`, `Sino-Russian`). */
export function isDemonym(name: string): boolean {
  if (!demonymSet) {
    demonymSet = new Set();
    for (const d of readList('ner/demonyms.txt')) demonymSet.add(d.toLowerCase());
  }
  const lower = name.toLowerCase().replace(/\s+/g, ' ');
  if (demonymSet.has(lower)) return true;
  const hyphen = lower.indexOf('-');
  return (
    hyphen > 0 &&
    /^[a-z-]+$/.test(lower) &&
    (demonymSet.has(lower.slice(0, hyphen + 1)) || demonymSet.has(lower.slice(0, hyphen)))
  );
}

let titleSet: Set<string> | undefined;

/** Whether a word is a title or honorific (`Mr.`, `President`), ignoring case. */
export function isTitle(word: string): boolean {
  titleSet ??= new Set(readList('ner/titles.txt').map((t) => t.toLowerCase()));
  return titleSet.has(word.toLowerCase());
}

let orgHeads: Set<string> | undefined;

/** Whether a word ends organisation names (`Organization`, `Ministry`), ignoring case. */
export function isOrganizationHead(word: string): boolean {
  orgHeads ??= new Set(readList('ner/org-heads.txt').map((t) => t.toLowerCase()));
  return orgHeads.has(word.toLowerCase());
}

let miscHeads: Set<string> | undefined;

/** Whether a word ends names of initiatives, agreements and competitions (`Initiative`, `Treaty`). */
export function isMiscHead(word: string): boolean {
  miscHeads ??= new Set(readList('ner/misc-heads.txt').map((t) => t.toLowerCase()));
  return miscHeads.has(word.toLowerCase());
}
