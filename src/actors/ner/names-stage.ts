import type { Doc, Mention, MentionType } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { NerInput } from './features.js';
import { isDemonym } from './gazetteer.js';
import { nameTagger, type NerType } from './tagger.js';

const TYPE: Record<NerType, MentionType> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  MISC: 'other',
};

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
    const sentences = (doc.sentences ?? []).map((s) => {
      const slice = tokens.slice(s.tokenStart, s.tokenEnd);
      return {
        words: slice.map((t) => t.text),
        pos: slice.map((t) => t.tag ?? ''),
        chunk: slice.map((t) => t.chunk ?? ''),
      };
    });
    const offset = doc.sentences?.[0]?.tokenStart ?? 0;
    const input = new NerInput().load(sentences);
    const tagger = nameTagger();
    const mentions: Mention[] = [];
    for (const span of tagger.spans(tagger.tag(input), input)) {
      const start = tokens[offset + span.start].start;
      const end = tokens[offset + span.end - 1].end;
      const text = doc.text.slice(start, end);
      let type = TYPE[span.type];
      let rule = `perceptron:${span.type}`;
      if (span.type === 'MISC' && isDemonym(text)) {
        type = 'nationality';
        rule += '+demonym';
      }
      mentions.push({ start, end, text, type, actor: null, stage: 'names', rule });
    }
    mentions.unshift(...(doc.mentions ?? []));
    doc.mentions = mergeModifiedOrganizations(doc.text, mentions).sort(
      (a, b) => a.start - b.start || b.end - a.end,
    );
    return doc;
  },
};

/**
 * A refiner: a nationality or place written directly before an organisation name is part of that name
 * (`Chinese Foreign Ministry`, `China Media Group`), though CoNLL-2003 tags the two apart.
 */
export function mergeModifiedOrganizations(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (
      prev &&
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
