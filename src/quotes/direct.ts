/**
 * Direct quotations: each pair of quotation marks becomes a proposal when it is attributed (a cue and a
 * speaker right after the closing mark or right before the opening one) or stands as a sentence of its
 * own (its speaker is borrowed later from the adjacent attribution). Quoted headings and short quoted
 * phrases inside a sentence (scare quotes, titles) are dropped here.
 */
import type { Doc, Sentence, Token } from '../doc.js';
import { skipAdjuncts } from './clause.js';
import type { CueLexicon, CueMatch } from './lexicon.js';
import { findQuotations, hasQuotationMark, type Quotation } from './marks.js';
import { tokenAt, type Proposal } from './proposal.js';
import { clauseSubject, speakerAfter, speakerBefore, type TokenRange } from './speaker.js';
import { isCapitalised, isWord } from './words.js';
import { tokenTypes } from '../text/word-types.js';

/** A quoted phrase inside a sentence with fewer words than this is a scare quote or a title. */
const MIN_EMBEDDED_WORDS = 8;
/** How far after a closing mark an attribution may sit (`," the Foreign Ministry spokesperson said`). */
const AFTER_WINDOW = 12;

export interface DirectResult {
  /** Attributed or free-standing quotations. */
  quotes: Proposal[];
  /** Longer quoted passages inside a sentence: kept only if no reported speech covers them. */
  embedded: Proposal[];
}

export function paragraphSpans(sentences: readonly Sentence[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of sentences) {
    const p = out[s.paragraph];
    if (p) p.end = s.end;
    else out[s.paragraph] = { start: s.start, end: s.end };
  }
  return out.filter(Boolean);
}

/** Paragraphs split further at single line breaks: a line break is where an unclosed quotation stops. */
export function lineSpans(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const p of paragraphs) {
    let start = p.start;
    for (let nl = text.indexOf('\n', start); nl >= 0 && nl < p.end; nl = text.indexOf('\n', start)) {
      if (nl > start) out.push({ start, end: nl });
      start = nl + 1;
      while (start < p.end && /\s/.test(text[start])) start++;
    }
    if (p.end > start) out.push({ start, end: p.end });
  }
  return out;
}

export function directQuotes(doc: Doc, lexicon: CueLexicon): DirectResult {
  const tokens = doc.tokens ?? [];
  const sentences = doc.sentences ?? [];
  const quotes: Proposal[] = [];
  const embedded: Proposal[] = [];
  if (!tokens.length || !hasQuotationMark(doc.text)) return { quotes, embedded };
  const ids = tokenTypes(tokens);
  lexicon.typesReady();
  for (const q of findQuotations(doc.text, lineSpans(doc.text, paragraphSpans(sentences)))) {
    const openTok = tokenAt(tokens, q.open);
    const closeTok = q.balanced ? tokenAt(tokens, q.closeEnd - 1) : tokenAt(tokens, q.end) - 1;
    const content = { start: tokenAt(tokens, q.start), end: tokenAt(tokens, q.end) };
    if (content.end <= content.start) continue;
    const sentence = sentences[tokens[openTok].sentence];
    // Each proposal built whole as one literal (not spread from a shared base): one shape, no copying.
    const propose = (
      cue: TokenRange | null,
      speaker: TokenRange | null,
      attributed: boolean,
      rule: string,
    ): Proposal => ({
      kind: 'direct',
      start: q.start,
      end: q.end,
      tokens: content,
      paragraph: sentence.paragraph,
      mark: { start: openTok, end: openTok + 1 },
      marks: { start: openTok, end: closeTok + 1 },
      cue,
      speaker,
      attributed,
      rule,
    });
    // A programme, book or film title (`“Meet the Press”`), or a label (`“Related:”`), is not speech.
    if (titleLike(tokens, content) || (countWords(tokens, content) < 2 && !endsSentence(tokens, content)))
      continue;
    const after = q.balanced ? attributionAfter(tokens, ids, sentences, closeTok, lexicon) : null;
    const before = after ? null : attributionBefore(tokens, ids, sentences, openTok, lexicon);
    const found = after ?? before;
    if (found) {
      quotes.push(propose(found.cue, found.speaker, true, found.rule));
      continue;
    }
    if (sentence.heading && wholeParagraph(q, sentence)) continue; // a quoted heading
    const words = countWords(tokens, content);
    if (standsAlone(tokens, sentences, openTok, closeTok, q)) {
      quotes.push(propose(null, null, false, q.balanced ? 'direct:free' : 'direct:unbalanced'));
    } else if (words >= MIN_EMBEDDED_WORDS) {
      // A speech verb elsewhere in the sentence (`X, wearing a hat, told the crowd he "..."`) names the speaker.
      const near = sentenceCue(tokens, ids, sentence, openTok, closeTok, lexicon);
      embedded.push(
        propose(
          near?.cue ?? null,
          near?.speaker ?? null,
          near !== null,
          near ? `direct:embedded:${near.rule}` : 'direct:embedded',
        ),
      );
    }
  }
  return { quotes, embedded };
}

