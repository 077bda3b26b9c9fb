/**
 * End-to-end speed: the full annals pipeline against wink-nlp and compromise, in one run, on the same
 * texts, so the ratios hold on any machine (absolute figures depend on the machine and its load).
 *
 *   npm run bench:pipeline -- [--corpus all|reuters|wire|bbc] [--limit N] [--rounds R] [--compromise-words W]
 *
 * Measured (best of R rounds, the systems taking turns within each round so that load from other jobs
 * falls on all of them alike):
 * - annals, 1 core: read the JSONL, run every default stage, keep the Docs (`codeArticles`, workers 1);
 * - annals code jsonl: the same plus each article's output line, on 1 and on 2 fresh worker threads;
 * - wink-nlp: `readDoc` (sentences, POS, entities) on each article's text, reading out sentences,
 *   entities and every token's POS;
 * - compromise: `nlp(text)` with people, places and organizations, on a prefix of about W words (it is
 *   ~20x slower), with annals timed again on exactly that prefix for the ratio.
 * Words are whitespace-separated tokens of the article text, counted the same way for every system.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { RawDocument } from '../src/doc.js';
import type { TaskResult } from '../src/workers/code-task.js';
import { corporaPresent, corpusJsonl, DEFAULT_OUT_DIR, type CorpusName } from './corpora.js';

// annals runs from dist/, as the CLI does (`npm run bench:pipeline` builds it first): from src/ each worker
// would also spend its first second transpiling TypeScript, which is no part of annals' speed.
const DIST = new URL('../dist/', import.meta.url);
const { codeArticles } = (await import(
  new URL('code-articles.js', DIST).href
)) as typeof import('../src/code-articles.js');
const { createDoc } = (await import(
  new URL('pipeline.js', DIST).href
)) as typeof import('../src/pipeline.js');
const { defaultPipeline } = (await import(
  new URL('stages.js', DIST).href
)) as typeof import('../src/stages.js');
const { orderedPool } = (await import(
  new URL('workers/ordered-pool.js', DIST).href
)) as typeof import('../src/workers/ordered-pool.js');
const { spawnCodeWorker } = (await import(
  new URL('workers/spawn.js', DIST).href
)) as typeof import('../src/workers/spawn.js');
const { readSources } = (await import(
  new URL('read/sources.js', DIST).href
)) as typeof import('../src/read/sources.js');

interface Corpus {
  file: string;
  texts: string[];
  words: number;
}

interface Timing {
  ms: number;
  /** CPU time of the whole process (all threads) over the run. */
  cpuMs: number;
  sentences?: number;
}

/** Times `run`: wall clock and CPU time of the process (every thread). */
async function timed(run: () => Promise<number | undefined> | number | undefined): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const sentences = await run();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, sentences };
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

function annalsDocs(corpus: Corpus): Promise<Timing> {
  return timed(async () => {
    let sentences = 0;
    for await (const r of codeArticles([corpus.file], { workers: 1 })) {
      if (!r.ok) throw new Error(`bench: article failed: ${r.error.message}`);
      sentences += r.doc.sentences?.length ?? 0;
    }
    return sentences;
  });
}

/**
 * `annals code --format jsonl` on fresh worker threads: the 1-worker run uses one worker thread too (not
 * this thread, whose compiled code is warm from the runs before), so both runs start equally cold.
 */
function annalsLines(corpus: Corpus, workers: number): Promise<Timing> {
  return timed(async () => {
    async function* items() {
      for await (const r of readSources([corpus.file])) {
        if (!r.ok) throw new Error(`bench: unreadable article: ${r.error.message}`);
        yield { run: r.article };
      }
    }
    let bytes = 0;
    const results = orderedPool<RawDocument, TaskResult>(items(), {
      workers,
      maxInFlight: 16 * workers,
      spawn: () => spawnCodeWorker({ mode: { output: {} } }),
      crashed: (_article, reason) => ({
        ok: false as const,
        error: { code: 'pipeline' as const, file: '', reason },
      }),
    });
    for await (const r of results) {
      if (!r.ok) throw new Error(`bench: article failed: ${r.error.reason}`);
      bytes += r.json?.length ?? 0;
    }
    if (bytes === 0) throw new Error('bench: no output');
    return undefined;
  });
}

function countTokens(corpus: Corpus): number {
  let n = 0;
  for (const text of corpus.texts)
    n += defaultPipeline().run({ date: '2000-01-01', text }).tokens?.length ?? 0;
  return n;
}

/** Each stage's own time over the corpus (articles read beforehand). */
function stageTimes(corpus: Corpus): { name: string; ms: number }[] {
  const pipeline = defaultPipeline();
  const ms = pipeline.stages.map(() => 0);
  for (const text of corpus.texts) {
    let doc = createDoc({ date: '2000-01-01', text });
    pipeline.stages.forEach((stage, i) => {
      const t0 = performance.now();
      doc = stage.run(doc);
      ms[i] += performance.now() - t0;
      doc.stages.push(stage.name);
    });
  }
  return pipeline.stages.map((s, i) => ({ name: s.name, ms: ms[i] }));
}

const wink = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = wink.its;

function winkPass(corpus: Corpus): Promise<Timing> {
  return timed(() => winkRun(corpus));
}

