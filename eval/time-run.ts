/** Runs the pipeline up to `times` over TimeML files and scores it; shared by `eval:time` and its test. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPipeline, type Stage } from '../src/pipeline.js';
import { DEFAULT_STAGES } from '../src/stages.js';
import { chronoTimes } from './time-chrono.js';
import { emptyScore, readTimeml, report, scoreDoc, type ScoredPair, type TimeReport } from './time-timeml.js';

const TIMES_AT = DEFAULT_STAGES.findIndex((s) => s.name === 'times');
/** What `times` reads: cleaned text, sentences, tokens and (when a tagger runs) part-of-speech tags. */
const FEEDS_TIMES = new Set(['repairs', 'sentences', 'tokens', 'pos']);

/**
 * The default stages `times` depends on, in their default order, without the unrelated stages that the
 * default order happens to put before it (names, actors), then `times` itself.
 */
export function timesPrerequisites(): Stage[] {
  return DEFAULT_STAGES.slice(0, TIMES_AT).filter((s) => s.adds.some((l) => FEEDS_TIMES.has(l)));
}

/** The pipeline the time evaluation and tests run: the prerequisites, then `times`. */
export function timesPipeline() {
  return buildPipeline([...timesPrerequisites(), DEFAULT_STAGES[TIMES_AT]]);
}

export function evaluateTimeml(
  dir: string,
  options: { limit?: number; chrono?: boolean } = {},
): { report: TimeReport; pairs: ScoredPair[]; words: number; ms: number } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .slice(0, options.limit);
  // The stages before `times` run as one pipeline, `times` on its own, so its speed is measured alone.
  const before = buildPipeline(timesPrerequisites());
  const times = DEFAULT_STAGES[TIMES_AT];
  const score = emptyScore();
  const pairs: ScoredPair[] = [];
  let words = 0;
  let ms = 0;
  for (const f of files) {
    const tml = readTimeml(f, readFileSync(join(dir, f), 'utf8'));
    const doc = before.run({ id: f, date: tml.dct, text: tml.text });
    if (!options.chrono) {
      const t0 = performance.now();
      times.run(doc);
      ms += performance.now() - t0;
    }
    words += doc.tokens?.length ?? 0;
    if (options.chrono) {
      const t1 = performance.now();
      const found = chronoTimes(tml.text, tml.dct);
      ms += performance.now() - t1;
      scoreDoc(tml.gold, found, score, pairs);
      continue;
    }
    // Offsets are into the cleaned text; map them back to the text as read, where the gold offsets are.
    const system = (doc.times ?? []).map((t) => {
      const start = doc.alignment.toRaw(t.start, 'start');
      const end = doc.alignment.toRaw(t.end, 'end');
      return { start, end, text: tml.text.slice(start, end), type: t.type, value: t.value };
    });
    scoreDoc(tml.gold, system, score, pairs);
  }
  return { report: report(files.length, score), pairs, words, ms };
}
