/**
 * `npm run eval:pos`: part-of-speech token accuracy and chunk F1 (exact chunk spans, IOB2) on CoNLL-2003
 * `eng.testa`, tagging the gold tokens with the trained models, plus the taggers' speed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConll } from '../src/text/pos-conll.js';
import { SentenceValues } from '../src/text/pos-features.js';
import { posModels, tagSentence } from '../src/text/pos-tagger.js';

export interface PosScores {
  tokens: number;
  posAccuracy: number;
  chunk: { precision: number; recall: number; f1: number };
  tokensPerSecond: number;
  confusions: [string, number][];
}

/** Chunk spans `type:start:end` of an IOB2 sequence. */
export function iobSpans(tags: readonly string[]): Set<string> {
  const spans = new Set<string>();
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0) spans.add(`${type}:${start}:${end}`);
    start = -1;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag.startsWith('B-') || tag.slice(2) !== type) close(i);
    if (tag !== 'O' && start < 0) {
      start = i;
      type = tag.slice(2);
    }
  });
  close(tags.length);
  return spans;
}

export function evaluatePos(file: string, limit = Infinity): PosScores {
  const models = posModels();
  const sentences = readConll(file)
    .slice(0, limit)
    .flatMap((d) => d.sentences);
  const values = new SentenceValues();
  let right = 0;
  let total = 0;
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const confusions = new Map<string, number>();
  // Speed: a warm-up pass, then a timed pass (CPU time of this thread, so other jobs' load matters less).
  for (const s of sentences) tagSentence(values.load(s.words), models);
  const c0 = process.cpuUsage();
  for (const s of sentences) tagSentence(values.load(s.words), models);
  const c = process.cpuUsage(c0);
  const seconds = (c.user + c.system) / 1e6;
  for (const s of sentences) {
    values.load(s.words);
    tagSentence(values, models);
    const chunks: string[] = [];
    for (let i = 0; i < s.words.length; i++) {
      const tag = models.pos.classes[values.pos[i]];
      chunks.push(models.chunk.classes[values.chunk[i]]);
      total++;
      if (tag === s.pos[i]) right++;
      else {
        const key = `${s.pos[i]} -> ${tag}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      }
    }
    const want = iobSpans(s.chunk);
    const got = iobSpans(chunks);
    gold += want.size;
    predicted += got.size;
    for (const span of got) if (want.has(span)) tp++;
  }
  const precision = tp / Math.max(1, predicted);
  const recall = tp / Math.max(1, gold);
  return {
    tokens: total,
    posAccuracy: right / Math.max(1, total),
    chunk: { precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) },
    tokensPerSecond: total / Math.max(1e-9, seconds),
    confusions: [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 10),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file =
    process.argv[2] ?? fileURLToPath(new URL('../../shared/gold/conll2003/eng.testa', import.meta.url));
  if (!existsSync(file)) {
    console.error(`eval:pos needs ${file} (../shared beside the checkout); it is absent`);
    process.exit(2);
  }
  const r = evaluatePos(file);
  console.log(`CoNLL-2003 ${file.split('/').pop()}: ${r.tokens} tokens`);
  console.log(`part of speech: accuracy ${(100 * r.posAccuracy).toFixed(2)}%`);
  console.log(
    `chunks: precision ${r.chunk.precision.toFixed(4)} recall ${r.chunk.recall.toFixed(4)} F1 ${r.chunk.f1.toFixed(4)}`,
  );
  console.log(
    `speed (pos + chunk, features included, warm): ${Math.round(r.tokensPerSecond).toLocaleString('en')} tokens per CPU second`,
  );
  console.log('most frequent tag errors (gold -> predicted):');
  for (const [k, n] of r.confusions) console.log(`  ${n}\t${k}`);
}
