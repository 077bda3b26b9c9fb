/**
 * `npm run eval:quotes [-- --split dev|train] [--limit N] [--verbose]`: content-overlap precision, recall
 * and F1 of the quotes stage on PolNeAR speech attributions, and speaker accuracy on the matched ones.
 * Reads ../shared/gold/polnear; exits with a message when it is absent.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPolnear, scoreArticles, type ArticleResult } from './quotes-eval.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const split = option('--split') ?? 'dev';
  const limit = Number(option('--limit') ?? Infinity);
  const verbose = process.argv.includes('--verbose');
  const dir = fileURLToPath(new URL(`../../shared/gold/polnear/${split}/`, import.meta.url));
  if (!existsSync(dir)) {
    console.error(
      `eval:quotes: ../shared/gold/polnear/${split} is absent (it sits beside the checkout); nothing to score`,
    );
    process.exit(2);
  }
  const articles = readPolnear(dir, limit);
  const started = performance.now();
  const report = verbose ? (r: ArticleResult) => printErrors(r) : undefined;
  const s = scoreArticles(articles, report);
  const seconds = (performance.now() - started) / 1000;
  const pct = (x: number) => (100 * x).toFixed(1) + '%';
  console.log(
    `PolNeAR ${split}: ${s.articles} articles, ${s.gold} gold speech attributions, ${s.predicted} predicted quotes`,
  );
  console.log(
    `content overlap  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (strict P ${pct(s.strictPrecision)})`,
  );
  console.log(
    `speaker accuracy ${pct(s.speakerAccuracy)} (span overlap), ${pct(s.speakerEntityAccuracy)} (overlap, same actor or same name), on ${s.speakerCases} matched with a source`,
  );
  for (const [kind, k] of Object.entries(s.byKind))
    console.log(`  ${kind}: ${k.predicted} predicted, precision ${pct(k.correct / k.predicted)}`);
  console.log(`(${seconds.toFixed(1)} s with the pipeline)`);
}

function printErrors(r: ArticleResult): void {
  const t = r.article.text;
  const cut = (a: number, b: number) => t.slice(a, b).replace(/\s+/g, ' ').slice(0, 110);
  console.log(`== ${r.article.name}`);
  for (const g of r.missed) console.log(`  MISS [${g.cueText}] ${cut(g.content[0].start, g.content[0].end)}`);
  for (const p of r.spurious) console.log(`  SPUR ${p.rule} ${cut(p.content.start, p.content.end)}`);
  for (const w of r.wrongSpeaker)
    console.log(
      `  SPKR gold=${w.gold.source.map((s) => cut(s.start, s.end)).join('|')} ours=${w.predicted.speakerText || '-'} (${w.predicted.rule})`,
    );
}

main();
