/**
 * End-to-end speed: the full annals pipeline against wink-nlp and compromise, in one run, on the same
 * texts, so the ratios hold on any machine (absolute figures depend on the machine and its load).
 *
 *   npm run bench:pipeline -- [--corpus all|reuters|wire|bbc] [--limit N] [--rounds R] [--compromise-words W]
 *
 * Measured (best of R rounds, the systems taking turns within each round so that load from other jobs
 * falls on all of them alike):
 * - annals, 1 core: read the JSONL, run every default stage, keep the Docs (`codeArticles`, workers 1);
 * - annals code jsonl: the same plus each article's output line (`codeArticleLines`), 1 and 2 workers;
 * - wink-nlp: `readDoc` (sentences, POS, entities) on each article's text, reading out sentences,
 *   entities and every token's POS;
 * - compromise: `nlp(text)` with people, places and organizations, on a prefix of about W words (it is
 *   ~20x slower), with annals timed again on exactly that prefix for the ratio.
 * Words are whitespace-separated tokens of the article text, counted the same way for every system.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { codeArticleLines, codeArticles } from '../src/code-articles.js';
import { defaultPipeline } from '../src/stages.js';
import { corporaPresent, corpusJsonl, DEFAULT_OUT_DIR, type CorpusName } from './corpora.js';

interface Corpus {
  file: string;
  texts: string[];
  words: number;
}

interface Timing {
  ms: number;
  sentences?: number;
}

const MB = 1024 * 1024;

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The first `limit` articles of a corpus as their own JSONL file, and their texts. */
function prepare(name: CorpusName, limit: number | undefined, suffix = ''): Corpus {
  const source = corpusJsonl(name);
  let lines = readFileSync(source, 'utf8').split('\n').filter(Boolean);
  if (limit !== undefined) lines = lines.slice(0, limit);
  const file = join(DEFAULT_OUT_DIR, `bench-${name}-${lines.length}${suffix}.jsonl`);
  mkdirSync(DEFAULT_OUT_DIR, { recursive: true });
  writeFileSync(file, lines.join('\n') + '\n');
  const texts = lines.map((l) => (JSON.parse(l) as { text: string }).text);
  return { file, texts, words: texts.reduce((n, t) => n + countWords(t), 0) };
}

async function annalsDocs(corpus: Corpus): Promise<Timing> {
  const t0 = performance.now();
  let sentences = 0;
  for await (const r of codeArticles([corpus.file], { workers: 1 })) {
    if (!r.ok) throw new Error(`bench: article failed: ${r.error.message}`);
    sentences += r.doc.sentences?.length ?? 0;
  }
  return { ms: performance.now() - t0, sentences };
}

async function annalsLines(corpus: Corpus, workers: number): Promise<Timing> {
  const t0 = performance.now();
  let bytes = 0;
  for await (const r of codeArticleLines([corpus.file], { workers, output: {} })) {
    if (!r.ok) throw new Error(`bench: article failed: ${r.error.message}`);
    bytes += r.json.length;
  }
  if (bytes === 0) throw new Error('bench: no output');
  return { ms: performance.now() - t0 };
}

const wink = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = wink.its;

function winkPass(corpus: Corpus): Timing {
  const t0 = performance.now();
  let sentences = 0;
  let found = 0;
  for (const text of corpus.texts) {
    const doc = wink.readDoc(text);
    sentences += doc.sentences().length();
    found += doc.entities().out().length;
    found += doc.tokens().out(its.pos).length;
  }
  if (found === 0) throw new Error('bench: wink found nothing');
  return { ms: performance.now() - t0, sentences };
}

function compromisePass(corpus: Corpus): Timing {
  const t0 = performance.now();
  let found = 0;
  for (const text of corpus.texts) {
    const doc = nlp(text);
    found += doc.people().out('array').length;
    found += doc.places().out('array').length;
    found += doc.organizations().out('array').length;
  }
  if (found === 0) throw new Error('bench: compromise found nothing');
  return { ms: performance.now() - t0 };
}

