/**
 * `npm run eval:time [-- --limit N --errors N]`: the `times` stage against TimeBank 1.2 (TempEval-3
 * cleaned), scored as TempEval-3 scores: strict and relaxed span P/R/F1, type accuracy on matched spans,
 * value P/R/F1 (a match with an equal value). Prints the most common errors.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateTimeml } from './time-run.js';

const DIR = fileURLToPath(new URL('../../shared/gold/timebank/TimeBank/', import.meta.url));
const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    errors: { type: 'string', default: '15' },
    chrono: { type: 'boolean', default: false },
  },
});

if (!existsSync(DIR)) {
  console.error(
    `eval:time: ${DIR} is absent (../shared/gold/timebank sits beside the checkout in CI); nothing to score`,
  );
  process.exit(2);
}
const {
  report: r,
  pairs,
  words,
  ms,
} = evaluateTimeml(DIR, {
  limit: values.limit ? +values.limit : undefined,
  chrono: values.chrono,
});
const pct = (x: number): string => x.toFixed(3);
const line = (name: string, m: { p: number; r: number; f: number }): string =>
  `${name.padEnd(14)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f)}`;
console.log(`TimeBank: ${r.docs} documents, ${r.score.gold} gold TIMEX3, ${r.score.system} found`);
console.log(line('strict span', r.strict));
console.log(line('relaxed span', r.relaxed));
console.log(`type accuracy  ${pct(r.typeAccuracy)} of ${r.score.matchedPairs} matched`);
console.log(line('value', r.value));
console.log(
  `speed          ${Math.round(words / (ms / 1000)).toLocaleString('en')} tokens/s ${values.chrono ? ' in chrono-node (baseline)' : ' in the times stage alone'}`,
);

const top = (label: string, keys: string[]): void => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).slice(0, +values.errors);
  console.log(`\n${label} (${keys.length}):`);
  for (const [k, n] of sorted) console.log(`  ${String(n).padStart(4)}  ${k}`);
};
top(
  'missed',
  pairs.filter((p) => !p.system).map((p) => `${p.gold!.text.toLowerCase()} [${p.gold!.type}]`),
);
top(
  'spurious',
  pairs.filter((p) => !p.gold).map((p) => `${p.system!.text.toLowerCase()} [${p.system!.type}]`),
);
top(
  'wrong value',
  pairs
    .filter((p) => p.gold && p.system && p.gold.value !== p.system.value)
    .map((p) =>
      `${p.gold!.text.toLowerCase()} gold ${p.gold!.value} | ${p.system!.text.toLowerCase()} ${p.system!.value}`.replace(
        /\d/g,
        '9',
      ),
    ),
);
