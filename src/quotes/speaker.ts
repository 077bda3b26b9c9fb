/**
 * Finds the speaker phrase next to a cue: the noun phrase before it (`the spokesperson said`, `Chinese
 * Foreign Ministry spokeswoman Hua Chunying said`, `Wang Wenbin, another spokesperson, told`) or after it
 * (`said Wang`). Works on token shapes and a few closed word classes; uses Penn tags when a tagger ran.
 */
import type { Token } from '../doc.js';
import {
  CUE_MODIFIERS,
  DETERMINERS,
  isCapitalised,
  isWord,
  NOT_SPEAKER_HEADS,
  PHRASE_BREAKERS,
  SUBJECT_PRONOUNS,
} from './words.js';

/** Token range `[start, end)`. */
export interface TokenRange {
  start: number;
  end: number;
}

const MAX_PHRASE = 9;
const SENTENCE_ADVERBS = new Set([
  'however',
  'meanwhile',
  'yesterday',
  'today',
  'still',
  'now',
  'instead',
  'indeed',
  'later',
  'earlier',
  'separately',
  'asked',
]);
/** Penn tags of words inside a noun phrase: nouns, adjectives, numbers, possessives, `all`, `his`. */
const TAG_IN_PHRASE = /^(NN|JJ|CD|POS|PDT|PRP\$)/;
const TITLES = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'sen.',
  'rep.',
  'gov.',
  'gen.',
  'lt.',
  'col.',
  'prof.',
  'st.',
]);

/**
 * The last tokens lower-cased, by their start offset: the walks ask for the same few tokens again and
 * again (`phraseWord` and the phrase walk both lower-case a token, every cue's search walks the same
 * words left), and a capitalised name's lower-case form is a new string, hashed anew in every set it is
 * looked up in. A slot holds its token (so a token of another document is never taken for it).
 */
const LOWER_SLOTS = 64;
const lowerTokens: (Token | undefined)[] = new Array<Token | undefined>(LOWER_SLOTS).fill(undefined);
const lowerTexts: string[] = new Array<string>(LOWER_SLOTS).fill('');

function lower(t: Token): string {
  const slot = t.start & (LOWER_SLOTS - 1);
  if (lowerTokens[slot] === t) return lowerTexts[slot];
  const w = t.text.toLowerCase();
  lowerTokens[slot] = t;
  lowerTexts[slot] = w;
  return w;
}

/** Could this token sit inside a speaker noun phrase? */
function phraseWord(t: Token): boolean {
  const w = lower(t);
  // A capitalised word is a name whatever the tagger says (`Carly/RB Fiorina`), unless it is a function
  // word or a sentence adverb that happens to open the sentence.
  if (
    isCapitalised(t.text) &&
    isWord(t.text) &&
    !PHRASE_BREAKERS.has(w) &&
    !SUBJECT_PRONOUNS.has(w) &&
    !SENTENCE_ADVERBS.has(w)
  )
    return true;
  if (t.tag) return TAG_IN_PHRASE.test(t.tag) || (t.tag === 'DT' && DETERMINERS.has(w)) || TITLES.has(w);
  if (TITLES.has(w)) return true;
  if (w === "'s" || w === '’s' || w === '-' || w === '&') return true;
  if (!isWord(t.text)) return false;
  if (PHRASE_BREAKERS.has(w) || SUBJECT_PRONOUNS.has(w)) return false;
  return true;
}

/** Skips the adverbs and auxiliaries between a speaker and its cue, walking left from `i`. */
function skipModifiers(tokens: readonly Token[], i: number, lo: number): number {
  let j = i;
  while (j >= lo && j > i - 4) {
    const w = lower(tokens[j]);
    const prev = j - 1 >= lo ? lower(tokens[j - 1]) : '';
    if (CUE_MODIFIERS.has(w) && !SUBJECT_PRONOUNS.has(w)) j--;
    // `X on Wednesday said`, `X last week said`
    else if (WEEKDAYS.has(w)) j -= TIME_OPENERS.has(prev) ? 2 : 1;
    else if (PERIODS.has(w) && TIME_OPENERS.has(prev)) j -= 2;
    else break;
  }
  return j;
}

const WEEKDAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
]);
const PERIODS = new Set(['week', 'month', 'year', 'morning', 'night', 'evening', 'afternoon']);
const TIME_OPENERS = new Set(['on', 'last', 'this', 'late', 'early']);