const best = (ts: Timing[]): Timing => ts.reduce((a, b) => (b.ms < a.ms ? b : a));
const perSec = (n: number, t: Timing) => (n * 1000) / t.ms;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rssMB = () => Math.round(process.memoryUsage().rss / MB);
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string', default: 'all' },
      limit: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      'compromise-words': { type: 'string', default: '150000' },
    },
  });
  if (!corporaPresent()) {
    process.stderr.write('bench:pipeline: ../shared/corpora is absent; nothing to measure\n');
    return 1;
  }
  const name = values.corpus as CorpusName;
  const rounds = Math.max(1, Number(values.rounds));
  const corpus = prepare(name, values.limit ? Number(values.limit) : undefined);
  let prefix = 0;
  for (let w = 0; prefix < corpus.texts.length && w < Number(values['compromise-words']); prefix++)
    w += countWords(corpus.texts[prefix]);
  const small = prepare(name, prefix, '-prefix');

  const stages = defaultPipeline()
    .stages.map((s) => s.name)
    .join(', ');
  process.stdout.write(
    `corpus ${name}: ${corpus.texts.length} articles, ${fmt(corpus.words)} words; stages: ${stages}\n`,
  );
  process.stdout.write(`node ${process.version}, rounds ${rounds}; the systems take turns in each round\n\n`);

  // Warm-up (also loads models), and the memory of a one-core annals run.
  await annalsDocs(small);
  winkPass(small);
  const rssBefore = rssMB();
  const annals: Timing[] = [];
  const winks: Timing[] = [];
  const lines1: Timing[] = [];
  const lines2: Timing[] = [];
  annals.push(await annalsDocs(corpus));
  const peakAnnals = peakMB();
  winks.push(winkPass(corpus));
  lines1.push(await annalsLines(corpus, 1));
  lines2.push(await annalsLines(corpus, 2));
  for (let r = 1; r < rounds; r++) {
    annals.push(await annalsDocs(corpus));
    winks.push(winkPass(corpus));
    lines1.push(await annalsLines(corpus, 1));
    lines2.push(await annalsLines(corpus, 2));
  }
  const annalsSmall = best([await annalsDocs(small), await annalsDocs(small)]);
  const comp = compromisePass(small);

  const a = best(annals);
  const w = best(winks);
  const l1 = best(lines1);
  const l2 = best(lines2);
  const rows: [string, string, string][] = [
    ['annals pipeline, 1 core', fmt(perSec(corpus.words, a)), fmt(perSec(a.sentences ?? 0, a))],
    ['annals code jsonl, 1 worker', fmt(perSec(corpus.words, l1)), ''],
    ['annals code jsonl, 2 workers', fmt(perSec(corpus.words, l2)), ''],
    ['wink-nlp readDoc (sbd, pos, ner)', fmt(perSec(corpus.words, w)), fmt(perSec(w.sentences ?? 0, w))],
    [`annals pipeline, 1 core, ${fmt(small.words)}-word prefix`, fmt(perSec(small.words, annalsSmall)), ''],
    [`compromise people/places/orgs, same prefix`, fmt(perSec(small.words, comp)), ''],
  ];
  process.stdout.write(`${'system'.padEnd(52)} ${'words/s'.padStart(11)} ${'sentences/s'.padStart(12)}\n`);
  for (const [label, words, sents] of rows)
    process.stdout.write(`${label.padEnd(52)} ${words.padStart(11)} ${sents.padStart(12)}\n`);
  const ratio = (x: number) => x.toFixed(2);
  process.stdout.write(`\nannals / wink-nlp (1 core):           ${ratio(w.ms / a.ms)}\n`);
  process.stdout.write(`annals / compromise (1 core):         ${ratio(comp.ms / annalsSmall.ms)}\n`);
  process.stdout.write(`2 workers / 1 worker (annals code):   ${ratio(l1.ms / l2.ms)}\n`);
  process.stdout.write(
    `memory: RSS ${rssBefore} MB after warm-up; peak RSS ${peakAnnals} MB after the 1-core annals run, ${peakMB()} MB at the end (all systems, corpus in memory)\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`bench:pipeline: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
