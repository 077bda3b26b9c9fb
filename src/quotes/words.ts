/** Small closed word classes the quote rules look at. Closed classes, so they live in code, not data. */

export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);

export const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'it']);

export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'another',
  'this',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'some',
  'several',
  'many',
  'two',
  'three',
  'other',
  'both',
  'one',
  'most',
  'few',
]);

/** Words that may stand between a speaker and the speech verb: `X also said`, `X has repeatedly said`. */
export const CUE_MODIFIERS = new Set([
  'also',
  'further',
  'again',
  'has',
  'have',
  'had',
  'later',
  'then',
  'previously',
  'once',
  'repeatedly',
  'publicly',
  'recently',
  'earlier',
  'reportedly',
  'separately',
  'would',
  'will',
  'often',
  'has',
  'had',
  'already',
  'privately',
  'initially',
  'subsequently',
  'similarly',
  'likewise',
  'frequently',
  'first',
  'simply',
  'flatly',
  'explicitly',
  'openly',
  'quickly',
  'bluntly',
  'specifically',
  'finally',
  'once',
  'himself',
  'herself',
  'themselves',
  'itself',
  'had',
  'did',
  'does',
  'do',
  'not',
  'never',
  'just',
]);

/**
 * Function words that end a speaker phrase when walking left from the cue (`... that the minister said`):
 * a speaker is a noun phrase, and these open a clause or a prepositional phrase.
 */
export const PHRASE_BREAKERS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'while',
  'because',
  'but',
  'and',
  'or',
  'if',
  'as',
  'than',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'with',
  'from',
  'about',
  'after',
  'before',
  'since',
  'into',
  'over',
  'under',
  'during',
  'against',
  'between',
  'through',
  'without',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'said',
  'says',
  'told',
  'not',
  'so',
  'what',
  'how',
  'why',
  'then',
  'there',
  'would',
  'will',
  'could',
  'should',
  'may',
  'might',
  'can',
  'must',
  'also',
  'even',
  'only',
  'just',
  'yet',
  'however',
  'though',
  'although',
  'whether',
  'nor',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
]);

/** Words that are never the head of a speaker: `... the deal would help, analysts said` is fine, `... is
 * important said` is not. Adjectives and verbs we meet right before a cue in run-on content. */
export const NOT_SPEAKER_HEADS = new Set(['this', 'that', 'there', 'here', 'what', 'which']);

export function isCapitalised(word: string): boolean {
  const c = word.codePointAt(0) ?? 0;
  return c >= 65 && c <= 90 ? true : c > 127 && /^\p{Lu}/u.test(word);
}

export function isWord(word: string): boolean {
  // An ASCII first character is told by its code (the letters and digits are its only \p{L} and \p{N}).
  const c = word.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return /^[\p{L}\p{N}]/u.test(word);
}

/** Opening and closing quotation marks, double and single. */
export const OPENING_MARKS = '“„«"';
export const CLOSING_MARKS = '”»"';
export const ALL_MARKS = '“”„«»"‘’\'';
