/**
 * Throughput of the events stage alone: runs the pipeline up to `quotes` once on PolNeAR train (840
 * political news articles), then times the events stage over all of it, several rounds (CPU time).
 *
 *   npx tsx eval/events-speed.ts [--limit N] [--rounds N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/doc.js';
import { codeEvents, eventsStage } from '../src/events/events-stage.js';
import { buildPipeline } from '../src/pipeline.js';
import { DEFAULT_STAGES } from '../src/stages.js';

const dir = fileURLToPath(new URL('../../shared/gold/polnear/train/text/', import.meta.url));
if (!existsSync(dir)) {
  console.error('events-speed: ../shared/gold/polnear/train is absent');
  process.exit(2);
}
const li = process.argv.indexOf('--limit');
const limit = li > 0 ? Number(process.argv[li + 1]) : Infinity;
const pipeline = buildPipeline(DEFAULT_STAGES.filter((s) => s.name !== eventsStage.name));
const docs: Doc[] = readdirSync(dir)
  .sort()
  .slice(0, limit)
  .map((f) => pipeline.run({ date: '2016-10-01', text: readFileSync(dir + f, 'utf8') }));
const tokens = docs.reduce((n, d) => n + (d.tokens?.length ?? 0), 0);
// One warm-up pass, so the figure is the JIT-compiled steady state.
for (const d of docs) codeEvents(d);
let events = 0;
const ri = process.argv.indexOf('--rounds');
const rounds = ri > 0 ? Number(process.argv[ri + 1]) : 20;
// CPU time of this process, so that other work on a shared machine does not count against the stage.
const started = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const d of docs) events += codeEvents(d).events!.length;
const used = process.cpuUsage(started);
const seconds = (used.user + used.system) / 1e6;
console.log(
  `${docs.length} articles, ${tokens} tokens, ${events / rounds} events: ` +
    `${Math.round((tokens * rounds) / seconds).toLocaleString('en')} tokens/s`,
);
