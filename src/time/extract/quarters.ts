/**
 * Parts of a year: quarters (`the third quarter`, `third-quarter`, `the fiscal first quarter of 1990`,
 * `the quarter`, `the latest quarter`), halves (`the first half`) and seasons (`this summer`, `last fall`,
 * `the summer of 1999`). A quarter without a year is the latest begun by the publication date; the
 * quarter last mentioned anchors later `the quarter` and `a year earlier`.
 */
import {
  clauseTense,
  cls,
  isCapitalised,
  modifiesNext,
  norm,
  normIs,
  yearWord,
  type Extractor,
  type TimeContext,
  candidate,
} from '../context.js';
import { quarterYear, shiftedQuarter } from '../resolve.js';
import type { SentenceView } from '../words.js';
import { START_QUARTERS } from '../starts.js';

/** `of 1989`, ` 1989` after word i: [year, last] or null. */
function yearAfter(s: SentenceView, i: number): [number, number] | null {
  const j = normIs(s, i + 1, 'of') ? i + 2 : i + 1;
  const y = yearWord(s.words[j]);
  return Number.isNaN(y) ? null : [y, j];
}

/**
 * Leftward extension over `the`, `fiscal`, a year (`1989 third quarter`) or a shifted year with a
 * possessive (`this year's`, `next year's`).
 */
function leftEdge(s: SentenceView, i: number, ctx: TimeContext): { first: number; year: number | null } {
  let f = i;
  if (normIs(s, f - 1, 'fiscal')) f--;
  const y = yearWord(s.words[f - 1]);
  if (!Number.isNaN(y)) return { first: normIs(s, f - 2, 'the') ? f - 2 : f - 1, year: y };
  const shift = cls(s, f - 3, 'shift');
  if (normIs(s, f - 1, "'s") && normIs(s, f - 2, 'year') && shift !== undefined && ctx.dctYear !== null)
    return { first: f - 3, year: ctx.dctYear + +shift };
  if (normIs(s, f - 1, 'the')) f--;
  return { first: f, year: null };
}

function anchorQuarter(ctx: TimeContext): { y: number; q: number } | null {
  return ctx.lastQuarter ?? shiftedQuarter(ctx, -1);
}

