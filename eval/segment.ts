/**
 * Sentence boundaries and tokens against CoNLL-2003 (Reuters 1996 stories, gold tokens and sentences).
 *
 *   npm run eval:segment [-- --split testa|train]
 *
 * Each document's gold tokens are joined into running text the way a wire would print them (no space
 * before `, . ; : ! ? ) 's n't`, none after `( $`, straight quotes paired), gold sentences joined by one space
 * on one line, so that no line break gives a boundary away. The text goes through cleaning and the segment
 * stage; sentence ends and tokens are mapped back to that text through the alignment and compared:
 *
 * - boundaries: gold sentence ends that follow end punctuation (`.`, `!`, `?`, possibly then a closing
 *   quote), against every predicted sentence end; a document's last sentence end is not a boundary, and a
 *   boundary just before a closing quote counts as the one after it (CoNLL often puts the quote in the
 *   next sentence).
 *   Gold ends without punctuation (a headline, a dateline such as `LONDON 1996-08-30`) cannot be found on a
 *   single line and are left out (counted apart).
 * - tokens: exact [start, end) spans.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanStage } from '../src/clean/clean-stage.js';
import { buildPipeline } from '../src/pipeline.js';
import { segmentStage } from '../src/text/segment-stage.js';

const GOLD_DIR = fileURLToPath(new URL('../../shared/gold/conll2003/', import.meta.url));

export interface GoldDoc {
  text: string;
  tokens: { start: number; end: number }[];
  /** Character offset where each gold sentence ends. */
  sentenceEnds: number[];
  /** Whether that sentence ends with end punctuation (possibly then a closing quote). */
  punctuated: boolean[];
}

const NO_SPACE_BEFORE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '%',
  "n't",
  "'s",
  "'S",
  "'re",
  "'ll",
  "'ve",
  "'d",
  "'m",
]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

/** Reads CoNLL-2003 into documents of running text with gold token and sentence offsets. */
export function readConllDocs(content: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let sentences: string[][] = [];
  let current: string[] = [];
  const flushSentence = () => {
    if (current.length) sentences.push(current);
    current = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (sentences.length) docs.push(detokenize(sentences));
    sentences = [];
  };
  for (const line of content.split('\n')) {
    if (line.startsWith('-DOCSTART-')) flushDoc();
    else if (line.trim() === '') flushSentence();
    else current.push(line.split(' ')[0]);
  }
  flushDoc();
  return docs;
}

function detokenize(sentences: string[][]): GoldDoc {
  let text = '';
  const tokens: GoldDoc['tokens'] = [];
  const sentenceEnds: number[] = [];
  const punctuated: boolean[] = [];
  let quoteOpen = false; // straight quotes pair over the document: CoNLL often starts a sentence with the closing one
  for (const sentence of sentences) {
    let glue = text === '' ? '' : ' ';
    for (const tok of sentence) {
      let space = glue;
      if (tok === '"') {
        if (quoteOpen) space = '';
        quoteOpen = !quoteOpen;
      } else if (NO_SPACE_BEFORE.has(tok)) space = '';
      if (text === '') space = '';
      text += space;
      tokens.push({ start: text.length, end: text.length + tok.length });
      text += tok;
      glue = NO_SPACE_AFTER.has(tok) || (tok === '"' && quoteOpen) ? '' : ' ';
    }
    sentenceEnds.push(text.length);
    const last = sentence[sentence.length - 1];
    const beforeQuote = sentence[sentence.length - 2] ?? '';
    punctuated.push(/^[.!?]+$/.test(last) || (last === '"' && /^[.!?]+$/.test(beforeQuote)));
  }
  return { text, tokens, sentenceEnds, punctuated };
}

/** A boundary right before a closing quote counts as the boundary after it (`said. "` / `said."`). */
function pastClosingQuote(text: string, at: number): number {
  let p = at;
  while (text[p] === '"' && (p + 1 === text.length || text[p + 1] === ' ')) p++;
  return p;
}

export interface SegmentScores {
  boundaries: { tp: number; fp: number; fn: number; unpunctuated: number };
  tokens: { tp: number; fp: number; fn: number };
}

const pipeline = buildPipeline([cleanStage, segmentStage]);

/** Scores sentence boundaries and tokens of the segment stage on gold documents. */
export function scoreSegmentation(docs: readonly GoldDoc[]): SegmentScores {
  const b = { tp: 0, fp: 0, fn: 0, unpunctuated: 0 };
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const g of docs) {
    const doc = pipeline.run({ date: null, text: g.text });
    const sentences = doc.sentences!;
    const predicted = new Set(
      sentences.slice(0, -1).map((s) => pastClosingQuote(g.text, doc.alignment.toRaw(s.end, 'end'))),
    );
    const gold = new Set<number>();
    g.sentenceEnds.slice(0, -1).forEach((end, i) => {
      if (g.punctuated[i]) gold.add(pastClosingQuote(g.text, end));
      else b.unpunctuated++;
    });
    for (const p of predicted) if (gold.has(p)) b.tp++;
    // A predicted end at an unpunctuated gold end is neither rewarded nor punished.
    const unpunctuatedEnds = new Set(
      g.sentenceEnds.filter((_, i) => !g.punctuated[i]).map((e) => pastClosingQuote(g.text, e)),
    );
    for (const p of predicted) if (!gold.has(p) && !unpunctuatedEnds.has(p)) b.fp++;
    for (const e of gold) if (!predicted.has(e)) b.fn++;

    const goldTokens = new Set(g.tokens.map((x) => `${x.start}:${x.end}`));
    const ours = new Set(
      doc.tokens!.map((x) => `${doc.alignment.toRaw(x.start, 'start')}:${doc.alignment.toRaw(x.end, 'end')}`),
    );
    for (const k of ours) if (goldTokens.has(k)) t.tp++;
    t.fp += ours.size - [...ours].filter((k) => goldTokens.has(k)).length;
    for (const k of goldTokens) if (!ours.has(k)) t.fn++;
  }
  return { boundaries: b, tokens: t };
}

export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function main(): number {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'testa' } } });
  const path = `${GOLD_DIR}eng.${values.split}`;
  if (!existsSync(path)) {
    process.stderr.write(
      `eval:segment: ${path} is absent (../shared/gold/conll2003 sits beside the checkout)\n`,
    );
    return 1;
  }
  const docs = readConllDocs(readFileSync(path, 'utf8'));
  const t0 = performance.now();
  const s = scoreSegmentation(docs);
  const ms = performance.now() - t0;
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const row = (name: string, c: { tp: number; fp: number; fn: number }) => {
    const { p, r, f1 } = prf(c.tp, c.fp, c.fn);
    return `${name.padEnd(22)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})\n`;
  };
  process.stdout.write(`CoNLL-2003 eng.${values.split}: ${docs.length} documents (${ms.toFixed(0)} ms)\n`);
  process.stdout.write(row('sentence boundaries', s.boundaries));
  process.stdout.write(row('tokens', s.tokens));
  process.stdout.write(
    `(${s.boundaries.unpunctuated} gold sentence ends without end punctuation, such as headlines and datelines, left out)\n`,
  );
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main());
