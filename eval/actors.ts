/**
 * Scores actor coding on the PLOVER gold records (../shared/gold/plover/PLOVER_GSR_CAMEO.json): each
 * record's sentence goes through clean, segment, pos, names and actors, and every gold source and target
 * actor (its text, country code and sector) is looked up by position: the head actor of the gold actor
 * text's span (`actorInSpan`), else any actor mention overlapping it.
 *
 *   npm run eval:actors [-- --errors | --verbose]
 *
 * Measures, over gold actors whose text is found in the sentence:
 * - found: an actor was assigned there (recall of actor detection);
 * - country: the actor's country (ISO3, or the first three letters of an IGO/NGO code) equals the gold
 *   code, over all gold actors and over those found;
 * - sector: for gold actors with a sector, ours equals its first three letters;
 * - code: country and sector both right (gold actors without a sector need our sector empty or any).
 * Gold codes older than ISO 3166 alpha-3 (`JAP`, `ITL`) are mapped to it. PLOVER marks only the source
 * and target of each event, so actors we find elsewhere in the sentence are not scored (no precision).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actorsStage } from '../src/actors/actors-stage.js';
import { actorInSpan } from '../src/actors/lookup.js';
import { namesStage } from '../src/actors/ner/names-stage.js';
import { cleanStage } from '../src/clean/clean-stage.js';
import type { Actor, Doc } from '../src/doc.js';
import { buildPipeline } from '../src/pipeline.js';
import { posStage } from '../src/text/pos-stage.js';
import { segmentStage } from '../src/text/segment-stage.js';

const GOLD = fileURLToPath(new URL('../../shared/gold/plover/PLOVER_GSR_CAMEO.json', import.meta.url));
const LEGACY: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', ROM: 'ROU', ZAR: 'COD', SUD: 'SDN' };

interface GoldActor {
  actorText?: string;
  code?: string;
  sector?: string | null;
}
interface GoldRecord {
  id: string;
  text?: string;
  date?: string;
  source?: GoldActor[] | string;
  target?: GoldActor[] | string;
}

/** How an actor's country was decided, from its rule: a guess, a title, the dateline, the office list, ... */
function countryRule(rule: string | undefined): string {
  const r = rule ?? '';
  for (const how of [
    'country:guess:home',
    'country:guess:sentence',
    'country:dateline',
    'country:title',
    'office:',
  ])
    if (r.includes(how)) return how.replace(/:$/, '');
  if (r.includes('context:')) return 'context';
  return r.split(/[+:]/)[0] || 'none';
}

function countryOf(a: Actor): string {
  return a.country ?? a.code.slice(0, 3);
}

function main(): void {
  if (!existsSync(GOLD)) {
    console.error(`eval:actors: ${GOLD} is absent (../shared sits beside the checkout); nothing to score.`);
    process.exit(2);
  }
  const showErrors = process.argv.includes('--errors') || process.argv.includes('--verbose');
  const records = JSON.parse(readFileSync(GOLD, 'utf8')) as GoldRecord[];
  const pipeline = buildPipeline([cleanStage, segmentStage, posStage, namesStage, actorsStage]);
  let gold = 0;
  let located = 0;
  let found = 0;
  let country = 0;
  let withSector = 0;
  let sector = 0;
  let full = 0;
  const errors = new Map<string, number>();
  /** Found actors by how their country was decided (the rule's last `country:` or `office:` part). */
  const byHow = new Map<string, { right: number; all: number }>();
  const started = performance.now();
  let words = 0;
  for (const r of records) {
    if (!r.text) continue;
    const doc: Doc = pipeline.run({ id: r.id, text: r.text, date: r.date ?? null });
    words += doc.tokens?.length ?? 0;
    const actors = [r.source, r.target].flatMap((x) => (Array.isArray(x) ? x : []));
    for (const g of actors) {
      if (!g.actorText || !g.code) continue;
      gold++;
      const at = doc.text.indexOf(g.actorText);
      if (at < 0) continue;
      located++;
      const end = at + g.actorText.length;
      const ours =
        actorInSpan(doc, at, end) ??
        (doc.actors ?? []).find((a) =>
          (doc.mentions ?? []).some((m) => m.actor === a.id && m.start < end && m.end > at),
        ) ??
        null;
      const wantCountry = LEGACY[g.code] ?? g.code;
      const wantSector = g.sector && /^[A-Z]{3}/.test(g.sector) ? g.sector.slice(0, 3) : null;
      if (wantSector) withSector++;
      if (!ours) {
        errors.set(`missed: ${g.actorText}`, (errors.get(`missed: ${g.actorText}`) ?? 0) + 1);
        continue;
      }
      found++;
      const okCountry = countryOf(ours) === wantCountry;
      const okSector = wantSector === null || ours.sector === wantSector;
      const how = countryRule(ours.rule);
      const tally = byHow.get(how) ?? { right: 0, all: 0 };
      tally.all++;
      if (okCountry) tally.right++;
      byHow.set(how, tally);
      if (okCountry) country++;
      if (wantSector && ours.sector === wantSector) sector++;
      if (okCountry && okSector) full++;
      if (!okCountry || !okSector) {
        const key =
          `${g.actorText}: gold ${wantCountry}${wantSector ?? ''}, ours ${ours.code}` +
          (showErrors ? ` (${ours.rule ?? ''})` : '');
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
  console.log(`PLOVER gold actors: ${gold}, text located in the sentence: ${located}`);
  console.log(`found (an actor at the gold span):     ${pct(found, located)}`);
  console.log(`country right, of located:             ${pct(country, located)}`);
  console.log(`country right, of found:               ${pct(country, found)}`);
  console.log(`sector right, of gold with a sector:   ${pct(sector, withSector)}`);
  console.log(`full code right, of located:           ${pct(full, located)}`);
  console.log(`(${words} tokens through clean..actors in ${seconds.toFixed(1)} s)`);
  console.log('\ncountry right by how it was decided (found actors):');
  for (const [how, t] of [...byHow].sort((a, b) => b[1].all - a[1].all))
    console.log(`  ${how.padEnd(24)} ${pct(t.right, t.all)}`);
  const top = [...errors].sort((a, b) => b[1] - a[1]).slice(0, showErrors ? 200 : 15);
  console.log(`\nmost frequent errors${showErrors ? '' : ' (--errors for all)'}:`);
  for (const [e, n] of top) console.log(`  ${n}  ${e}`);
}

main();
