import type { Doc, Mention, MentionType } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { FACT_DEMONYM, FACT_ORG_HEAD, FACT_TITLE, NerInput, nerInputOfDoc } from './features.js';
import { G_TITLE, isDemonym, isOrganizationHead, isTitle } from './gazetteer.js';
import { F_UPPER_INITIAL } from '../../text/pos-features.js';
import { joinBridgedRuns, joinParticles, splitAtTitle } from './refine-spans.js';
import { nameTagger, type NerType } from './tagger.js';

const TYPE: Record<NerType, MentionType> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  MISC: 'other',
};

/** A mention's rule before refiners: `perceptron:` and the tagger's type (one string per type, made once). */
const RULE: Record<NerType, string> = {
  PER: 'perceptron:PER',
  ORG: 'perceptron:ORG',
  LOC: 'perceptron:LOC',
  MISC: 'perceptron:MISC',
};

/**
 * The tagger's input, reloaded for each document (nothing holds it between documents), with room for a
 * long article's tokens (see `NerInput`).
 */
const reusedInput = new NerInput(2048);

/**
 * Proper-name mentions (`person`, `organization`, `location`, `nationality`, `other`) from the name
 * tagger, one per name span; `actor` is left for actor coding. The rule records the tagger's type, and
 * `demonym` when a MISC name was retyped as a nationality.
 */
export const namesStage: Stage = {
  name: 'names',
  requires: ['pos'],
  adds: ['mentions'],
  run(doc: Doc): Doc {
    const tokens = doc.tokens ?? [];
    const offset = doc.sentences?.[0]?.tokenStart ?? 0;
    const input = nerInputOfDoc(doc, reusedInput);
    const tagger = nameTagger();
    const mentions: Mention[] = [];
    const spans = joinBridgedRuns(
      joinParticles(splitAtTitle(tagger.spans(tagger.tag(input), input), input), input),
      input,
    );
    for (const span of spans) {
      // A person's name never includes the title before it (`Mr. Wang` is the name `Wang`). A name of
      // another type that starts with an abbreviated title (`Gen. Andrei Volkov`) is a person's.
      let rule = span.rule === undefined ? RULE[span.type] : `${RULE[span.type]}${span.rule}`;
      if (
        span.type !== 'PER' &&
        span.end - span.start > 1 &&
        input.text(span.start).endsWith('.') &&
        input.typeFact(span.start, FACT_TITLE, isTitle, false)
      ) {
        rule += '+honorific';
        span.type = 'PER';
      }
      while (
        span.type === 'PER' &&
        span.end - span.start > 1 &&
        input.typeFact(span.start, FACT_TITLE, isTitle, false)
      ) {
        span.start++;
        if (!rule.endsWith('+title-trimmed')) rule += '+title-trimmed';
      }
      // The tail of a title phrase begun before the name (`Secretary of State | Antony Blinken`).
      while (
        span.end - span.start > 1 &&
        input.gaz[span.start] & G_TITLE &&
        !(input.gazBegin[span.start] & G_TITLE) &&
        input.flags[span.start + 1] & F_UPPER_INITIAL
      ) {
        span.start++;
        span.type = 'PER';
        if (!rule.endsWith('+title-trimmed')) rule += '+title-trimmed';
      }
      // An abbreviated title standing alone (`Rep.`, `Gen.`) is not a name; a full word may be a
      // surname (`King`, `Prince`).
      if (
        span.end - span.start === 1 &&
        input.text(span.start).endsWith('.') &&
        input.typeFact(span.start, FACT_TITLE, isTitle, false)
      )
        continue;
      const start = tokens[offset + span.start].start;
      const end = tokens[offset + span.end - 1].end;
      const text = doc.text.slice(start, end);
      let type = TYPE[span.type];
      // (A one-token name is its token's text, whose type may be tested already.)
      const demonym =
        span.type === 'MISC' &&
        (span.end - span.start === 1 && text === input.text(span.start)
          ? input.typeFact(span.start, FACT_DEMONYM, isDemonym, false)
          : isDemonym(text));
      if (demonym) {
        type = 'nationality';
        rule += '+demonym';
      } else if (
        span.type === 'MISC' &&
        input.typeFact(span.end - 1, FACT_ORG_HEAD, isOrganizationHead, false)
      ) {
        type = 'organization';
        rule += '+org-head';
      }
      mentions.push({ start, end, text, type, actor: null, stage: 'names', rule });
    }
    mentions.unshift(...(doc.mentions ?? []));
    const merged = mergeModifiedOrganizations(doc.text, mentions);
    // Mostly in order already (the names come in text order): sorted only when not.
    doc.mentions = inOrder(merged) ? merged : merged.sort(byPlace);
    return doc;
  },
};

/** Mentions by start, the longer first at the same start. */
const byPlace = (a: Mention, b: Mention): number => a.start - b.start || b.end - a.end;

/** Whether `byPlace` would leave the mentions as they are (a stable sort keeps equal ones in order). */
function inOrder(mentions: readonly Mention[]): boolean {
  for (let k = 1; k < mentions.length; k++) if (byPlace(mentions[k - 1], mentions[k]) > 0) return false;
  return true;
}

/**
 * A refiner: a nationality or place written directly before an organisation name is part of that name
 * (`Chinese Foreign Ministry`, `China Media Group`), though CoNLL-2003 tags the two apart.
 */
export function mergeModifiedOrganizations(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    // (Not `out[-1]` when empty: a negative index is looked up as a property, by a slow path.)
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (
      prev !== undefined &&
      prev.stage === 'names' &&
      m.stage === 'names' &&
      m.type === 'organization' &&
      (prev.type === 'nationality' || prev.type === 'location') &&
      prev.end + 1 === m.start &&
      text[prev.end] === ' '
    ) {
      out[out.length - 1] = {
        ...m,
        start: prev.start,
        text: text.slice(prev.start, m.end),
        rule: `${prev.rule}+${m.rule}`,
      };
    } else out.push(m);
  }
  return out;
}
