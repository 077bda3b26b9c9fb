/**
 * Throughput of the quotes stage alone: segments PolNeAR train once (clean, segment, pos), then times
 * `findQuotes` over all of it, five times. `npx tsx eval/quotes-speed.ts`
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanStage } from '../src/clean/clean-stage.js';
import { buildPipeline } from '../src/pipeline.js';
import { findQuotes } from '../src/quotes/quotes-stage.js';
import { posStage } from '../src/text/pos-stage.js';
import { segmentStage } from '../src/text/segment-stage.js';

const dir = fileURLToPath(new URL('../../shared/gold/polnear/train/text/', import.meta.url));
if (!existsSync(dir)) {
  console.error('quotes-speed: ../shared/gold/polnear/train is absent');
  process.exit(2);
}
const pipeline = buildPipeline([cleanStage, segmentStage, posStage]);
const docs = readdirSync(dir)
  .sort()
  .map((f) => pipeline.run({ date: null, text: readFileSync(dir + f, 'utf8') }));
const tokens = docs.reduce((n, d) => n + (d.tokens?.length ?? 0), 0);
findQuotes(docs[0]);
let quotes = 0;
const rounds = 5;
// CPU time of this process, not wall time: the machine is shared, and waiting for a core is not our cost.
const started = process.cpuUsage();
const wallStarted = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) quotes += findQuotes(d).length;
const used = process.cpuUsage(started);
const seconds = (used.user + used.system) / 1e6;
const wall = (performance.now() - wallStarted) / 1000;
const rate = (s: number) => Math.round((tokens * rounds) / s).toLocaleString('en');
console.log(
  `${docs.length} articles, ${tokens} tokens, ${quotes / rounds} quotes: ${rate(seconds)} tokens per CPU second (${rate(wall)} per wall-clock second)`,
);
