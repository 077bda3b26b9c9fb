/**
 * Throughput of the actors stage alone: runs clean, segment, pos and names once over 400 BBC articles
 * (../shared/corpora/bbc-news), then times `codeActors` over copies of them, five rounds. The time is
 * the process's CPU time, so that other work on a shared machine does not count.
 *
 *   npx tsx eval/actors-speed.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeActors } from '../src/actors/actors-stage.js';
import { namesStage } from '../src/actors/ner/names-stage.js';
import { cleanStage } from '../src/clean/clean-stage.js';
import type { Doc } from '../src/doc.js';
import { buildPipeline } from '../src/pipeline.js';
import { posStage } from '../src/text/pos-stage.js';
import { segmentStage } from '../src/text/segment-stage.js';

const root = fileURLToPath(new URL('../../shared/corpora/bbc-news/', import.meta.url));
if (!existsSync(root)) {
  console.error('actors-speed: ../shared/corpora/bbc-news is absent');
  process.exit(2);
}
const files = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(root + d.name)
      .sort()
      .slice(0, 80)
      .map((f) => `${root}${d.name}/${f}`),
  );
const pipeline = buildPipeline([cleanStage, segmentStage, posStage, namesStage]);
const docs = files.map((f) => pipeline.run({ date: '2005-01-01', text: readFileSync(f, 'utf8') }));
const tokens = docs.reduce((n, d) => n + (d.tokens?.length ?? 0), 0);
const fresh = (d: Doc): Doc => ({ ...d, mentions: d.mentions?.map((m) => ({ ...m })) });
codeActors(fresh(docs[0]!));
const rounds = 5;
let actors = 0;
let elapsed = 0;
for (let r = 0; r < rounds; r++)
  for (const d of docs) {
    const copy = fresh(d);
    const started = process.cpuUsage();
    actors += codeActors(copy).actors?.length ?? 0;
    const used = process.cpuUsage(started);
    elapsed += (used.user + used.system) / 1000;
  }
const perSecond = Math.round((tokens * rounds) / (elapsed / 1000));
console.log(
  `${docs.length} articles, ${tokens} tokens, ${actors / rounds} actors: actors stage ${perSecond.toLocaleString('en')} tokens/s`,
);
