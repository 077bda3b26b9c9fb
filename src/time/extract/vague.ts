/**
 * Vague references: `now`, `currently`, `recently`, `soon`, `the future`, `in future`, `the past`,
 * `in recent years`, `these days`, `at present`. They are times but not calendar dates: their values are
 * PAST_REF, PRESENT_REF or FUTURE_REF, with no from/to. `for generations` is not a time expression.
 */
import { cls, modifiesNext, norm, normIs, type Extractor, candidate } from '../context.js';
import { START_VAGUE } from '../starts.js';

/** Adverbs that are a reference on their own. */
const ALONE = new Set([
  'now',
  'currently',
  'nowadays',
  'presently',
  'recently',
  'formerly',
  'lately',
  'soon',
]);

export const vague: Extractor = (s, _ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_VAGUE) === 0) continue; // see starts.ts
    const word = w[i].norm;
    // The neighbours' indexes, worked out once for all the tests below: a sum only a rare phrase
    // reached would first run after V8 optimized `vague` and send it back to the interpreter.
    const before = i - 1;
    const after = i + 1;
    const ref = cls(s, i, 'ref');
    if (!ref) {
      // these days
      if (word === 'these' && normIs(s, after, 'days')) {
        out.push(candidate(i, after, 'DATE', 'PRESENT_REF', 'these-days'));
        i++;
      }
      continue;
    }
    if (ALONE.has(word)) {
      if (word === 'now' && normIs(s, i + 1, 'that')) continue; // conjunction
      // `as soon as`, `soon after`: conjunctions and prepositions, not a reference to the future
      if (word === 'soon' && (normIs(s, i - 1, 'as') || normIs(s, i + 1, 'after') || normIs(s, i + 1, 'as')))
        continue;
      out.push(candidate(i, i, 'DATE', ref, `ref:${word}`));
      continue;
    }
    const prev = norm(s, before);
    const next = norm(s, after);
    // the future, the near future, in future, the past (not `the past three years`), at present
    if (word === 'future' || word === 'past' || word === 'present') {
      const nextIsTime = cls(s, i + 1, 'unit') || cls(s, i + 1, 'number') || /^\d/.test(next);
      if (nextIsTime || modifiesNext(s, i + 1)) continue; // adjective: `future plans`
      let first = -1;
      if (prev === 'the') first = before;
      else if (
        (prev === 'near' || prev === 'distant' || prev === 'recent' || prev === 'foreseeable') &&
        normIs(s, i - 2, 'the')
      )
        first = i - 2;
      else if ((prev === 'in' && word === 'future') || (prev === 'at' && word === 'present')) first = i;
      if (first >= 0) out.push(candidate(first, i, 'DATE', ref, `ref:the-${word}`));
      continue;
    }
    // recent years, recent months, recent weeks, recent days
    if (word === 'recent' && cls(s, i + 1, 'unit') && next.endsWith('s')) {
      const first = prev === 'the' ? before : i;
      out.push(candidate(first, after, 'DATE', 'PAST_REF', 'ref:recent-units'));
      i++;
    }
  }
  // the coming months, in coming weeks (`coming` is a shift word, not a reference)
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_VAGUE) === 0) continue; // see starts.ts
    if (
      (w[i].norm === 'coming' || w[i].norm === 'upcoming') &&
      cls(s, i + 1, 'unit') &&
      w[i + 1].norm.endsWith('s')
    ) {
      const first = normIs(s, i - 1, 'the') ? i - 1 : i;
      out.push(candidate(first, i + 1, 'DATE', 'FUTURE_REF', 'ref:coming-units'));
      i++;
    }
  }
};
