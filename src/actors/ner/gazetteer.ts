/**
 * Name lists the name tagger uses as features: country names (from the `i18n-iso-countries` package),
 * other places, demonyms, person titles and organisation words (`data/ner/*.txt`). Loaded once into a
 * trie keyed by token, so marking a sentence costs one walk per token, bounded by the longest entry.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../../data.js';
import type { WordTypes } from './word-types.js';

export const G_COUNTRY = 1;
export const G_PLACE = 2;
export const G_DEMONYM = 4;
export const G_TITLE = 8;
export const G_ORG = 16;
/** A hyphenated word starting with a demonym or a combining form (`Sino-Russian`, `Indo-Pakistani`). */
export const G_DEMONYM_PREFIX = 32;

/** Word-type facts (`WordTypes.ner` bits) the gazetteer gives. The word may start an entry. */
export const T_GAZ_START = 1;
/** A hyphenated word whose first part is a demonym or combining form (`Sino-Russian`). */
export const T_DEMONYM_PREFIX = 2;

interface Node {
  next: Map<string, Node>;
  mask: number;
}

const newNode = (): Node => ({ next: new Map(), mask: 0 });

export class Gazetteer {
  /** Entries matched ignoring case, keyed by lower-cased token. */
  private readonly folded = newNode();
  /** Entries matched exactly (abbreviations such as `US`, `UK`, which would otherwise match `us`). */
  private readonly exact = newNode();
  /** Demonyms and combining forms, lower-cased, for hyphenated words. */
  private readonly prefixes = new Set<string>();

  add(entry: string, mask: number): void {
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
   * Marks as `mark` does, for a document held as word-type ids (see `word-types.ts`): the trie is walked
   * only from tokens whose type may start an entry, which most tokens' types may not.
   */
  markTypes(
    types: WordTypes,
    ids: Int32Array,
    cover: Uint8Array,
    begin: Uint8Array,
    from: number,
    to: number,
  ): void {
    cover.fill(0, from, to);
    begin.fill(0, from, to);
    const { ner, words, lowers } = types;
    for (let i = from; i < to; i++) {
      const t = ner[ids[i]];
      if (t & T_GAZ_START) {
        this.walkTypes(this.folded, lowers, ids, i, to, cover, begin);
        this.walkTypes(this.exact, words, ids, i, to, cover, begin);
      }
      if (t & T_DEMONYM_PREFIX) {
        cover[i] |= G_DEMONYM_PREFIX;
        begin[i] |= G_DEMONYM_PREFIX;
      }
    }
  }

  /** Whether an entry starts with this word (as `mark` would look it up: folded, or exact). */
  mayStart(word: string, lower: string): boolean {
    return this.folded.next.has(lower) || this.exact.next.has(word);
  }

  /** Whether a lower-cased word is hyphenated after a demonym or combining form (`sino-russian`). */
  hasDemonymPrefix(lower: string): boolean {
    const hyphen = lower.indexOf('-');
    return hyphen > 0 && this.prefixes.has(lower.slice(0, hyphen));
  }

  private walkTypes(
    root: Node,
    keys: readonly string[],
    ids: Int32Array,
    i: number,
    to: number,
    cover: Uint8Array,
    begin: Uint8Array,
  ): void {
    let node: Node | undefined = root;
    for (let j = i; j < to; j++) {
      node = node.next.get(keys[ids[j]]);
      if (!node) return;
      if (node.mask) {
        begin[i] |= node.mask;
        for (let k = i; k <= j; k++) cover[k] |= node.mask;
      }
    }
  }

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