function wholeParagraph(q: Quotation, s: Sentence): boolean {
  return q.open <= s.start + 1 && q.close >= s.end - 2;
}

function countWords(tokens: readonly Token[], r: TokenRange): number {
  let n = 0;
  for (let i = r.start; i < r.end; i++) if (isWord(tokens[i].text)) n++;
  return n;
}

/** The quotation opens its sentence and ends one (its own sentences, not a phrase inside another). */
function standsAlone(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  openTok: number,
  closeTok: number,
  q: Quotation,
): boolean {
  const first = sentences[tokens[openTok].sentence];
  if (openTok !== first.tokenStart) return false;
  if (!q.balanced) return true;
  const last = sentences[tokens[closeTok].sentence];
  // Nothing but end punctuation after the closing mark in its sentence.
  for (let i = closeTok + 1; i < last.tokenEnd; i++) if (isWord(tokens[i].text)) return false;
  return true;
}

interface Attribution {
  cue: TokenRange;
  speaker: TokenRange | null;
  rule: string;
}

function asRange(m: CueMatch): TokenRange {
  return { start: m.start, end: m.end };
}

/** `"...," he said.` / `"...," said the spokesperson.` / `"...," Wang, a spokesman, said on Friday.` */
function attributionAfter(
  tokens: readonly Token[],
  ids: Int32Array,
  sentences: readonly Sentence[],
  closeTok: number,
  lexicon: CueLexicon,
): Attribution | null {
  let first = closeTok + 1;
  if (first >= tokens.length) return null;
  // After a quotation that ends its sentence (`"... woman." He adds, "..."`, `"...." Rubio said the
  // plan ...`), a cue is this quotation's only when the attribution is all that follows; after a comma
  // (`"...," he said, "..."`, `"...," he said, adding ...`) it is this quotation's in any case.
  let lastContent = closeTok - 1;
  while (lastContent > 0 && /^['’"”»]$/.test(tokens[lastContent].text)) lastContent--;
  const strict =
    '.!?'.includes(tokens[lastContent].text) || tokens[first].sentence !== tokens[closeTok].sentence;
  const paragraph = sentences[tokens[closeTok].sentence].paragraph;
  const s = sentences[tokens[first].sentence];
  if (s.paragraph !== paragraph) return null;
  const hi = Math.min(s.tokenEnd, first + AFTER_WINDOW);
  if (tokens[first].text === ',') first++;
  for (let k = first; k < hi; k++) {
    const t = tokens[k].text;
    if ('“”"«».!?;'.includes(t)) return null;
    const m = lexicon.matchType(tokens, k, hi, ids[k]);
    if (!m || m.entry.use === 'participle') continue;
    if (m.entry.use === 'prep') {
      const sp = speakerAfter(tokens, m.end, hi);
      return k === first && sp ? { cue: asRange(m), speaker: sp, rule: 'direct:after:according' } : null;
    }
    if (k === first) {
      const sp = speakerAfter(tokens, m.end, hi);
      return sp && !(strict && !endsAttribution(tokens, sp.end, s.tokenEnd))
        ? { cue: asRange(m), speaker: sp, rule: `direct:after:cue-speaker:${m.entry.lemma}` }
        : null;
    }
    const sp = speakerBefore(tokens, k, first);
    if (
      sp &&
      sp.start === first &&
      !(strict && !endsAttribution(tokens, Math.max(m.end, sp.end), s.tokenEnd))
    )
      return { cue: asRange(m), speaker: sp, rule: `direct:after:${m.entry.lemma}` };
    return null;
  }
  return null;
}

/** Nothing but adjuncts between `after` and the end of the sentence (`he said on Friday.`). */
function endsAttribution(tokens: readonly Token[], after: number, hi: number): boolean {
  const i = skipAdjuncts(tokens, after, hi);
  return i >= hi || '.!?'.includes(tokens[i].text);
}

/** `X said: "..."` / `X said, "..."` / `said X: "..."` / `X told reporters: "..."`. */
function attributionBefore(
  tokens: readonly Token[],
  ids: Int32Array,
  sentences: readonly Sentence[],
  openTok: number,
  lexicon: CueLexicon,
): Attribution | null {
  let j = openTok - 1;
  if (j < 0) return null;
  // `The minister told reporters:` closing the previous sentence or paragraph introduces this quotation.
  const lo = sentences[tokens[tokens[j].text === ':' ? j : openTok].sentence].tokenStart;
  if (j < lo) return null;
  const colon = tokens[j].text === ':';
  if (colon || tokens[j].text === ',') j--;
  if (j >= lo && tokens[j].text.toLowerCase() === 'that') j--;
  if (j < lo) return null;
  // A cue ending at j, or (after a colon) within a few tokens before it: `said on Friday:`.
  const reach = colon ? 6 : 1;
  for (let k = j; k >= lo && k > j - reach - 1; k--) {
    for (let s = k; s >= lo && s > k - 3; s--) {
      const m = lexicon.matchType(tokens, s, k + 1, ids[s]);
      if (!m || m.end !== k + 1 || m.entry.trailingOnly || m.entry.use === 'participle') continue;
      if (m.entry.use === 'prep') {
        const sp = speakerAfter(tokens, m.end, j + 1);
        return sp ? { cue: asRange(m), speaker: sp, rule: 'direct:before:according' } : null;
      }
      // `said Wang:` has the speaker after the cue; `told her supporters:` has the addressee there.
      const sp =
        speakerBefore(tokens, m.start, lo) ??
        clauseSubject(tokens, lo, m.start) ??
        (k === j || m.entry.lemma === 'tell' ? null : speakerAfter(tokens, m.end, j + 1));
      return sp ? { cue: asRange(m), speaker: sp, rule: `direct:before:${m.entry.lemma}` } : null;
    }
  }
  // `said Wang:` — a phrase ending at j with the cue right before it (only before a colon or comma).
  if (j === openTok - 1) return null;
  const sp = speakerBefore(tokens, j + 1, lo);
  if (sp && sp.start - 1 >= lo) {
    for (let s = sp.start - 1; s >= lo && s > sp.start - 3; s--) {
      const m = lexicon.matchType(tokens, s, sp.start, ids[s]);
      if (m && m.end === sp.start && m.entry.use === 'verb')
        return { cue: asRange(m), speaker: sp, rule: `direct:before:cue-speaker:${m.entry.lemma}` };
    }
  }
  return null;
}

const TITLE_SMALL_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'at', 'with']);

