/**
 * One pass of the gazetteer trie over a document's tokens: the longest entry at each position, within a
 * sentence; hyphenated words (`Sino-Russian`, `China-Russia`) are also looked up part by part.
 */
import type { Doc } from '../doc.js';
import { gazetteer, wordMatches, type GazEntry } from './gazetteer.js';
import { tokenKey } from './token-trie.js';

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

export function matchGazetteer(doc: Doc): GazHits {
  const tokens = doc.tokens ?? [];
  const gaz = gazetteer();
  const keys = tokens.map((t) => tokenKey(t.text));
  const byToken = new Int32Array(tokens.length).fill(-1);
  const hits: GazHit[] = [];
  const accept = (e: GazEntry, start: number): boolean => {
    if (e.kind === 'demonym' && e.prefix) return false;
    for (let k = 0; k < e.words.length; k++)
      if (!wordMatches(e.words[k]!, tokens[start + k]!.text)) return false;
    return true;
  };
  for (const s of doc.sentences ?? []) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const m = gaz.trie.longestAt(keys, i, s.tokenEnd, accept);
      if (m) {
        const end = i + m.length;
        for (let k = i; k < end; k++) byToken[k] = hits.length;
        hits.push({
          tokenStart: i,
          tokenEnd: end,
          start: tokens[i]!.start,
          end: tokens[end - 1]!.end,
          entries: m.values,
          part: false,
        });
        i = end;
        continue;
      }
      const t = tokens[i]!;
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
