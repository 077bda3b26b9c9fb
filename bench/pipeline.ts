/**
 * End-to-end speed: the full annals pipeline against wink-nlp and compromise, in one run, on the same
 * texts, so the ratios hold on any machine (absolute figures depend on the machine and its load).
 *
 *   npm run bench:pipeline -- [--corpus all|reuters|wire|bbc] [--limit N] [--rounds R] [--compromise-words W]
 *
 * Measured (best of R rounds, the systems taking turns within each round so that load from other jobs
 * falls on all of them alike):
 * - annals, 1 core: read the JSONL, run every default stage, keep the Docs (`codeArticles`, workers 1);
 * - annals code jsonl: the same plus each article's output line, on 1 and on 2 fresh worker threads,
 *   then again on the same, warm, workers (a second pass over the corpus, as in a long run);
 * - wink-nlp: `readDoc` (sentences, POS, entities) on each article's text, reading out sentences,
 *   entities and every token's POS;
 * - compromise: `nlp(text)` with people, places and organizations, on a prefix of about W words (it is
 *   ~20x slower), with annals timed again on exactly that prefix for the ratio.
 * Then annals on one core and wink-nlp once more, interleaved in slices of 250 articles (see
 * `interleaved`): the steadier one-core ratio on a machine shared with other jobs.
 * Words are whitespace-separated tokens of the article text, counted the same way for every system.
 *
 * The wall-clock 2-worker speed-up means little on a machine other jobs are using, so the bench also
 * splits each worker run's CPU time by thread (Linux `/proc/self/task/<tid>/stat`): this thread (reading,
 * ordering), the workers' own threads (coding), and the rest, V8's background threads (optimizing
 * compilation, GC helpers). From those it projects the speed-up on two idle cores: the 1-worker run
 * takes as long as its worker's thread (the background work fits on the other core), the 2-worker run as
 * long as its busier worker thread, or half the CPU time of the whole process if that is longer.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
const { sharedModels } = (await import(
  new URL('workers/shared-models.js', DIST).href
)) as typeof import('../src/workers/shared-models.js');
const { readSources } = (await import(
  new URL('read/sources.js', DIST).href
)) as typeof import('../src/read/sources.js');

interface Corpus {
  file: string;
  articles: RawDocument[];
  texts: string[];
  words: number;
}

interface Timing {
  ms: number;
  /** CPU time of the whole process (all threads) over the run. */
  cpuMs: number;
  sentences?: number;
  /** Worker runs: CPU ms of this thread, of each worker thread, and of the other threads (absent off Linux). */
  threads?: ThreadCpu;
}

interface ThreadCpu {
  main: number;
  workers: number[];
  other: number;
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

/** CPU ms of each thread of this process (Linux), by thread id; empty where /proc is not there. */
function threadCpu(): Map<number, number> {
  const cpu = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return cpu;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (1/100 s).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return cpu;
}

/**
 * A code worker that first writes its own thread id (the kernel's, from /proc/thread-self) into `cell`,
 * then runs as usual, so that the bench can tell its CPU time from that of V8's background threads.
 */
const TRACKED_WORKER = `
const { workerData } = require('node:worker_threads');
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  Atomics.store(new Int32Array(workerData.cell), 0, tid);
} catch {}
import(workerData.entry);`;

function spawnTracked(cells: Int32Array[], workerData: object): Worker {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  cells.push(cell);
  const entry = new URL('workers/code-worker.js', DIST).href;
  return new Worker(TRACKED_WORKER, { eval: true, workerData: { ...workerData, entry, cell: cell.buffer } });
}

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
  const articles = lines.map((l) => {
    const { id, date, title, text } = JSON.parse(l) as RawDocument;
    return { id, date, title, text };
  });
  const texts = articles.map((a) => a.text);
  return { file, articles, texts, words: texts.reduce((n, t) => n + countWords(t), 0) };
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
 * this thread, whose compiled code is warm from the runs before), so both runs start equally cold. The
 * same workers then code the corpus a second time: the first pass is the cold run (each worker isolate
 * compiles the pipeline's code for itself, on V8's background threads), the second the warm one, as in a
 * long run (a day of news is ten times this corpus), where that compilation is paid once.
 */
