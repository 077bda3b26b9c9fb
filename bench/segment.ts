/**
 * Throughput of reading, cleaning and segmentation (paragraphs, sentences, headings, tokens) on the bench
 * corpora (Reuters-21578 and the TempEval-3 wire stories, see bench/corpora.ts), in words per second and as
 * a ratio to a plain regex word split of the same texts measured in the same run.
 *
 *   npm run bench:segment [-- --corpus reuters|wire|all] [--rounds N] [--wink]
 *
 * Words are counted as `text.split(/\s+/)` counts them. Each round times, over every article:
 *   read     the product's JSONL reader (file -> RawDocument, with date checks), async, from disk
 *   clean    cleanText (every cleaning rule, alignment, repairs)
 *   segment  the segment stage (paragraphs, sentences, headings, tokens)
 *   baseline `text.split(/\s+/)` and, separately, counting `/\S+/g` matches
 * and the best round is reported. Times are CPU time of the process (`process.cpuUsage`), not wall time,
 * so that other work on a shared machine does not count. `--wink` also times wink-nlp's readDoc + tokens
 * on the same texts.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { cleanText } from '../src/clean/clean.js';
import type { RawDocument } from '../src/doc.js';
import { createDoc } from '../src/pipeline.js';
import { readSources } from '../src/read/sources.js';
import { segmentStage } from '../src/text/segment-stage.js';
import { corporaPresent, corpusJsonl, DEFAULT_CORPORA_DIR, type CorpusName } from './corpora.js';

/**
 * CPU time of this process in milliseconds (user + system). The machine is shared, so wall time would
 * count the time other processes held the cores; CPU time does not.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Timing {
  read: number;
  clean: number;
  segment: number;
  split: number;
  match: number;
  sentences: number;
  tokens: number;
}

async function readAll(path: string): Promise<RawDocument[]> {
  const out: RawDocument[] = [];
  for await (const r of readSources([path])) {
    if (!r.ok) throw new Error(r.error.message);
    out.push(r.article);
  }
  return out;
}

async function round(path: string): Promise<{ t: Timing; articles: RawDocument[] }> {
  let t0 = cpuMs();
  const articles = await readAll(path);
  const read = cpuMs() - t0;

  t0 = cpuMs();
  const cleaned = articles.map((a) => cleanText(a.text));
  const clean = cpuMs() - t0;

  const docs = articles.map((a, i) => {
    const d = createDoc(a);
    d.text = cleaned[i].text;
    d.alignment = cleaned[i].alignment;
    d.repairs = cleaned[i].repairs;
    return d;
  });
  t0 = cpuMs();
  let sentences = 0;
  let tokens = 0;
  for (const d of docs) {
    segmentStage.run(d);
    sentences += d.sentences!.length;
    tokens += d.tokens!.length;
  }
  const segment = cpuMs() - t0;

  t0 = cpuMs();
  let n = 0;
  for (const a of articles) n += a.text.split(/\s+/).length;
  const split = cpuMs() - t0;

  t0 = cpuMs();
  let m = 0;
  const WORD = /\S+/g;
  for (const a of articles) {
    WORD.lastIndex = 0;
    while (WORD.exec(a.text)) m++;
  }
  const match = cpuMs() - t0;
  if (n < m) throw new Error('word counts disagree');
  return { t: { read, clean, segment, split, match, sentences, tokens }, articles };
}

function winkTime(articles: RawDocument[]): number {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  const t0 = cpuMs();
  for (const a of articles) nlp.readDoc(a.text).tokens().out(its.value);
  return cpuMs() - t0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'all' },
      rounds: { type: 'string', default: '3' },
      wink: { type: 'boolean', default: false },
    },
  });
  if (!corporaPresent()) {
    process.stderr.write(`bench/segment: ${DEFAULT_CORPORA_DIR} is absent; nothing to measure\n`);
    return 1;
  }
  const corpora: CorpusName[] = values.corpus === 'all' ? ['reuters', 'wire'] : [values.corpus as CorpusName];
  const rounds = Math.max(1, Number(values.rounds));
  process.stdout.write(
    `node ${process.version}, best of ${rounds} rounds after a warm-up, one thread, CPU time\n\n`,
  );
  const header = `${'corpus'.padEnd(8)} ${'articles'.padStart(8)} ${'words'.padStart(9)} ${'sentences'.padStart(9)} ${'tokens'.padStart(9)} |${'read'.padStart(9)}${'clean'.padStart(9)}${'segment'.padStart(9)}${'total'.padStart(9)} | ${'words/s'.padStart(10)} | ${'split w/s'.padStart(11)} ${'ratio'.padStart(6)} | ${'\\S+ w/s'.padStart(11)} ${'ratio'.padStart(6)}`;
  process.stdout.write(header + '\n');
  for (const name of corpora) {
    const path = corpusJsonl(name);
    const first = await round(path); // warm-up
    let best = first.t;
    for (let i = 0; i < rounds; i++) {
      const { t } = await round(path);
      const total = t.read + t.clean + t.segment;
      if (total < best.read + best.clean + best.segment)
        best = { ...t, split: best.split, match: best.match };
      best.split = Math.min(best.split, t.split);
      best.match = Math.min(best.match, t.match);
    }
    let words = 0;
    for (const a of first.articles) words += a.text.split(/\s+/).filter(Boolean).length;
    const total = best.read + best.clean + best.segment;
    const wps = (ms: number) => Math.round((words / ms) * 1000);
    const fmt = (ms: number) => `${ms.toFixed(0)}ms`.padStart(9);
    process.stdout.write(
      `${name.padEnd(8)} ${String(first.articles.length).padStart(8)} ${String(words).padStart(9)} ${String(best.sentences).padStart(9)} ${String(best.tokens).padStart(9)} |` +
        `${fmt(best.read)}${fmt(best.clean)}${fmt(best.segment)}${fmt(total)} | ${String(wps(total)).padStart(10)} | ` +
        `${String(wps(best.split)).padStart(11)} ${(total / best.split).toFixed(1).padStart(6)} | ` +
        `${String(wps(best.match)).padStart(11)} ${(total / best.match).toFixed(1).padStart(6)}\n`,
    );
    if (values.wink) {
      const ms = winkTime(first.articles);
      process.stdout.write(
        `${''.padEnd(8)} wink-nlp readDoc+tokens: ${ms.toFixed(0)}ms, ${wps(ms)} words/s (${(ms / total).toFixed(1)}x our read+clean+segment time)\n`,
      );
    }
  }
  process.stdout.write(
    '\nratio = (read + clean + segment time) / (regex word-split time) over the same texts, same run.\n',
  );
  return 0;
}

main().then((code) => process.exit(code));
