/**
 * Learns which words act as attribution cues in PolNeAR train: for every word form, how often it occurs
 * and how often it sits inside a gold Cue span. Prints `form  cue_count  occurrences  rate` for forms with
 * at least `--min` cue occurrences, most frequent first; data/quotes/cues.tsv is curated from this list.
 *
 *   npx tsx eval/quotes-learn-cues.ts [--min 5]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBrat } from './quotes-brat.js';

const ROOT = fileURLToPath(new URL('../../shared/gold/polnear/train/', import.meta.url));

function main(): void {
  if (!existsSync(ROOT)) {
    console.error('quotes-learn-cues: ../shared/gold/polnear/train is absent; nothing to learn from');
    process.exit(2);
  }
  const minIndex = process.argv.indexOf('--min');
  const min = minIndex > 0 ? Number(process.argv[minIndex + 1]) : 5;
  const occurrences = new Map<string, number>();
  const asCue = new Map<string, number>();
  const seen = new Set<string>();
  for (const file of readdirSync(ROOT + 'attributions').sort()) {
    const name = file.replace(/_[0-9a-f]+\.ann$/, '');
    if (seen.has(name)) continue; // several annotators: take the first
    seen.add(name);
    const text = readFileSync(`${ROOT}text/${name}.txt`, 'utf8');
    const gold = parseBrat(readFileSync(ROOT + 'attributions/' + file, 'utf8'));
    const cueChars = new Uint8Array(text.length);
    for (const a of gold) for (const f of a.cue) cueChars.fill(1, f.start, f.end);
    for (const m of text.matchAll(/[\p{L}]+(?:['’][\p{L}]+)?/gu)) {
      const form = m[0].toLowerCase();
      occurrences.set(form, (occurrences.get(form) ?? 0) + 1);
      if (cueChars[m.index]) asCue.set(form, (asCue.get(form) ?? 0) + 1);
    }
  }
  const rows = [...asCue].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]);
  for (const [form, n] of rows) {
    const all = occurrences.get(form) ?? n;
    console.log(`${form}\t${n}\t${all}\t${(n / all).toFixed(2)}`);
  }
}

main();
