/**
 * Refiners: each takes the proposals and returns a better list.
 *   dropCoveredEmbedded  a quoted passage inside reported speech is part of that speech, not a quote
 *   borrowSpeakers       an unattributed quotation takes the speaker of the adjacent attribution
 *   resolveActors        the speaker phrase's actor, from the mention inside it; `he`, `she` or `the
 *                        spokesperson` with no mention at all takes the previous speaker's actor
 */
import type { Mention, Token } from '../doc.js';
import type { Proposal } from './proposal.js';
import { isAnaphoric, type TokenRange } from './speaker.js';

export function dropCoveredEmbedded(
  embedded: readonly Proposal[],
  reported: readonly Proposal[],
): Proposal[] {
  // Both lists come in text order and reported contents do not overlap each other: one merge-like sweep.
  const out: Proposal[] = [];
  let r = 0;
  for (const e of embedded) {
    while (r < reported.length && reported[r].end <= e.start) r++;
    if (!(r < reported.length && reported[r].start < e.end)) out.push(e);
  }
  return out;
}

/** How many paragraphs away an attribution may lend its speaker. */
const BORROW_REACH = 1;
const MAX_BORROW_STEPS = 6;

export function borrowSpeakers(sorted: Proposal[]): Proposal[] {
  for (let i = 0; i < sorted.length; i++) {
    const q = sorted[i];
    // Only a quotation standing as its own sentence borrows; a passage inside a sentence does not.
    if (q.speaker || (!q.rule.startsWith('direct:free') && !q.rule.startsWith('direct:unbalanced'))) continue;
    const donor = neighbour(sorted, i, -1) ?? neighbour(sorted, i, +1);
    if (!donor) continue;
    q.speaker = donor.speaker;
    q.cue ??= donor.cue;
    q.rule += ':inherited';
  }
  return sorted;
}

function neighbour(sorted: readonly Proposal[], i: number, step: -1 | 1): Proposal | null {
  // A few steps at most, so a paragraph of many unattributed quotations stays linear.
  for (let j = i + step, n = 0; j >= 0 && j < sorted.length && n < MAX_BORROW_STEPS; j += step, n++) {
    const d = sorted[j];
    if (Math.abs(d.paragraph - sorted[i].paragraph) > BORROW_REACH) return null;
    if (d.attributed && d.speaker) return d;
  }
  return null;
}

export interface ResolvedSpeaker {
  actor: string | null;
}

/**
 * Actor ids per proposal (same order). The mention chosen is the one inside the speaker phrase with an
 * actor, preferring names over pronouns and nominals; only mentions inside the speaker phrase count, so an
 * actor named in the content is never taken.
 */
export function resolveActors(
  sorted: readonly Proposal[],
  tokens: readonly Token[],
  mentions: readonly Mention[] | undefined,
): (string | null)[] {
  const out: (string | null)[] = [];
  let previous: string | null = null;
  const byStart = sorted.some((q) => q.speaker) ? mentionsByStart(mentions) : [];
  for (const q of sorted) {
    let actor: string | null = null;
    if (q.speaker) {
      actor = mentionActor(byStart, tokens, q.speaker);
      // Only where no mention covers the phrase: where coreference made a mention, its verdict stands.
      if (actor === null && isAnaphoric(tokens, q.speaker) && !covered(byStart, tokens, q.speaker))
        actor = previous;
      if (actor !== null) previous = actor;
    }
    out.push(actor);
  }
  return out;
}

/**
 * The mentions in order of their start: the list itself when it is in that order already (the actors
 * stage leaves it so), else a sorted copy (a stable sort, so the same order either way).
 */
function mentionsByStart(mentions: readonly Mention[] | undefined): readonly Mention[] {
  if (!mentions) return [];
  for (let i = 1; i < mentions.length; i++)
    if (mentions[i].start < mentions[i - 1].start) return [...mentions].sort((a, b) => a.start - b.start);
  return mentions;
}

const RANK: Record<string, number> = { person: 0, organization: 1, nominal: 2, pronoun: 3 };

function mentionActor(byStart: readonly Mention[], tokens: readonly Token[], r: TokenRange): string | null {
  if (!byStart.length) return null;
  const start = tokens[r.start].start;
  const end = tokens[r.end - 1].end;
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let best: Mention | null = null;
  for (let i = Math.max(0, lo - 2); i < byStart.length && byStart[i].start < end; i++) {
    const m = byStart[i];
    if (m.actor === null || m.end <= start || m.start >= end) continue;
    if (!best || (RANK[m.type] ?? 1.5) < (RANK[best.type] ?? 1.5)) best = m;
  }
  return best?.actor ?? null;
}

function covered(byStart: readonly Mention[], tokens: readonly Token[], r: TokenRange): boolean {
  const start = tokens[r.start].start;
  const end = tokens[r.end - 1].end;
  return byStart.some((m) => m.start < end && start < m.end);
}