export const quarters: Extractor = (s, ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_QUARTERS) === 0) continue; // see starts.ts
    const word = w[i].norm;
    const next = norm(s, i + 1);
    const ord = cls(s, i, 'ordinal');
    if (ord && ord !== 'L' && +ord <= 4 && next === 'quarter') {
      const q = +ord;
      // `the third-quarter loss`: `the` belongs to `loss`
      const left =
        w[i + 1].joined && normIs(s, i - 1, 'the') ? { first: i, year: null } : leftEdge(s, i, ctx);
      const after = yearAfter(s, i + 1);
      const tense = clauseTense(s, left.first, i + 1) === 'future' ? 'future' : null;
      const y = after ? after[0] : (left.year ?? quarterYear(ctx, q, tense));
      const last = after ? after[1] : i + 1;
      const value = y === null ? `XXXX-Q${q}` : `${y}-Q${q}`;
      if (y !== null) ctx.lastQuarter = { y, q, sentence: s.index };
      out.push(candidate(left.first, last, 'DATE', value, 'quarter'));
      i = last;
      continue;
    }
    // the first half, first-half profit
    if (ord && ord !== 'L' && +ord <= 2 && next === 'half' && (normIs(s, i - 1, 'the') || w[i + 1].joined)) {
      const after = yearAfter(s, i + 1);
      // a second half not yet begun is last year's, unless the clause looks ahead
      const notBegun = +ord === 2 && (ctx.dctMonth ?? 12) < 7 && clauseTense(s, i, i + 1) !== 'future';
      const y = after ? after[0] : ctx.dctYear === null ? null : ctx.dctYear - (notBegun ? 1 : 0);
      if (y === null) continue;
      out.push(
        candidate(
          normIs(s, i - 1, 'the') && !w[i + 1].joined ? i - 1 : i,
          after ? after[1] : i + 1,
          'DATE',
          `${y}-H${ord}`,
          'half',
        ),
      );
      i = after ? after[1] : i + 1;
      continue;
    }
    // the quarter, the latest quarter (the last one ended), last year's quarter
    if (
      word === 'the' &&
      (next === 'quarter' ||
        ((next === 'latest' || next === 'recent') &&
          (normIs(s, i + 2, 'quarter') || normIs(s, i + 2, 'period'))))
    ) {
      const a = next === 'quarter' ? anchorQuarter(ctx) : shiftedQuarter(ctx, -1);
      if (!a) continue;
      const last = next === 'quarter' ? i + 1 : i + 2;
      out.push(candidate(i, last, 'DATE', `${a.y}-Q${a.q}`, 'the-quarter'));
      i = last;
      continue;
    }
    // the 1988 quarter, the 1989 period: the quarter under discussion in that year
    const y = yearWord(s.words[i + 1]);
    if (word === 'the' && !Number.isNaN(y) && (normIs(s, i + 2, 'quarter') || normIs(s, i + 2, 'period'))) {
      const a = anchorQuarter(ctx);
      if (!a) continue;
      out.push(candidate(i, i + 2, 'DATE', `${y}-Q${a.q}`, 'year-quarter'));
      i += 2;
      continue;
    }
    const shift = cls(s, i, 'shift');
    if (shift !== undefined && next === 'year' && normIs(s, i + 2, "'s") && normIs(s, i + 3, 'quarter')) {
      const a = anchorQuarter(ctx);
      if (!a || ctx.dctYear === null) continue;
      out.push(candidate(i, i + 3, 'DATE', `${ctx.dctYear + +shift}-Q${a.q}`, 'year-quarter'));
      i += 3;
      continue;
    }
    // Q3, Q1 2023, H1: business shorthand
    const short = /^([qh])([1-4])$/.exec(word);
    if (short && isCapitalised(w[i]) && (short[1] === 'q' || +short[2] <= 2)) {
      const n = +short[2];
      const after = yearAfter(s, i);
      const y = after ? after[0] : short[1] === 'q' ? quarterYear(ctx, n, null) : ctx.dctYear;
      if (y !== null) {
        if (short[1] === 'q') ctx.lastQuarter = { y, q: n, sentence: s.index };
        const last = after ? after[1] : i;
        out.push(candidate(i, last, 'DATE', `${y}-${short[1].toUpperCase()}${n}`, 'quarter-short'));
        i = last;
        continue;
      }
    }
    const season = cls(s, i, 'season');
    if (season) {
      const seasonShift = cls(s, i - 1, 'shift');
      const after = yearAfter(s, i);
      if (after) {
        const first = normIs(s, i - 1, 'the') ? i - 1 : i;
        out.push(candidate(first, after[1], 'DATE', `${after[0]}-${season}`, 'season-year'));
        i = after[1];
      } else if (seasonShift !== undefined && ctx.dctYear !== null && ctx.dctMonth !== null) {
        // `last winter` in March is the winter just ended; seasons start Mar, Jun, Sep, Dec.
        const starts: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
        // Every test and the sum on each such season (see `numberAt`: a compare or sum met first after V8
        // optimized `quarters` would send it back to the interpreter).
        const cur = ctx.dctMonth;
        const by = +seasonShift;
        const begun = starts[season] <= cur;
        const winter = season === 'WI';
        const december = cur === 12;
        const early = cur <= 2;
        const back = by < 0;
        const ahead = by > 0;
        const here = by === 0;
        const year = back ? (begun && !(winter && december) ? 0 : -1) : ahead ? (begun ? 1 : 0) : 0;
        const y = ctx.dctYear + year - (winter && early && here ? 1 : 0);
        out.push(candidate(i - 1, i, 'DATE', `${y}-${season}`, 'shift-season'));
      } else if (
        normIs(s, i - 1, 'the') &&
        // `the fall of Kabul`, `the fall in prices`, `the spring of discontent`: not seasons
        word !== 'fall' &&
        !normIs(s, i + 1, 'of') &&
        ctx.dctYear !== null &&
        ctx.dctMonth !== null &&
        !modifiesNext(s, i + 1)
      ) {
        // `the summer`: the one under way or just past, the next one in a future clause
        const starts: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
        const future = clauseTense(s, i - 1, i) === 'future';
        const begun = starts[season] <= ctx.dctMonth;
        const y = ctx.dctYear + (future ? (begun ? 1 : 0) : begun ? 0 : -1); // (one sum: see above)
        out.push(candidate(i - 1, i, 'DATE', `${y}-${season}`, 'the-season'));
      }
    }
  }
};
