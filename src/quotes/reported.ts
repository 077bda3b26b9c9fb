/**
 * Reported speech, sentence by sentence over the tokens outside direct quotations:
 *   leading   `X said (that) ...`, `He noted that ...`, `X told reporters ...`
 *   trailing  `..., X said.`, `..., said X.`, `..., X told a briefing.`
 *   according `According to X, ...`, `..., according to X.`
 *   position  `X's position is that ...`, `X's stance ... is to ...`
 *   clauses   `Noting that ..., X said ...`, `..., X said, adding that ...` (the participle's speaker is
 *             the main verb's)
 * Content never includes the speaker, so an actor mentioned inside the content cannot become it.
 */
import type { Doc, Sentence, Token } from '../doc.js';
import { tokenTypes } from '../text/word-types.js';
import { isTrailingPunct, skipAdjuncts, skipObject } from './clause.js';
import type { CueEntry, CueLexicon, CueMatch } from './lexicon.js';
import { charSpan, type Proposal } from './proposal.js';
import { clauseSubject, speakerAfter, speakerBefore, type TokenRange } from './speaker.js';
import { isWord } from './words.js';

const CLAUSE_OPENERS = new Set(['that', ':', ',']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'be', '’s', "'s", '’re', "'re"]);

export function reportedQuotes(doc: Doc, blocked: Uint8Array, lexicon: CueLexicon): Proposal[] {
  const tokens = doc.tokens ?? [];
  const out: Proposal[] = [];
  const ids = tokenTypes(tokens);
  lexicon.typesReady();
  for (const s of doc.sentences ?? []) {
    if (s.heading) continue;
    sentenceQuotes(tokens, ids, s, blocked, lexicon, out);
  }
  return out;
}

interface Found {
  cue: CueMatch;
  speaker: TokenRange | null;
  content: TokenRange;
  rule: string;
}

/** The reported speech of one sentence (`ids`: its document's word types), appended to `out`. */
function sentenceQuotes(
  tokens: readonly Token[],
  ids: Int32Array,
  s: Sentence,
  blocked: Uint8Array,
  lexicon: CueLexicon,
  out: Proposal[],
): void {
  const lo = s.tokenStart;
  const hi = s.tokenEnd;
  // Most sentences have no cue: nothing is allocated for them.
  let cues: CueMatch[] | null = null;
  for (let i = lo; i < hi; i++) {
    if (blocked[i]) continue;
    const m = lexicon.matchType(tokens, i, hi, ids[i]);
    if (!m) continue;
    i = m.end - 1;
    // `the said agreement`, `500 pledged delegates`: the cue word modifies a noun.
    if (m.entry.use === 'verb' && adjectival(tokens, m.start, m.end, lo, hi)) continue;
    (cues ??= []).push(m);
  }
  if (cues) cueQuotes(tokens, s, blocked, cues, out);
}

/**
 * The reported speech of a sentence with cues, appended to `out`. A function of its own, so that the
 * cue scan, which every sentence runs, is compiled alone, and the clause work, which few sentences need
 * and whose rarer branches are often first met after V8 optimized it, is the only code compiled again then.
 */
