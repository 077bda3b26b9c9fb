/**
 * Looking actors up by position, for the stages after `actors` (quotes, events):
 *
 *   actorAtToken(doc, i)          the actor of the mention covering token i, or null
 *   actorAtOffset(doc, offset)    the same by character offset into doc.text
 *   actorInSpan(doc, start, end)  the head actor of a phrase: the last (rightmost) mention with an actor
 *                                 inside [start, end) before any post-modifier (`in`, `of`, `who`...),
 *                                 as English noun phrases end in their head (`Chinese Foreign Ministry
 *                                 spokeswoman Hua Chunying` is Hua; `rebels in Darfur` are the rebels)
 *   actorById(doc, id)            the actor record
 *
 * The index is built once per mention layer (cached on the array) in one pass over the mentions, so
 * each lookup costs O(1) by token and O(log n) by offset. Where mentions nest (`Russian troops` around
 * `Russian`), a token belongs to the longest mention that has an actor.
 */
import type { Actor, Doc, Mention, Token } from '../doc.js';

export interface MentionIndex {
  /** For each token, the index in `doc.mentions` of its mention, or -1. */
  byToken: Int32Array;
  actors: Map<string, Actor>;
}

const cache = new WeakMap<Mention[], MentionIndex>();

/** Index of the first token ending after `offset` (binary search over the doc's token array). */
export function tokenAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function mentionIndex(doc: Doc): MentionIndex {
  const mentions = doc.mentions ?? [];
  const cached = cache.get(mentions);
  if (cached && cached.byToken.length === (doc.tokens?.length ?? 0)) return cached;
  const tokens = doc.tokens ?? [];
  const byToken = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, i) => {
    if (m.actor === null) return;
    for (let k = tokenAfter(doc.tokens ?? [], m.start); k < tokens.length && tokens[k]!.start < m.end; k++) {
      const cur = byToken[k]!;
      if (cur < 0 || mentions[cur]!.end - mentions[cur]!.start < m.end - m.start) byToken[k] = i;
    }
  });
  const index = { byToken, actors: new Map((doc.actors ?? []).map((a) => [a.id, a])) };
  cache.set(mentions, index);
  return index;
}

export function actorById(doc: Doc, id: string | null): Actor | null {
  return id === null ? null : (mentionIndex(doc).actors.get(id) ?? null);
}

export function actorAtToken(doc: Doc, token: number): Actor | null {
  const index = mentionIndex(doc);
  const m = index.byToken[token] ?? -1;
  return m < 0 ? null : (index.actors.get(doc.mentions![m]!.actor!) ?? null);
}

export function actorAtOffset(doc: Doc, offset: number): Actor | null {
  const k = tokenAfter(doc.tokens ?? [], offset);
  const t = doc.tokens?.[k];
  return t && t.start <= offset ? actorAtToken(doc, k) : null;
}

/** Words after which a noun phrase's head has been said (`rebels in Darfur`, `the president of Armenia`). */
const POST_HEAD = new Set(
  'in of from near at on with for throughout across inside outside based living operating who which that whose'.split(
    ' ',
  ),
);

/**
 * The head actor of the phrase `[start, end)`: its rightmost mention with an actor before any
 * post-modifier (`rebels` in `rebels in Darfur`), else the rightmost anywhere in the phrase.
 */
export function actorInSpan(doc: Doc, start: number, end: number): Actor | null {
  const tokens = doc.tokens ?? [];
  const first = tokenAfter(doc.tokens ?? [], start);
  for (let k = first; k < tokens.length && tokens[k]!.start < end; k++) {
    if (k > first && POST_HEAD.has(tokens[k]!.text)) {
      const head = rightmostActor(doc, start, tokens[k]!.start);
      if (head) return head;
      break;
    }
  }
  return rightmostActor(doc, start, end);
}

function rightmostActor(doc: Doc, start: number, end: number): Actor | null {
  for (let k = tokenAfter(doc.tokens ?? [], end - 1); k >= 0; k--) {
    const t = doc.tokens![k];
    if (!t || t.end > end) continue;
    if (t.start < start) break;
    const a = actorAtToken(doc, k);
    if (a) return a;
  }
  return null;
}
