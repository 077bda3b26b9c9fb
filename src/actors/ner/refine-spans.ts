/**
 * Refiners over the tagger's token spans, before they become mentions. Each takes the spans of a document
 * and returns a better list; each notes what it did in the span's `rule`.
 */
import { F_UPPER_INITIAL } from '../../text/pos-features.js';
import { FACT_MISC_HEAD_WORD, FACT_ORG_HEAD_WORD, FACT_TITLE_WORD, type NerInput } from './features.js';
import { isMiscHead, isOrganizationHead, isTitle } from './gazetteer.js';
import type { NameSpan } from './tagger.js';

/** Lower-case words inside personal names (`Ursula von der Leyen`, `Mohammed bin Salman`). */
const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'zu',
]);

const capitalised = (x: NerInput, i: number) => (x.flags[i] & F_UPPER_INITIAL) !== 0;

/**
 * A name that runs on through a capitalised title into a person (`European Commission President Ursula`)
 * is two names: the part before the title (an organisation or place as tagged) and the person after it.
 */
export function splitAtTitle(spans: readonly NameSpan[], x: NerInput): NameSpan[] {
  const out: NameSpan[] = [];
  for (const span of spans) {
    let cut = -1;
    for (let i = span.start + 1; i < span.end - 1; i++)
      if (capitalised(x, i) && capitalised(x, i + 1) && x.typeFact(i, FACT_TITLE_WORD, isTitle, true))
        cut = i;
    if (cut < 0) {
      out.push(span);
      continue;
    }
    let p = cut;
    while (p > span.start && x.typeFact(p - 1, FACT_TITLE_WORD, isTitle, true)) p--;
    const rule = `${span.rule ?? ''}+split-at-title`;
    // Spans written out in the tagger's shape (start, end, type, rule), not spread: a spread copy has a map
    // of its own, and code compiled on the tagger's spans is thrown away when it first meets one.
    if (p > span.start)
      out.push({ start: span.start, end: p, type: span.type === 'PER' ? 'ORG' : span.type, rule });
    out.push({ start: cut + 1, end: span.end, type: 'PER', rule });
  }
  return out;
}

/**
 * A person's name goes on through lower-case particles to the capitalised words after them
 * (`Ursula` + `von der` + `Leyen`), swallowing whatever the tagger made of those words.
 */
export function joinParticles(spans: readonly NameSpan[], x: NerInput): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    if (span.type !== 'PER') {
      out.push(span);
      continue;
    }
    let i = span.end;
    const sentenceEnd = x.sEnd[span.start];
    while (i < sentenceEnd && PARTICLES.has(x.word(i))) i++;
    if (i === span.end || i >= sentenceEnd || !capitalised(x, i)) {
      out.push(span);
      continue;
    }
    let end = i + 1;
    while (end < sentenceEnd && capitalised(x, end) && !x.typeFact(end, FACT_TITLE_WORD, isTitle, true))
      end++;
    // Drop the spans the longer name now covers.
    while (k + 1 < spans.length && spans[k + 1].start < end) k++;
    out.push({ start: span.start, end, type: span.type, rule: `${span.rule ?? ''}+particles` });
  }
  return out;
}

/**
 * A run of capitalised words bridged by `and`, `of`, `for` or `&` that ends in the head word of an
 * initiative, agreement or competition (`Belt and Road Initiative`) or of an organisation (`Committee to
 * Protect Journalists` aside, `Bank for International Settlements`) is one name, however the tagger cut it.
 */
export function joinBridgedRuns(spans: readonly NameSpan[], x: NerInput): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    const start = x.runStart[span.start];
    const end = start >= 0 ? x.longEnd[start] + 1 : -1;
    const bridged = end > 0 && end - 1 !== x.runEnd[start];
    // (The head word is looked up only for a span that starts a bridged run, which few do.)
    const last = bridged && start === span.start ? end - 1 : -1;
    const head =
      last < 0
        ? null
        : x.typeFact(last, FACT_MISC_HEAD_WORD, isMiscHead, true)
          ? 'MISC'
          : x.typeFact(last, FACT_ORG_HEAD_WORD, isOrganizationHead, true)
            ? 'ORG'
            : null;
    if (!bridged || !head || start !== span.start) {
      out.push(span);
      continue;
    }
    // Not when it would swallow a person (`Lynn Reaser of Barnett Banks Inc.`) or join two complete
    // organisations (`Johnson Controls Inc and Lear Corp`).
    let covered = k;
    let person = false;
    // (a person cut short of the head word; a "person" holding the head word is the tagger's mistake)
    for (let c = k; c < spans.length && spans[c].start < end; c++) {
      covered = c;
      person ||= spans[c].type === 'PER' && spans[c].end < end;
    }
    let twoNames = false;
    for (let i = start + 1; i < end - 1; i++)
      if (!capitalised(x, i) && x.typeFact(i - 1, FACT_ORG_HEAD_WORD, isOrganizationHead, true))
        twoNames = true;
    if (person || twoNames) {
      out.push(span);
      continue;
    }
    k = covered;
    out.push({ start, end, type: head, rule: `${span.rule ?? ''}+bridged-run` });
  }
  return out;
}
