/**
 * `npx tsx eval/time-speed.ts [--limit N] [--rounds R]`: throughput of the `times` stage against the
 * `segment` stage in the same run, on the bench corpus (`npm run bench:corpora` writes
 * bench/out/all.jsonl). Best of R rounds, the two stages taking turns so that load from other jobs falls
 * on both alike; the ratio holds on any machine, the absolute figures depend on its load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanStage } from '../src/clean/clean-stage.js';
import type { Doc } from '../src/doc.js';
import { buildPipeline } from '../src/pipeline.js';
import { segmentStage } from '../src/text/segment-stage.js';
import { timesStage } from '../src/time/times-stage.js';

const CORPUS = fileURLToPath(new URL('../bench/out/all.jsonl', import.meta.url));
const { values } = parseArgs({
  options: { limit: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '6' } },
});
if (!existsSync(CORPUS)) {
  console.error(
    `eval/time-speed: ${CORPUS} is absent; run \`npm run bench:corpora\` first (it needs ../shared)`,
  );
  process.exit(2);
}
const articles = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, +values.limit)
  .map((l) => JSON.parse(l) as { id: string; date: string | null; text: string });
const clean = buildPipeline([cleanStage]);
const cleaned = articles.map((a) => clean.run({ id: a.id, date: a.date, text: a.text }));

let bestSegment = Infinity;
let bestTimes = Infinity;
let tokens = 0;
let found = 0;
for (let round = 0; round < +values.rounds; round++) {
  let t0 = performance.now();
  const docs: Doc[] = cleaned.map((d) => segmentStage.run({ ...d }));
  bestSegment = Math.min(bestSegment, performance.now() - t0);
  tokens = docs.reduce((n, d) => n + (d.tokens?.length ?? 0), 0);
  t0 = performance.now();
  for (const d of docs) timesStage.run(d);
  bestTimes = Math.min(bestTimes, performance.now() - t0);
  found = docs.reduce((n, d) => n + (d.times?.length ?? 0), 0);
}
const rate = (ms: number): string => Math.round((tokens / ms) * 1000).toLocaleString('en');
console.log(
  `${articles.length} articles, ${tokens.toLocaleString('en')} tokens, ${found.toLocaleString('en')} time expressions`,
);
console.log(
  `segment ${rate(bestSegment)} tokens/s; times ${rate(bestTimes)} tokens/s; times/segment ${(bestSegment / bestTimes).toFixed(2)}`,
);