async function annalsLines(corpus: Corpus, workers: number): Promise<{ cold: Timing; warm: Timing }> {
  const cells: Int32Array[] = [];
  const marks: { ms: number; cpu: NodeJS.CpuUsage; threads: Map<number, number> }[] = [];
  const mark = () => marks.push({ ms: performance.now(), cpu: process.cpuUsage(), threads: threadCpu() });
  async function* items() {
    for (let pass = 0; pass < 2; pass++)
      for await (const r of readSources([corpus.file])) {
        if (!r.ok) throw new Error(`bench: unreadable article: ${r.error.message}`);
        yield { run: r.article };
      }
  }
  let bytes = 0;
  let n = 0;
  mark();
  const results = orderedPool<RawDocument, TaskResult>(items(), {
    workers,
    maxInFlight: 16 * workers,
    spawn: () => spawnTracked(cells, { mode: { output: {} }, models: sharedModels() }),
    crashed: (_article, reason) => ({
      ok: false as const,
      error: { code: 'pipeline' as const, file: '', reason },
    }),
  });
  for await (const r of results) {
    if (!r.ok) throw new Error(`bench: article failed: ${r.error.reason}`);
    bytes += r.line?.length ?? 0;
    // The workers end with the last result: read their threads' CPU time while they are still there.
    if (++n % corpus.texts.length === 0) mark();
  }
  if (bytes === 0) throw new Error('bench: no output');
  const between = (a: (typeof marks)[number], b: (typeof marks)[number]): Timing => {
    const cpuMs = (b.cpu.user - a.cpu.user + b.cpu.system - a.cpu.system) / 1000;
    const timing: Timing = { ms: b.ms - a.ms, cpuMs };
    const used = (tid: number) => (b.threads.get(tid) ?? 0) - (a.threads.get(tid) ?? 0);
    const tids = cells.map((c) => Atomics.load(c, 0));
    if (b.threads.size > 0 && tids.every((tid) => b.threads.has(tid))) {
      const main = used(process.pid);
      const workerMs = tids.map(used);
      const other = cpuMs - main - workerMs.reduce((x, y) => x + y, 0);
      timing.threads = { main, workers: workerMs, other: Math.max(0, other) };
    }
    return timing;
  };
  return { cold: between(marks[0], marks[1]), warm: between(marks[1], marks[2]) };
}

/**
 * The 2-worker speed-up on two idle cores, from the CPU time of each thread (least of the rounds, as
 * other jobs only add to it): the 1-worker run takes its worker thread's time, the 2-worker run its
 * busier worker thread's time or half the process's CPU time, whichever is longer.
 */
function projectedSpeedup(ones: Timing[], twos: Timing[]): number | undefined {
  const least = (xs: number[]) => Math.min(...xs);
  if (!ones.every((t) => t.threads) || !twos.every((t) => t.threads)) return undefined;
  const one = least(ones.map((t) => t.threads!.workers[0]));
  const two = least(twos.map((t) => Math.max(...t.threads!.workers, t.cpuMs / 2)));
  return one / two;
}

