import type { Doc, TimeExpression } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { valueBounds } from './calendar.js';
import { newContext, type Candidate, type TimeContext } from './context.js';
import { calendarDates } from './extract/calendar-dates.js';
import { clock } from './extract/clock.js';
import { durations } from './extract/durations.js';
import { quarters } from './extract/quarters.js';
import { relative } from './extract/relative.js';
import { sets } from './extract/sets.js';
import { vague } from './extract/vague.js';
import { weekdays } from './extract/weekdays.js';
import { years } from './extract/years.js';
import { dropImplausible } from './refine/plausible.js';
import { dropOverlaps } from './refine/overlaps.js';
import { mergeRanges } from './refine/ranges.js';
import {
  START_CALENDAR,
  START_CLOCK,
  START_DURATIONS,
  START_QUARTERS,
  START_RELATIVE,
  START_SETS,
  START_VAGUE,
  START_WEEKDAYS,
  START_YEARS,
} from './starts.js';
import { tokenTypes } from '../text/word-types.js';
import { sentenceView, type SentenceView } from './words.js';

/**
 * Runs the extractors over a sentence in priority order: between proposals of equal length the earlier one
 * wins (`$5 a year` is a SET before it is a DURATION). The clock runs last so it can take its day from a
 * date before it. Each runs only if the sentence has a word it can start at (its `starts.ts` bit). Each is
 * called by name, one call site per extractor (V8 can inline it there), where a loop over a list of them
 * made one call site shared by nine functions.
 */
function extractAll(view: SentenceView, ctx: TimeContext, cands: Candidate[]): void {
  const starts = view.starts;
  if (starts & START_CALENDAR) calendarDates(view, ctx, cands);
  if (starts & START_YEARS) years(view, ctx, cands);
  if (starts & START_QUARTERS) quarters(view, ctx, cands);
  if (starts & START_RELATIVE) relative(view, ctx, cands);
  if (starts & START_WEEKDAYS) weekdays(view, ctx, cands);
  if (starts & START_SETS) sets(view, ctx, cands);
  if (starts & START_DURATIONS) durations(view, ctx, cands);
  if (starts & START_VAGUE) vague(view, ctx, cands);
  if (starts & START_CLOCK) clock(view, ctx, cands);
}

/** Finds and normalises the time expressions of one article against its publication date. */
export function findTimes(doc: Doc): TimeExpression[] {
  const ctx = newContext(doc.date, doc.text);
  const times: TimeExpression[] = [];
  const sentences = doc.sentences ?? [];
  const ids = tokenTypes(doc.tokens ?? []);
  for (let si = 0; si < sentences.length; si++) {
    const view = sentenceView(doc, sentences[si], si, ids);
    if (!view) continue;
    let cands: Candidate[] = [];
    extractAll(view, ctx, cands);
    cands = dropImplausible(view, cands, ctx);
    cands = dropOverlaps(cands);
    cands = mergeRanges(view, cands);
    for (const c of cands) {
      const start = view.words[c.first].start;
      const end = view.words[c.last].end;
      const text = doc.text.slice(start, end);
      let from: string | undefined;
      let to: string | undefined;
      if (c.from && c.to) {
        from = c.from;
        to = c.to;
      } else if (c.type === 'DATE' || c.type === 'TIME') {
        const bounds = valueBounds(c.value);
        if (bounds) {
          from = bounds.from;
          to = bounds.to;
        }
      }
      // Each expression built whole as one literal, in the key order the output has always had (`from` and
      // `to` last when there are bounds), not given its bounds by two stores that each change its map.
      const t: TimeExpression =
        from !== undefined && to !== undefined
          ? { start, end, text, type: c.type, value: c.value, stage: 'times', rule: c.rule, from, to }
          : { start, end, text, type: c.type, value: c.value, stage: 'times', rule: c.rule };
      times.push(t);
    }
  }
  return times;
}

/** The `times` stage: every time expression, typed and normalised TIMEX3-style, with its calendar extent. */
export const timesStage: Stage = {
  name: 'times',
  requires: ['sentences', 'tokens'],
  adds: ['times'],
  run(doc: Doc): Doc {
    doc.times = findTimes(doc);
    return doc;
  },
};
