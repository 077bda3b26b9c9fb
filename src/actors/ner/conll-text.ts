/**
 * A CoNLL-2003 document as running text, the way the pipeline reads news: one sentence per paragraph,
 * tokens joined by spaces, with the gold names as character spans of that text. Used to train the name
 * tagger on the pipeline's own tokens and to evaluate it end to end.
 */
import type { Doc } from '../../doc.js';
import type { ConllDocument } from '../../text/pos-conll.js';
import { NER_TYPES, type NerType } from './tagger.js';

export interface GoldName {
  start: number;
  end: number;
  type: NerType;
}

export function conllText(doc: ConllDocument): { text: string; names: GoldName[] } {
  const lines: string[] = [];
  const names: GoldName[] = [];
  let at = 0;
  for (const s of doc.sentences) {
    let line = '';
    let open: GoldName | null = null;
    s.words.forEach((w, i) => {
      if (line) line += ' ';
      const start = at + line.length;
      line += w;
      const tag = s.ner[i];
      if (open && (tag === 'O' || tag.startsWith('B-'))) open = null;
      if (tag !== 'O') {
        if (!open) names.push((open = { start, end: 0, type: tag.slice(2) as NerType }));
        open.end = start + w.length;
      }
    });
    lines.push(line);
    at += line.length + 2;
  }
  return { text: lines.join('\n\n'), names: names.filter((n) => NER_TYPES.includes(n.type)) };
}

/**
 * Projects gold names onto a processed document's tokens as IOB2 tags: a token takes the type of the
 * name its first character falls in (offsets compared in the raw text).
 */
export function projectNames(doc: Doc, names: readonly GoldName[]): string[] {
  const tokens = doc.tokens ?? [];
  const tags: string[] = [];
  let k = 0;
  let lastName = -1;
  for (const t of tokens) {
    const start = doc.alignment.toRaw(t.start, 'start');
    while (k < names.length && names[k].end <= start) k++;
    const name = names[k];
    if (name && name.start <= start && start < name.end) {
      tags.push((lastName === k ? 'I-' : 'B-') + name.type);
      lastName = k;
    } else {
      tags.push('O');
      lastName = -1;
    }
  }
  return tags;
}
