/**
 * Stage `quotes`: direct quotations and reported speech, each with its cue and speaker.
 * Extractors propose (direct.ts, reported.ts); refiners dispose (refine.ts).
 */
import type { Doc, Quote } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { directQuotes } from './direct.js';
import { cueLexicon, type CueLexicon } from './lexicon.js';
import type { Proposal } from './proposal.js';
import { borrowSpeakers, dropCoveredEmbedded, resolveActors } from './refine.js';
import { reportedQuotes } from './reported.js';

export const QUOTES_STAGE = 'quotes';

/** Finds the quotes of a segmented document (mentions and actors are used when present). */
export function findQuotes(doc: Doc, lexicon: CueLexicon = cueLexicon()): Quote[] {
  // Every document's list comes from this one literal, filled by `push`: V8 then makes them all arrays of
  // objects, with one map (`all.map` made an empty list an array of small integers, another map, and the
  // optimized code of a later stage reading `doc.quotes` had to be thrown away when it first met one).
  const quotes: Quote[] = [];
  const tokens = doc.tokens ?? [];
  if (!tokens.length) return quotes;
  const { quotes: direct, embedded } = directQuotes(doc, lexicon);
  const blocked = blockedBuffer(tokens.length);
  for (const q of direct) {
    // The marks and the content, and the attribution's own words.
    const marks = q.marks ?? q.tokens;
    blocked.fill(1, marks.start, marks.end);
    if (q.cue) blocked.fill(1, q.cue.start, q.cue.end);
    if (q.speaker) blocked.fill(1, q.speaker.start, q.speaker.end);
  }
  const reported = reportedQuotes(doc, blocked, lexicon).sort((a, b) => a.start - b.start);
  const all: Proposal[] = [...direct, ...reported, ...dropCoveredEmbedded(embedded, reported)];
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  borrowSpeakers(all);
  const actors = resolveActors(all, tokens, doc.mentions);
  for (let i = 0; i < all.length; i++) quotes.push(toQuote(doc, all[i], actors[i]));
  return quotes;
}

let blockedTokens = new Uint8Array(1024);

/**
 * A zeroed flag per token, in a buffer kept between documents (a typed array is slow to allocate); it may
 * be longer than `n`, and nothing reads past `n`.
 */
function blockedBuffer(n: number): Uint8Array {
  if (blockedTokens.length < n) blockedTokens = new Uint8Array(Math.max(n, blockedTokens.length * 2));
  else blockedTokens.fill(0, 0, n);
  return blockedTokens;
}

function toQuote(doc: Doc, p: Proposal, actor: string | null): Quote {
  const tokens = doc.tokens ?? [];
  // With no attribution at all, the quotation marks are what mark the speech.
  const cueRange = p.cue ?? p.mark;
  const cueStart = cueRange ? tokens[cueRange.start].start : p.start;
  const cueEnd = cueRange ? tokens[cueRange.end - 1].end : p.start;
  // Built as literals (not spread from `charSpan`), the key order the output has always had.
  const speaker = p.speaker
    ? { start: tokens[p.speaker.start].start, end: tokens[p.speaker.end - 1].end, actor }
    : null;
  return {
    start: p.start,
    end: p.end,
    kind: p.kind,
    cue: { start: cueStart, end: cueEnd, text: doc.text.slice(cueStart, cueEnd) },
    speaker,
    stage: QUOTES_STAGE,
    rule: p.rule,
  };
}

export const quotesStage: Stage = {
  name: QUOTES_STAGE,
  requires: ['sentences', 'tokens', 'actors'],
  adds: ['quotes'],
  run(doc: Doc): Doc {
    doc.quotes = findQuotes(doc);
    return doc;
  },
};