function winkRun(corpus: Corpus): number {
  let sentences = 0;
  let found = 0;
  for (const text of corpus.texts) {
    const doc = wink.readDoc(text);
    sentences += doc.sentences().length();
    found += doc.entities().out().length;
    found += doc.tokens().out(its.pos).length;
  }
  if (found === 0) throw new Error('bench: wink found nothing');
  return sentences;
}

function compromisePass(corpus: Corpus): Promise<Timing> {
  return timed(() => compromiseRun(corpus));
}

function compromiseRun(corpus: Corpus): undefined {
  let found = 0;
  for (const text of corpus.texts) {
    const doc = nlp(text);
    found += doc.people().out('array').length;
    found += doc.places().out('array').length;
    found += doc.organizations().out('array').length;
  }
  if (found === 0) throw new Error('bench: compromise found nothing');
  return undefined;
}

/**
 * What this machine allows right now: a fixed arithmetic loop in one thread, then in two threads at once
 * (twice the work). On two idle cores the ratio is near 2; other jobs on the machine bring it down, and
 * annals' 2-worker speed-up is to be read against it.
 */
async function machineCeiling(): Promise<number> {
  const LOOP = `const { parentPort } = require('node:worker_threads');
    let h = 1; for (let i = 0; i < 3e8; i++) h = Math.imul(h ^ i, 0x01000193) >>> 0;
    parentPort.postMessage(h);`;
  const run = (threads: number) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      let done = 0;
      for (let i = 0; i < threads; i++) {
        const w = new Worker(LOOP, { eval: true });
        w.on('error', reject);
        w.on('message', () => {
          void w.terminate();
          if (++done === threads) resolve(performance.now() - t0);
        });
      }
    });
  const one = await run(1);
  const two = await run(2);
  return (2 * one) / two;
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
  await winkPass(small);
  const rssBefore = rssMB();
  const ceilings = [await machineCeiling()];
  const annals: Timing[] = [];
  const winks: Timing[] = [];
  const lines1: Timing[] = [];
  const lines2: Timing[] = [];
  annals.push(await annalsDocs(corpus));
  const peakAnnals = peakMB();
  winks.push(await winkPass(corpus));
  lines1.push(await annalsLines(corpus, 1));
  lines2.push(await annalsLines(corpus, 2));
  for (let r = 1; r < rounds; r++) {
    annals.push(await annalsDocs(corpus));
    winks.push(await winkPass(corpus));
    lines1.push(await annalsLines(corpus, 1));
    lines2.push(await annalsLines(corpus, 2));
  }
  ceilings.push(await machineCeiling());
  const annalsSmall = best([await annalsDocs(small), await annalsDocs(small)]);
  const comp = await compromisePass(small);

  const a = best(annals);
  const w = best(winks);
  const l1 = best(lines1);
  const l2 = best(lines2);
  const cpu = (t: Timing) => (t.cpuMs / 1000).toFixed(1);
  const rows: [string, string, string, string][] = [
    ['annals pipeline, 1 core', fmt(perSec(corpus.words, a)), fmt(perSec(a.sentences ?? 0, a)), cpu(a)],
    ['annals code jsonl, 1 worker', fmt(perSec(corpus.words, l1)), '', cpu(l1)],
    ['annals code jsonl, 2 workers', fmt(perSec(corpus.words, l2)), '', cpu(l2)],
    [
      'wink-nlp readDoc (sbd, pos, ner)',
      fmt(perSec(corpus.words, w)),
      fmt(perSec(w.sentences ?? 0, w)),
      cpu(w),
    ],
    [
      `annals pipeline, 1 core, ${fmt(small.words)}-word prefix`,
      fmt(perSec(small.words, annalsSmall)),
      '',
      cpu(annalsSmall),
    ],
    [`compromise people/places/orgs, same prefix`, fmt(perSec(small.words, comp)), '', cpu(comp)],
  ];
  const out = (line: string) => process.stdout.write(line + '\n');
  out(
    `${'system'.padEnd(52)} ${'words/s'.padStart(11)} ${'sentences/s'.padStart(12)} ${'CPU s'.padStart(7)}`,
  );
  for (const [label, words, sents, c] of rows)
    out(`${label.padEnd(52)} ${words.padStart(11)} ${sents.padStart(12)} ${c.padStart(7)}`);
  const ratio = (x: number) => x.toFixed(2);
  out('');
  out(`annals / wink-nlp (1 core):           ${ratio(w.ms / a.ms)}`);
  out(`annals / compromise (1 core):         ${ratio(comp.ms / annalsSmall.ms)}`);
  out(
    `2 workers / 1 worker (annals code):   ${ratio(l1.ms / l2.ms)}  (CPU time 2 workers / 1 worker: ${ratio(l2.cpuMs / l1.cpuMs)})`,
  );
  out(
    `this machine, 2 threads / 1 thread of pure arithmetic: ${ceilings.map(ratio).join(' (before), ')} (after)  (2.00 = two idle cores)`,
  );
  out(
    `memory: RSS ${rssBefore} MB after warm-up; peak RSS ${peakAnnals} MB after the 1-core annals run, ${peakMB()} MB at the end (all systems, corpus in memory)`,
  );
  out('');
  const tokens = countTokens(corpus);
  out(`per stage, 1 core (articles already read; ${fmt(tokens)} tokens):`);
  for (const st of stageTimes(corpus))
    out(
      `  ${st.name.padEnd(12)} ${(st.ms / 1000).toFixed(2).padStart(7)} s ${fmt((tokens * 1000) / st.ms).padStart(12)} tokens/s`,
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