/** One line per worker run: where its CPU time went, per article. */
function threadLine(label: string, ts: Timing[], articles: number): string {
  const t = ts.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  const perArticle = (ms: number) => (ms / articles).toFixed(3);
  if (!t.threads) return `${label}: ${perArticle(t.cpuMs)} CPU ms per article (no per-thread figures here)`;
  const { main, workers, other } = t.threads;
  return (
    `${label}: ${perArticle(t.cpuMs)} CPU ms per article = main thread ${perArticle(main)} + worker ` +
    `threads ${perArticle(workers.reduce((a, b) => a + b, 0))} (${workers.map((w) => (w / 1000).toFixed(1)).join(' + ')} s) ` +
    `+ V8 background threads ${perArticle(other)}`
  );
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

/**
 * annals on one core against wink-nlp, interleaved: the corpus in slices of `size` articles, each slice
 * coded by both systems in turn (which goes first alternates by slice and by round), for `rounds` rounds;
 * each slice's least CPU time over the rounds counts, summed per system. Load from other jobs then falls
 * on both systems within seconds of each other, and a slow moment of the machine costs one slice one
 * round, not a whole pass; the whole-pass figures above can move by a third from run to run on a shared
 * machine, this ratio much less. annals runs the default pipeline in this thread on batches of 16 (as
 * `codeArticles` does), its input already read, as wink-nlp's is.
 */
function interleaved(corpus: Corpus, rounds: number, size = 250): { annalsMs: number; winkMs: number } {
  const pipeline = defaultPipeline();
  const slices = Math.ceil(corpus.articles.length / size);
  const least = {
    annals: new Array<number>(slices).fill(Infinity),
    wink: new Array<number>(slices).fill(Infinity),
  };
  const cpuOf = (run: () => void): number => {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  for (let r = 0; r < rounds; r++)
    for (let k = 0; k < slices; k++) {
      const articles = corpus.articles.slice(k * size, (k + 1) * size);
      const annals = () => {
        for (let i = 0; i < articles.length; i += 16)
          for (const d of pipeline.runBatch(articles.slice(i, i + 16)))
            if (d instanceof Error) throw new Error(`bench: article failed: ${d.message}`);
      };
      const texts = articles.map((a) => a.text);
      const winkSlice = () => void winkRun(texts);
      const annalsFirst = (k + r) % 2 === 0;
      const first = cpuOf(annalsFirst ? annals : winkSlice);
      const second = cpuOf(annalsFirst ? winkSlice : annals);
      least.annals[k] = Math.min(least.annals[k], annalsFirst ? first : second);
      least.wink[k] = Math.min(least.wink[k], annalsFirst ? second : first);
    }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { annalsMs: sum(least.annals), winkMs: sum(least.wink) };
}

function winkPass(corpus: Corpus): Promise<Timing> {
  return timed(() => winkRun(corpus.texts));
}

function winkRun(texts: readonly string[]): number {
  let sentences = 0;
  let found = 0;
  for (const text of texts) {
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
  const warm1: Timing[] = [];
  const warm2: Timing[] = [];
  const workerRuns = async () => {
    const one = await annalsLines(corpus, 1);
    const two = await annalsLines(corpus, 2);
    lines1.push(one.cold);
    warm1.push(one.warm);
    lines2.push(two.cold);
    warm2.push(two.warm);
  };
  annals.push(await annalsDocs(corpus));
  const peakAnnals = peakMB();
  winks.push(await winkPass(corpus));
  await workerRuns();
  for (let r = 1; r < rounds; r++) {
    annals.push(await annalsDocs(corpus));
    winks.push(await winkPass(corpus));
    await workerRuns();
  }
  ceilings.push(await machineCeiling());
  const annalsSmall = best([await annalsDocs(small), await annalsDocs(small)]);
  const comp = await compromisePass(small);
  const mixed = interleaved(corpus, rounds);

  const a = best(annals);
  const w = best(winks);
  const l1 = best(lines1);
  const l2 = best(lines2);
  const w1 = best(warm1);
  const w2 = best(warm2);
  const cpu = (t: Timing) => (t.cpuMs / 1000).toFixed(1);
  const rows: [string, string, string, string][] = [
    ['annals pipeline, 1 core', fmt(perSec(corpus.words, a)), fmt(perSec(a.sentences ?? 0, a)), cpu(a)],
    ['annals code jsonl, 1 worker', fmt(perSec(corpus.words, l1)), '', cpu(l1)],
    ['annals code jsonl, 2 workers', fmt(perSec(corpus.words, l2)), '', cpu(l2)],
    ['annals code jsonl, 1 worker, warm (second pass)', fmt(perSec(corpus.words, w1)), '', cpu(w1)],
    ['annals code jsonl, 2 workers, warm (second pass)', fmt(perSec(corpus.words, w2)), '', cpu(w2)],
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
  out(
    `annals / wink-nlp (1 core), interleaved: ${ratio(mixed.winkMs / mixed.annalsMs)}  (slices of 250 articles taking turns, least CPU time of each slice over the rounds: annals ${fmt((corpus.words * 1000) / mixed.annalsMs)}, wink-nlp ${fmt((corpus.words * 1000) / mixed.winkMs)} words per CPU s)`,
  );
  out(`annals / compromise (1 core):         ${ratio(comp.ms / annalsSmall.ms)}`);
  const leastCpu = (ts: Timing[]) => Math.min(...ts.map((t) => t.cpuMs));
  out(
    `2 workers / 1 worker (annals code):   ${ratio(l1.ms / l2.ms)}  (CPU time 2 workers / 1 worker: ${ratio(leastCpu(lines2) / leastCpu(lines1))}, least of the rounds)`,
  );
  const projected = projectedSpeedup(lines1, lines2);
  if (projected !== undefined)
    out(`2 workers / 1 worker, projected on two idle cores from per-thread CPU time: ${ratio(projected)}`);
  out(threadLine('  1 worker ', lines1, corpus.texts.length));
  out(threadLine('  2 workers', lines2, corpus.texts.length));
  out(
    `2 workers / 1 worker, warm (second pass): ${ratio(w1.ms / w2.ms)}  (CPU time 2 workers / 1 worker: ${ratio(leastCpu(warm2) / leastCpu(warm1))})`,
  );
  const projectedWarm = projectedSpeedup(warm1, warm2);
  if (projectedWarm !== undefined)
    out(`2 workers / 1 worker, warm, projected on two idle cores: ${ratio(projectedWarm)}`);
  out(threadLine('  1 worker ', warm1, corpus.texts.length));
  out(threadLine('  2 workers', warm2, corpus.texts.length));
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