function cueQuotes(
  tokens: readonly Token[],
  s: Sentence,
  blocked: Uint8Array,
  cues: CueMatch[],
  out: Proposal[],
): void {
  const lo = s.tokenStart;
  const hi = s.tokenEnd;
  // `Trump is arguing that ...`: a progressive participle is a finite verb.
  for (let k = 0; k < cues.length; k++) {
    const m = cues[k];
    if (
      m.entry.use === 'participle' &&
      m.start - 1 >= lo &&
      BE_FORMS.has(tokens[m.start - 1].text.toLowerCase())
    ) {
      // Written out in the lexicon's shapes (a spread copy has maps of its own, and the code reading
      // cues, compiled on the lexicon's, would be thrown away the first time it met one).
      const e = m.entry;
      const entry: CueEntry = { words: e.words, lemma: e.lemma, use: 'verb', trailingOnly: e.trailingOnly };
      cues[k] = { entry, start: m.start, end: m.end };
    }
  }
  let contentHi = hi;
  while (contentHi > lo && isTrailingPunct(tokens[contentHi - 1])) contentHi--;
  const found: Found[] = [];
  const inside = (i: number) => found.some((f) => i >= f.content.start && i < f.content.end);
  // Main clauses first (verbs, `according to`), then the participle clauses hanging off them.
  // Trailing attributions first: `The union's position is that ..., its leader said.` is the leader's.
  const used = new Set<CueMatch>();
  for (const m of cues) {
    if (m.entry.use !== 'verb' || inside(m.start)) continue;
    const f = verbClause(tokens, m, lo, hi, contentHi, blocked);
    if (f && f.rule === 'reported:trailing') {
      found.push(f);
      used.add(m);
    }
  }
  for (const m of cues) {
    if (m.entry.use === 'participle' || used.has(m) || inside(m.start)) continue;
    const f =
      m.entry.use === 'prep'
        ? according(tokens, m, lo, hi, contentHi)
        : m.entry.use === 'noun'
          ? statedPosition(tokens, m, lo, contentHi, blocked)
          : verbClause(tokens, m, lo, hi, contentHi, blocked);
    if (f) found.push(f);
  }
  for (const m of cues) {
    if (m.entry.use !== 'participle') continue;
    // Inside a found content only when it opens a clause after a comma (`X said A, adding that B`).
    if (inside(m.start) && !(m.start > lo && tokens[m.start - 1].text === ',')) continue;
    const f = participleClause(tokens, m, lo, contentHi, found);
    if (f) found.push(f);
  }
  // A leading clause stops where a participle clause after a comma begins (`X said A, adding that B`).
  for (const f of found) {
    for (const g of found) {
      if (g !== f && g.cue.start > f.content.start && g.cue.start < f.content.end) {
        f.content = { start: f.content.start, end: trimEnd(tokens, f.content.start, g.cue.start) };
      }
    }
  }
  for (const f of found) {
    if (f.content.end <= f.content.start || !hasWord(tokens, f.content)) continue;
    if (blockedRange(blocked, f.content)) continue;
    const span = charSpan(tokens, f.content);
    out.push({
      kind: 'indirect',
      start: span.start,
      end: span.end,
      tokens: f.content,
      cue: { start: f.cue.start, end: f.cue.end },
      speaker: f.speaker,
      rule: `${f.rule}:${f.cue.entry.lemma}`,
      attributed: f.speaker !== null,
      paragraph: s.paragraph,
    });
  }
}

function hasWord(tokens: readonly Token[], r: TokenRange): boolean {
  for (let i = r.start; i < r.end; i++) if (isWord(tokens[i].text)) return true;
  return false;
}

/** Most of the content inside a direct quotation: the direct quote already covers it. */
function blockedRange(blocked: Uint8Array, r: TokenRange): boolean {
  let n = 0;
  for (let i = r.start; i < r.end; i++) n += blocked[i];
  return n * 2 > r.end - r.start;
}

/** End of content before token `i`, dropping the comma or conjunction that joins the next clause. */
function trimEnd(tokens: readonly Token[], lo: number, i: number): number {
  let e = i;
  while (e > lo && (isTrailingPunct(tokens[e - 1]) || /^(and|but)$/i.test(tokens[e - 1].text))) e--;
  return e;
}

/** Start of content at token `i`, skipping `that`, `:` and `,`. */
function trimStart(tokens: readonly Token[], i: number, hi: number): number {
  let j = i;
  while (j < hi && CLAUSE_OPENERS.has(tokens[j].text.toLowerCase())) j++;
  return j;
}

function according(
  tokens: readonly Token[],
  m: CueMatch,
  lo: number,
  hi: number,
  contentHi: number,
): Found | null {
  const speaker = speakerAfter(tokens, m.end, hi, true);
  if (!speaker) return null;
  if (m.start === lo || (m.start === lo + 1 && !isWord(tokens[lo].text))) {
    const start = trimStart(tokens, speaker.end, contentHi);
    return { cue: m, speaker, content: { start, end: contentHi }, rule: 'according:leading' };
  }
  return {
    cue: m,
    speaker,
    content: { start: lo, end: trimEnd(tokens, lo, m.start) },
    rule: 'according:trailing',
  };
}