/**
 * The noun phrase ending at token `last` (inclusive), walking left no further than `lo`: a pronoun, or a
 * run of phrase words that starts at a determiner, a capitalised word or the clause start.
 */
function phraseEndingAt(tokens: readonly Token[], last: number, lo: number): TokenRange | null {
  if (last < lo) return null;
  const w = lower(tokens[last]);
  // Both sets are asked for every word, not only for a pronoun outside `SUBJECT_PRONOUNS` (few): a call
  // that has not run when V8 optimizes this function sends it back to the interpreter when it first does.
  const subjectPronoun = SUBJECT_PRONOUNS.has(w);
  const notSpeaker = NOT_SPEAKER_HEADS.has(w);
  if (subjectPronoun || (tokens[last].tag === 'PRP' && !notSpeaker)) return { start: last, end: last + 1 };
  if (!phraseWord(tokens[last]) || notSpeaker || DETERMINERS.has(w)) return null;
  let start = last;
  while (start - 1 >= lo && last - start + 1 < MAX_PHRASE) {
    const prev = tokens[start - 1];
    const p = lower(prev);
    if (DETERMINERS.has(p)) {
      start--;
      // `60 percent of the workers`, `one of the ministers`: the phrase goes on through `of`.
      const of = start - 1;
      if (
        of - 1 >= lo &&
        lower(tokens[of]) === 'of' &&
        phraseWord(tokens[of - 1]) &&
        last - start + 3 < MAX_PHRASE
      ) {
        start = of;
        continue;
      }
      break;
    }
    // `Secretary of State John Kerry`, `55 percent of all voters`: `of` inside a noun phrase.
    if (
      p === 'of' &&
      start - 2 >= lo &&
      phraseWord(tokens[start - 2]) &&
      !DETERMINERS.has(lower(tokens[start - 2]))
    ) {
      start--;
      continue;
    }
    if (!phraseWord(prev)) break;
    start--;
  }
  // A lower-case phrase with no determiner is a speaker only when plural or a role (`officials said`);
  // reject lower-case run-on content (`... would help bring peace said`) by requiring a capital, a
  // determiner, a possessive, or a short phrase.
  const first = lower(tokens[start]);
  let hasCapital = false;
  for (let k = start; k <= last && !hasCapital; k++) {
    const text = tokens[k].text;
    hasCapital = isCapitalised(text) && isWord(text);
  }
  const counted = /^\p{N}/u.test(first);
  if (!hasCapital && !DETERMINERS.has(first) && !counted && last - start + 1 > 2) return null;
  return { start, end: last + 1 };
}

/**
 * The speaker before a cue at token `cue`, within `[lo, cue)`: skips `also`, `has`; takes an appositive
 * (`Wang Wenbin, another spokesperson, told`) whole.
 */
export function speakerBefore(tokens: readonly Token[], cue: number, lo: number): TokenRange | null {
  const j = skipModifiers(tokens, cue - 1, lo);
  if (j < lo) return null;
  if (tokens[j].text === ',') {
    // `NAME , APPOSITIVE ,` cue
    const appositive = phraseEndingAt(tokens, j - 1, lo);
    if (!appositive || appositive.start - 1 < lo || tokens[appositive.start - 1].text !== ',') return null;
    const head = phraseEndingAt(tokens, appositive.start - 2, lo);
    // One of the two must name someone: `Wang, another spokesperson,` or `the delegation head, Anna Petrova,`.
    const names = (r: TokenRange) =>
      tokens.slice(r.start, r.end).some((t) => isCapitalised(t.text) || SUBJECT_PRONOUNS.has(lower(t)));
    if (!head || !(names(head) || names(appositive))) return null;
    return { start: head.start, end: appositive.end };
  }
  // `voters who said`, `the report, which said`: the relative pronoun with its antecedent.
  const w = lower(tokens[j]);
  if (w === 'who' || w === 'which') {
    const k = j - 1 >= lo && tokens[j - 1].text === ',' ? j - 2 : j - 1;
    const antecedent = phraseEndingAt(tokens, k, lo);
    return { start: antecedent ? antecedent.start : j, end: j + 1 };
  }
  return phraseEndingAt(tokens, j, lo);
}