/** Up to five words, each capitalised or a small function word: a title, not a sentence. */
function titleLike(tokens: readonly Token[], r: TokenRange): boolean {
  let words = 0;
  for (let i = r.start; i < r.end; i++) {
    const t = tokens[i].text;
    if (!isWord(t)) {
      if (t === ',' || t === ';' || t === '?' || t === '!') return false;
      continue;
    }
    words++;
    if (words > 5) return false;
    if (!isCapitalised(t) && !(words > 1 && TITLE_SMALL_WORDS.has(t))) return false;
  }
  return words > 0;
}

function endsSentence(tokens: readonly Token[], r: TokenRange): boolean {
  return r.end > r.start && '.!?'.includes(tokens[r.end - 1].text);
}

/** The first speech verb of the sentence outside the quotation whose speaker can be found. */
function sentenceCue(
  tokens: readonly Token[],
  ids: Int32Array,
  sentence: Sentence,
  openTok: number,
  closeTok: number,
  lexicon: CueLexicon,
): Attribution | null {
  const lo = sentence.tokenStart;
  for (let k = lo; k < sentence.tokenEnd; k++) {
    if (k >= openTok && k <= closeTok) continue;
    const m = lexicon.matchType(tokens, k, sentence.tokenEnd, ids[k]);
    if (!m || m.entry.use !== 'verb') continue;
    const sp = speakerBefore(tokens, m.start, lo) ?? clauseSubject(tokens, lo, m.start);
    if (sp && (sp.end <= openTok || sp.start > closeTok))
      return { cue: asRange(m), speaker: sp, rule: m.entry.lemma };
  }
  return null;
}
