/**
 * Scores the events stage on the PLOVER gold records (../shared/gold/plover/PLOVER_GSR_CAMEO.json):
 * each record's sentence is coded by the full pipeline, the CAMEO codes are mapped to PLOVER types
 * (data/ontology/cameo-events.tsv), and the events are compared with the record's source, type and
 * target.
 *
 *   npm run eval:events [-- --verbose] [-- --errors TYPE]
 *
 * Measures:
 * - triples: precision = predicted (source country, type, target country) triples matching the record
 *   (source among its source countries, target among its target countries or both absent) over all
 *   predicted triples; recall = records with at least one matching triple over all records; F1.
 * - type accuracy: records whose first typed event (in text order) has the gold type.
 * Statements (CAMEO 01) have no PLOVER type and are left out, as PLOVER leaves them out; so are
 * hypothetical and negated events (`urged Iran to stop`, `refused to meet`), which are the content of
 * the record's event rather than records of their own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Doc, Event } from '../src/doc.js';
import { eventsStage } from '../src/events/events-stage.js';
import { eventCode } from '../src/ontology/event-codes.js';
import { buildPipeline, type Stage } from '../src/pipeline.js';
import { DEFAULT_STAGES } from '../src/stages.js';

const GOLD = fileURLToPath(new URL('../../shared/gold/plover/PLOVER_GSR_CAMEO.json', import.meta.url));

interface GoldActor {
  code?: string;
}
interface GoldRecord {
  id: string;
  event: string;
  text?: string;
  date?: string;
  /** A list of actors; a few records hold a string here instead (no actor). */
  source?: GoldActor[] | string;
  target?: GoldActor[] | string;
}

function actorsOf(field: GoldActor[] | string | undefined): GoldActor[] {
  return Array.isArray(field) ? field : [];
}

export interface Scores {
  records: number;
  predicted: number;
  correctTriples: number;
  recalledRecords: number;
  typeCorrect: number;
  precision: number;
  recall: number;
  f1: number;
  typeAccuracy: number;
}

/** The PLOVER type of an event, or null for statements. */
export function ploverType(e: Event): string | null {
  return eventCode(e.code)?.plover ?? null;
}

/** The gold records write Japan `JAP` in places; ISO 3166 (which the records otherwise follow) says `JPN`. */
const GOLD_ALIASES: Record<string, string> = { JAP: 'JPN' };

function country(code: string | undefined): string {
  const c = (code ?? '').slice(0, 3).toUpperCase();
  return GOLD_ALIASES[c] ?? c;
}

export function scoreRecord(
  rec: GoldRecord,
  events: readonly Event[],
): { triples: number; correct: number; typeOk: boolean } {
  const sources = new Set(actorsOf(rec.source).map((a) => country(a.code)));
  const targets = new Set(actorsOf(rec.target).map((a) => country(a.code)));
  const seen = new Set<string>();
  let correct = 0;
  let first: string | null = null;
  for (const e of events) {
    const type = ploverType(e);
    // Only what the sentence reports as done, promised or said: a demanded, conditional or denied
    // event is the content of another event, not a record of its own.
    if (!type || e.modality === 'hypothetical' || e.negated) continue;
    first ??= type;
    const s = country(e.source.code);
    const t = e.target ? country(e.target.code) : '';
    const key = `${s}|${type}|${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const targetOk = t === '' ? targets.size === 0 : targets.has(t);
    if (type === rec.event && sources.has(s) && targetOk) correct++;
  }
  return { triples: seen.size, correct, typeOk: first === rec.event };
}

export function evaluate(
  records: readonly GoldRecord[],
  code: (r: GoldRecord) => Doc,
  verbose = false,
  errors?: string,
): Scores {
  let predicted = 0;
  let correctTriples = 0;
  let recalledRecords = 0;
  let typeCorrect = 0;
  for (const rec of records) {
    const doc = code(rec);
    const events = doc.events ?? [];
    const r = scoreRecord(rec, events);
    predicted += r.triples;
    correctTriples += r.correct;
    if (r.correct > 0) recalledRecords++;
    if (r.typeOk) typeCorrect++;
    if (verbose || (errors && rec.event === errors && !r.typeOk)) {
      const gold = `${actorsOf(rec.source)
        .map((a) => a.code)
        .join('+')} ${rec.event} ${actorsOf(rec.target)
        .map((a) => a.code)
        .join('+')}`;
      const got = events
        .map(
          (e) =>
            `${e.source.code} ${e.code}/${ploverType(e) ?? '-'} ${e.target?.code ?? '-'} [${e.trigger.text}]`,
        )
        .join('; ');
      console.log(
        `${r.correct > 0 ? 'OK ' : r.typeOk ? 'TYP' : 'ERR'} ${gold}\n    ${rec.text}\n    => ${got}`,
      );
    }
  }
  const precision = predicted ? correctTriples / predicted : 0;
  const recall = records.length ? recalledRecords / records.length : 0;
  return {
    records: records.length,
    predicted,
    correctTriples,
    recalledRecords,
    typeCorrect,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    typeAccuracy: records.length ? typeCorrect / records.length : 0,
  };
}

function main(): void {
  if (!existsSync(GOLD)) {
    console.error(
      `eval:events: ${GOLD} is absent (../shared sits beside the checkout in CI); nothing to score`,
    );
    process.exit(2);
  }
  run(DEFAULT_STAGES);
}

/** Runs the evaluation with a given stage list (the events stage is appended when missing). */
export function run(base: readonly Stage[]): Scores {
  const stages = base.some((s) => s.name === eventsStage.name) ? base : [...base, eventsStage];
  const have = new Set(stages.map((s) => s.name));
  if (!have.has('actors')) {
    console.error('eval:events: the default pipeline has no actors stage yet; events need actors');
    process.exit(2);
  }
  const pipeline = buildPipeline(stages);
  const records = (JSON.parse(readFileSync(GOLD, 'utf8')) as GoldRecord[]).filter(
    (r) => r.text && r.event !== 'DOCUMENT',
  );
  const verbose = process.argv.includes('--verbose');
  const ei = process.argv.indexOf('--errors');
  const errors = ei > 0 ? process.argv[ei + 1] : undefined;
  const t0 = performance.now();
  const s = evaluate(
    records,
    (r) => pipeline.run({ id: r.id, date: r.date ?? '2000-01-01', text: r.text! }),
    verbose,
    errors,
  );
  const ms = performance.now() - t0;
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`PLOVER gold records: ${s.records} (${ms.toFixed(0)} ms)`);
  console.log(
    `triples (source country, type, target country): P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}` +
      `  (${s.correctTriples} of ${s.predicted} predicted; ${s.recalledRecords} records recalled)`,
  );
  console.log(`type accuracy: ${pct(s.typeAccuracy)} (${s.typeCorrect} of ${s.records})`);
  return s;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