/** The speaker after a cue ending at token `after` (`said Wang`, `said the spokesman`), before `hi`. */
export function speakerAfter(
  tokens: readonly Token[],
  after: number,
  hi: number,
  loose = false,
): TokenRange | null {
  if (after >= hi) return null;
  const first = tokens[after];
  const w = lower(first);
  if (SUBJECT_PRONOUNS.has(w) || (loose && (w === 'him' || w === 'her' || w === 'them')))
    return { start: after, end: after + 1 };
  // After `said` a speaker starts with a name or a determiner; after `according to` any noun will do
  // (`according to exit polls`, `according to polling by ...`).
  if (!phraseWord(first)) return null;
  let end = after + 1;
  while (end < hi && end - after < MAX_PHRASE) {
    if (phraseWord(tokens[end])) end++;
    // `a statement from the city hall`, `the Ministry of Defence`
    else if (/^(of|from)$/i.test(tokens[end].text) && end + 1 < hi && phraseWord(tokens[end + 1])) end += 2;
    else break;
  }
  // A lower-case start is a speaker only with a name in it (`asked former prime minister Edouard Philippe`).
  const named = () => tokens.slice(after, end).some((t) => isCapitalised(t.text) && isWord(t.text));
  if (!(loose || DETERMINERS.has(w) || isCapitalised(first.text) || named())) return null;
  // `said Wang, a spokesman,`: take the appositive too.
  if (end + 1 < hi && tokens[end].text === ',' && DETERMINERS.has(lower(tokens[end + 1]))) {
    let k = end + 2;
    while (k < hi && k - end < MAX_PHRASE && phraseWord(tokens[k])) k++;
    end = k;
  }
  return { start: after, end };
}

/** The bare role that, in news, names the last quoted speaker again (`the spokesperson said`). */
const ROLES = /^spokes(person|man|woman)$/;

/**
 * Is the phrase `he`/`she` or `the spokesperson`, whose referent is the last named speaker when nothing
 * else resolves it? (`the mayor` is not: it may well be someone new.)
 */
export function isAnaphoric(tokens: readonly Token[], r: TokenRange): boolean {
  const first = lower(tokens[r.start]);
  if (r.end - r.start === 1) return first === 'he' || first === 'she';
  return first === 'the' && r.end - r.start === 2 && ROLES.test(lower(tokens[r.start + 1]));
}

/** Tokens that may sit between a clause's subject and a cue it governs at a distance. */
const SUBJECT_GAP_ENDS = new Set(['and', ',', ')', '—', '–', '-', '--']);

/**
 * The subject at the start of the clause, for a cue whose speaker is not next to it: `Reid caucused on
 * Saturday and says ...`, `Joe Bateman, who travelled ..., says ...`, `Sen. Warren (D-MA) said ...`,
 * `Clinton attacked Trump, saying ...`. Only when the token before the cue closes such a gap.
 */
export function clauseSubject(tokens: readonly Token[], lo: number, cue: number): TokenRange | null {
  const before = skipModifiers(tokens, cue - 1, lo);
  if (before < lo || !SUBJECT_GAP_ENDS.has(lower(tokens[before]))) return null;
  const first = subjectAt(tokens, lo, before, false);
  if (first) return first;
  // `In a speech, the senator criticised ... and said`: after an opening phrase, a subject followed by a verb.
  for (let k = lo; k < before; k++) {
    if (tokens[k].text !== ',') continue;
    const r = subjectAt(tokens, k + 1, before, true);
    if (r) return r;
  }
  return null;
}

function subjectAt(
  tokens: readonly Token[],
  from: number,
  before: number,
  needVerb: boolean,
): TokenRange | null {
  let i = from;
  while (i < before && !isWord(tokens[i].text)) i++;
  // `WASHINGTON — Sen. Sanders ...`: skip a dateline.
  let d = i;
  while (d < before && d - i < 4 && isWord(tokens[d].text) && tokens[d].text === tokens[d].text.toUpperCase())
    d++;
  if (d > i && d < before && /^(—|–|-|--)$/.test(tokens[d].text)) i = d + 1;
  if (i >= before) return null;
  const verbAt = (k: number) => k < before && /^(VB|MD)/.test(tokens[k].tag ?? '');
  if (SUBJECT_PRONOUNS.has(lower(tokens[i])))
    return !needVerb || verbAt(i + 1) ? { start: i, end: i + 1 } : null;
  if (!phraseWord(tokens[i])) return null;
  let end = i + 1;
  while (end < before && end - i < MAX_PHRASE && phraseWord(tokens[end])) end++;
  if (end >= before || (needVerb && !verbAt(end))) return null;
  let capital = false;
  for (let k = i; k < end && !capital; k++) capital = isCapitalised(tokens[k].text);
  if (!capital && !DETERMINERS.has(lower(tokens[i]))) return null;
  return { start: i, end };
}