function verbClause(
  tokens: readonly Token[],
  m: CueMatch,
  lo: number,
  hi: number,
  contentHi: number,
  blocked: Uint8Array,
): Found | null {
  const progressive = /ing$/i.test(tokens[m.start].text);
  const beforeCue = m.start - 1 > lo ? tokens[m.start - 1].text.toLowerCase() : '';
  // `was echoed by X`, `was asked by X whether ...`: a passive cue's speaker is its by-agent, if named.
  if (!progressive && BE_FORMS.has(beforeCue)) return passiveClause(tokens, m, hi, contentHi);
  let subjectEnd = m.start;
  // `Trump is arguing that ...`: the subject sits before the auxiliary.
  while (progressive && subjectEnd - 1 > lo && BE_FORMS.has(tokens[subjectEnd - 1].text.toLowerCase()))
    subjectEnd--;
  let speaker = speakerBefore(tokens, subjectEnd, lo);
  if (speaker && blockedRange(blocked, speaker)) speaker = null;
  let after = m.end;
  if (m.entry.lemma === 'tell') after = skipObject(tokens, after, hi);
  after = skipAdjuncts(tokens, after, hi);
  const next = after < contentHi ? tokens[after].text : '';
  // `X added, he did not ...`: a speaker opening the sentence and a comma after the verb lead into content.
  const opensSentence = speaker !== null && speaker.start <= lo + 1 && after + 1 < contentHi;
  const trailing = next === '' || ((next === ',' || next === ';') && !opensSentence);
  if (trailing) {
    // `..., X said.` / `..., said X.` — the content is the clause before the attribution.
    let boundary: number;
    if (speaker) boundary = speaker.start;
    else {
      // `..., said X.` — but never `..., told AFP.`: after `tell` comes the addressee.
      speaker = m.entry.lemma === 'tell' ? null : speakerAfter(tokens, m.end, hi);
      if (!speaker) return null;
      boundary = m.start;
    }
    if (boundary - 1 <= lo || !isTrailingPunct(tokens[boundary - 1])) return null;
    let start = lo;
    // `Noting that A, X said.` is rare; a leading participle clause belongs to the participle.
    while (start < boundary && blocked[start]) start++;
    return {
      cue: m,
      speaker,
      content: { start, end: trimEnd(tokens, start, boundary) },
      rule: 'reported:trailing',
    };
  }
  if (m.entry.trailingOnly) return null;
  let rule = 'reported:leading';
  if (!speaker) {
    speaker = clauseSubject(tokens, lo, m.start);
    if (!speaker || blockedRange(blocked, speaker)) return null;
    rule = 'reported:leading-subject';
  }
  let start = trimStart(tokens, after, contentHi);
  // `said as he left the hall that ...`: the content is the that-clause after the adjunct.
  if (!opensContent(tokens, start, contentHi)) {
    const that = thatAfterAdjunct(tokens, start, contentHi);
    if (that < 0) return null;
    start = that + 1;
  }
  let end = contentHi;
  // `Voters, who said they wanted change, backed ...`: a relative clause between commas ends at its comma.
  const last = tokens[speaker.end - 1].text.toLowerCase();
  if ((last === 'who' || last === 'which') && speaker.end - 2 >= lo && tokens[speaker.end - 2].text === ',') {
    for (let k = start; k < contentHi; k++)
      if (tokens[k].text === ',') {
        end = k;
        break;
      }
  }
  return { cue: m, speaker, content: { start, end }, rule };
}

/** Words that open an adjunct, not reported content: `said as he left`, `said before he died`. (`said
 * about the plan`, `asked for help`, `vowed to act` do report speech, on its topic.) */
const ADJUNCT_OPENERS = new Set([
  'as',
  'before',
  'after',
  'while',
  'during',
  'at',
  'from',
  'than',
  'and',
  'or',
  'but',
  'so',
  'too',
  'afterwards',
  'later',
  'when',
]);

/** Reported content opens a clause: at least two words, not starting with a preposition or conjunction. */
function opensContent(tokens: readonly Token[], start: number, end: number): boolean {
  // `75 percent said yes`
  if (end - start === 1) return /^(yes|no|so)$/i.test(tokens[start].text);
  if (end - start < 2) return false;
  // After `that` anything goes (`said that in 1998, ...`).
  if (start > 0 && tokens[start - 1].text.toLowerCase() === 'that') return true;
  const first = tokens[start];
  const w = first.text.toLowerCase();
  const next = tokens[start + 1];
  // `vowed to punish`, `told his advisers to ...` are attributions; `said about 20 people` is a number.
  if (w === 'to' && next.tag === 'VB') return true;
  if ((w === 'about' || w === 'over') && next.tag === 'CD') return true;
  if (ADJUNCT_OPENERS.has(w)) return false;
  return !(first.tag === 'RB' && end - start < 4);
}

