/**
 * `npm run eval:entities`: exact-span precision, recall and F1 of name mentions per type (PER, ORG, LOC,
 * MISC) on CoNLL-2003 `eng.testa`, running the real stages (clean, segment, pos, names) on each document's
 * text rebuilt from its tokens (one sentence per paragraph, tokens joined by spaces), and the most frequent
 * errors. `nationality` and `other` mentions count as MISC.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { conllText } from '../src/actors/ner/conll-text.js';
import { namesStage } from '../src/actors/ner/names-stage.js';
import { cleanStage } from '../src/clean/clean-stage.js';
import type { Doc, MentionType } from '../src/doc.js';
import { buildPipeline } from '../src/pipeline.js';
import { readConll } from '../src/text/pos-conll.js';
import { posStage } from '../src/text/pos-stage.js';
import { segmentStage } from '../src/text/segment-stage.js';

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
type Type = (typeof TYPES)[number];

const CONLL_TYPE: Partial<Record<MentionType, Type>> = {
  person: 'PER',
  organization: 'ORG',
  location: 'LOC',
  nationality: 'MISC',
  other: 'MISC',
};

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityScores {
  documents: number;
  words: number;
  byType: Record<Type | 'overall' | 'PER+ORG+LOC', Prf>;
  errors: [string, number][];
  wordsPerSecond: number;
  /** The names stage alone, warm, on the documents as the pos stage left them. */
  namesTokensPerSecond: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}

export function evaluateEntities(file: string, limit = Infinity): EntityScores {
  const pipeline = buildPipeline([cleanStage, segmentStage, posStage, namesStage]);
  const docs = readConll(file).slice(0, limit);
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Type,
    { tp: number; fp: number; fn: number }
  >;
  const errors = new Map<string, number>();
  const note = (key: string) => errors.set(key, (errors.get(key) ?? 0) + 1);
  let words = 0;
  let seconds = 0;
  const processed: Doc[] = [];
  docs.forEach((d, k) => {
    // Rebuild the text and the gold spans in its character offsets.
    const { text: raw, names } = conllText(d);
    const gold = new Map<string, Type>(names.map((n) => [`${n.start}:${n.end}`, n.type]));
    for (const s of d.sentences) words += s.words.length;
    const t0 = process.cpuUsage();
    const doc = pipeline.run({ id: `testa-${k}`, date: null, text: raw });
    const t = process.cpuUsage(t0);
    seconds += (t.user + t.system) / 1e6;
    processed.push(doc);
    const predicted = new Map<string, Type>();
    for (const m of doc.mentions ?? []) {
      const type = CONLL_TYPE[m.type];
      if (!type) continue;
      const start = doc.alignment.toRaw(m.start, 'start');
      const end = doc.alignment.toRaw(m.end, 'end');
      predicted.set(`${start}:${end}`, type);
    }
    const text = (key: string) => {
      const [s, e] = key.split(':').map(Number);
      return raw.slice(s, e);
    };
    for (const [key, type] of predicted) {
      const want = gold.get(key);
      if (want === type) counts[type].tp++;
      else {
        counts[type].fp++;
        note(want ? `type ${want}->${type}: ${text(key)}` : `extra ${type}: ${text(key)}`);
      }
    }
    for (const [key, type] of gold) {
      if (predicted.get(key) === type) continue;
      counts[type].fn++;
      if (!predicted.has(key)) note(`missed ${type}: ${text(key)}`);
    }
  });
  const sum = (types: readonly Type[]) =>
    prf(
      types.reduce((n, t) => n + counts[t].tp, 0),
      types.reduce((n, t) => n + counts[t].fp, 0),
      types.reduce((n, t) => n + counts[t].fn, 0),
    );
  const byType = {
    ...(Object.fromEntries(TYPES.map((t) => [t, sum([t])])) as Record<Type, Prf>),
    'PER+ORG+LOC': sum(['PER', 'ORG', 'LOC']),
    overall: sum(TYPES),
  };
  let tokens = 0;
  for (const doc of processed) tokens += doc.tokens?.length ?? 0;
  const c0 = process.cpuUsage();
  for (const doc of processed) namesStage.run({ ...doc, mentions: undefined });
  const c = process.cpuUsage(c0);
  return {
    namesTokensPerSecond: tokens / Math.max(1e-9, (c.user + c.system) / 1e6),
    documents: docs.length,
    words,
    byType,
    errors: [...errors].sort((a, b) => b[1] - a[1]).slice(0, 25),
    wordsPerSecond: words / Math.max(1e-9, seconds),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file =
    process.argv[2] ?? fileURLToPath(new URL('../../shared/gold/conll2003/eng.testa', import.meta.url));
  if (!existsSync(file)) {
    console.error(`eval:entities needs ${file} (../shared beside the checkout); it is absent`);
    process.exit(2);
  }
  const r = evaluateEntities(file);
  console.log(
    `CoNLL-2003 ${file.split('/').pop()}: ${r.documents} documents, ${r.words} words (exact spans)`,
  );
  console.log('type         precision  recall  F1      (tp/fp/fn)');
  for (const [type, s] of Object.entries(r.byType))
    console.log(
      `${type.padEnd(12)} ${s.precision.toFixed(4)}     ${s.recall.toFixed(4)}  ${s.f1.toFixed(4)}  (${s.tp}/${s.fp}/${s.fn})`,
    );
  console.log(
    `speed (clean+segment+pos+names, first pass, models loading included): ${Math.round(r.wordsPerSecond).toLocaleString('en')} words per CPU second`,
  );
  console.log(
    `speed (names stage alone, warm): ${Math.round(r.namesTokensPerSecond).toLocaleString('en')} tokens per CPU second`,
  );
  console.log('most frequent errors:');
  for (const [k, n] of r.errors) console.log(`  ${n}\t${k}`);
}
