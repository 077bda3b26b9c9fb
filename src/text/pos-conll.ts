/**
 * Reads CoNLL-2003 column files (`token POS chunk NER`, sentences separated by blank lines, documents by
 * `-DOCSTART-`) and converts their IOB1 chunk and name tags to IOB2 (every chunk starts with `B-`).
 */
import { readFileSync } from 'node:fs';

export interface ConllSentence {
  words: string[];
  pos: string[];
  /** IOB2 chunk tags. */
  chunk: string[];
  /** IOB2 name tags (`B-PER`, `I-ORG`, `O`). */
  ner: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** IOB1 to IOB2: an `I-X` that does not continue an `X` chunk starts one. */
export function iob1to2(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = i > 0 ? tags[i - 1] : 'O';
    return prev === 'O' || prev.slice(2) !== tag.slice(2) ? 'B-' + tag.slice(2) : tag;
  });
}

export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    if (!doc) {
      doc = { sentences: [] };
      docs.push(doc);
    }
    doc.sentences.push({
      words: rows.map((r) => r[0]),
      pos: rows.map((r) => r[1]),
      chunk: iob1to2(rows.map((r) => r[2])),
      ner: iob1to2(rows.map((r) => r[3])),
    });
    rows = [];
  };
  for (const line of content.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc = { sentences: [] };
      docs.push(doc);
    } else if (cols.length < 4) flush();
    else rows.push(cols);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

export function readConll(file: string): ConllDocument[] {
  return parseConll(readFileSync(file, 'utf8'));
}

/**
 * Allowed IOB2 transitions: `table[prev + 1][c]` is whether class `c` may follow class `prev` (`-1` is
 * the start of the sentence). `I-X` may only continue a `B-X` or `I-X`.
 */
export function iobAllowed(classes: readonly string[]): boolean[][] {
  const table: boolean[][] = [];
  for (let prev = -1; prev < classes.length; prev++) {
    const p = prev < 0 ? 'O' : classes[prev];
    table.push(classes.map((c) => !c.startsWith('I-') || (p !== 'O' && p.slice(2) === c.slice(2))));
  }
  return table;
}
