/** What the quote extractors propose and the refiners dispose of, before it becomes a `Quote`. */
import type { Token } from '../doc.js';
import type { TokenRange } from './speaker.js';

export interface Proposal {
  kind: 'direct' | 'indirect';
  /** Content, character offsets. */
  start: number;
  end: number;
  /** Content, token range (for overlap checks and blocking). */
  tokens: TokenRange;
  /** Cue, token range; null when the quotation marks alone mark it (an unattributed quotation). */
  cue: TokenRange | null;
  /** The opening quotation mark of a direct quote: the cue when no attribution is found. */
  mark?: TokenRange;
  /** A direct quote's tokens from its opening to its closing mark. */
  marks?: TokenRange;
  speaker: TokenRange | null;
  rule: string;
  /** True when the speaker was found next to this quote's own cue, not borrowed from a neighbour. */
  attributed: boolean;
  /** Paragraph of the content start, for borrowing a neighbour's speaker. */
  paragraph: number;
}

/** Index of the token containing or following character `offset` (binary search). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The character span of a token range. */
export function charSpan(tokens: readonly Token[], r: TokenRange): { start: number; end: number } {
  return { start: tokens[r.start].start, end: tokens[r.end - 1].end };
}
