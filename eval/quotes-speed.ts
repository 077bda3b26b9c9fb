/**
 * Throughput of the quotes stage alone: segments PolNeAR train once (clean, segment, pos), then times
 * `findQuotes` over all of it. `npx tsx eval/quotes-speed.ts`
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
const started = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) quotes += findQuotes(d).length;
const seconds = (performance.now() - started) / 1000;
console.log(
  `${docs.length} articles, ${tokens} tokens, ${quotes / rounds} quotes: ${Math.round((tokens * rounds) / seconds).toLocaleString('en')} tokens/s`,
);