/** `Noting that A, X said B` (A is X's) and `X said A, adding that B` (B is X's). */
function participleClause(
  tokens: readonly Token[],
  m: CueMatch,
  lo: number,
  contentHi: number,
  found: Found[],
): Found | null {
  const main = nearest(found, m.start);
  const start = trimStart(tokens, m.end, contentHi);
  if (!main?.speaker) {
    // `Clinton attacked Trump, saying ...`: the speaker is the subject of the sentence.
    const subject =
      m.start - 1 > lo && tokens[m.start - 1].text === ',' ? clauseSubject(tokens, lo, m.start) : null;
    return subject
      ? { cue: m, speaker: subject, content: { start, end: contentHi }, rule: 'reported:participle-subject' }
      : null;
  }
  if (m.start <= lo + 1 && main.speaker.start > m.start) {
    // Sentence-initial: the clause runs to the comma before the main speaker.
    return {
      cue: m,
      speaker: main.speaker,
      content: { start, end: trimEnd(tokens, start, main.speaker.start) },
      rule: 'reported:participle-leading',
    };
  }
  if (m.start - 1 >= lo && tokens[m.start - 1].text === ',' && m.start > main.cue.start)
    return {
      cue: m,
      speaker: main.speaker,
      content: { start, end: contentHi },
      rule: 'reported:participle-trailing',
    };
  return null;
}

function nearest(found: Found[], i: number): Found | null {
  let best: Found | null = null;
  for (const f of found) if (!best || Math.abs(f.cue.start - i) < Math.abs(best.cue.start - i)) best = f;
  return best;
}

function adjectival(tokens: readonly Token[], start: number, end: number, lo: number, hi: number): boolean {
  if (start - 1 < lo || end >= hi) return false;
  const before = tokens[start - 1];
  const after = tokens[end].tag;
  const determiner = before.tag === 'DT' || before.tag === 'CD' || before.tag === 'PRP$';
  return determiner && after !== undefined && after.startsWith('NN');
}

/** How far after the noun the `is that` / `is to` may come (`X's position on the crisis is to ...`). */
const POSITION_REACH = 8;

/** `X's position (on Y) is that ...` / `... is to ...`: X holds the stated position. */
function statedPosition(
  tokens: readonly Token[],
  m: CueMatch,
  lo: number,
  contentHi: number,
  blocked: Uint8Array,
): Found | null {
  const possessive = m.start - 1;
  if (possessive <= lo || !/^['’]s$/.test(tokens[possessive].text)) return null;
  const speaker = speakerBefore(tokens, possessive, lo);
  if (!speaker || blockedRange(blocked, speaker)) return null;
  for (let i = m.end; i < Math.min(contentHi - 1, m.end + POSITION_REACH); i++) {
    if (!BE_FORMS.has(tokens[i].text.toLowerCase())) continue;
    const next = tokens[i + 1].text.toLowerCase();
    if (next === 'that')
      return { cue: m, speaker, content: { start: i + 2, end: contentHi }, rule: 'reported:position' };
    if (next === 'to')
      return { cue: m, speaker, content: { start: i + 1, end: contentHi }, rule: 'reported:position' };
    return null;
  }
  return null;
}

/** Index of a `that` opening the content within a few tokens after an adjunct, or -1. */
function thatAfterAdjunct(tokens: readonly Token[], start: number, end: number): number {
  for (let i = start + 1; i < Math.min(end - 1, start + 10); i++) {
    const w = tokens[i].text.toLowerCase();
    if (w === 'that') return i;
    if (w === ',' || w === ';' || w === ':') return -1;
  }
  return -1;
}

/** `It was announced by the ministry that ...`: the agent after `by` is the speaker. */
function passiveClause(tokens: readonly Token[], m: CueMatch, hi: number, contentHi: number): Found | null {
  if (m.end >= contentHi || tokens[m.end].text.toLowerCase() !== 'by') return null;
  const speaker = speakerAfter(tokens, m.end + 1, hi, true);
  if (!speaker) return null;
  const start = trimStart(tokens, speaker.end, contentHi);
  if (!opensContent(tokens, start, contentHi)) return null;
  return { cue: m, speaker, content: { start, end: contentHi }, rule: 'reported:passive' };
}
