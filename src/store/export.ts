/**
 * The export column set: GDELT's core event fields, in snake case, plus what annals adds (modality,
 * negation, the interval end, the evidence). One row per canonical event.
 */
import type { CanonicalEvent } from './store.js';

export interface ExportColumn {
  name: string;
  /** What the column holds, for the README and `annals export --help`. */
  doc: string;
  value: (e: CanonicalEvent) => string | number | boolean | null;
}

const compact = (d: string | null) => (d ? d.replace(/-/g, '') : null);

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  {
    name: 'global_event_id',
    doc: 'canonical event id (stable for a given set of articles)',
    value: (e) => e.id,
  },
  { name: 'sql_date', doc: 'event date YYYYMMDD (GDELT SQLDATE)', value: (e) => compact(e.date) },
  { name: 'month_year', doc: 'YYYYMM', value: (e) => (e.date ? compact(e.date)!.slice(0, 6) : null) },
  { name: 'year', doc: 'YYYY', value: (e) => (e.date ? Number(e.date.slice(0, 4)) : null) },
  { name: 'date', doc: 'event date, ISO', value: (e) => e.date },
  { name: 'date_to', doc: 'last day of the event interval, ISO', value: (e) => e.dateTo },
  { name: 'actor1_code', doc: 'source actor CAMEO code', value: (e) => e.source.code },
  {
    name: 'actor1_name',
    doc: 'source actor name as the first article writes it',
    value: (e) => e.source.name,
  },
  { name: 'actor1_country_code', doc: 'source country (ISO alpha-3)', value: (e) => e.source.country },
  {
    name: 'actor2_code',
    doc: 'target actor CAMEO code (empty: no target)',
    value: (e) => e.target?.code ?? null,
  },
  { name: 'actor2_name', doc: 'target actor name', value: (e) => e.target?.name ?? null },
  { name: 'actor2_country_code', doc: 'target country', value: (e) => e.target?.country ?? null },
  { name: 'event_code', doc: 'CAMEO event code', value: (e) => e.code },
  { name: 'event_base_code', doc: 'CAMEO code cut to 3 digits', value: (e) => e.code.slice(0, 3) },
  { name: 'event_root_code', doc: 'CAMEO root (2 digits)', value: (e) => e.root },
  {
    name: 'quad_class',
    doc: '1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict',
    value: (e) => e.quad,
  },
  { name: 'goldstein_scale', doc: 'Goldstein weight of the code, -10..10', value: (e) => e.goldstein },
  { name: 'modality', doc: 'asserted, planned or hypothetical', value: (e) => e.modality },
  { name: 'negated', doc: 'true when the text says it did not happen', value: (e) => e.negated },
  {
    name: 'num_mentions',
    doc: 'event records merged (an article may tell it twice)',
    value: (e) => e.numMentions,
  },
  {
    name: 'num_sources',
    doc: 'distinct sources: syndicated copies and one outlet count once',
    value: (e) => e.numSources,
  },
  { name: 'num_articles', doc: 'distinct articles', value: (e) => e.numArticles },
  {
    name: 'source_url',
    doc: "first article's source (URL or outlet), else its id",
    value: (e) => e.articleSource ?? e.article,
  },
  { name: 'article_id', doc: 'first article id (earliest date, then smallest id)', value: (e) => e.article },
  { name: 'evidence', doc: "first article's evidence sentence", value: (e) => e.sentence },
];

/** One export row as an object (JSONL); `evidence_spans` is added when the event carries them. */
export function exportRecord(e: CanonicalEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of EXPORT_COLUMNS) out[c.name] = c.value(e);
  if (e.evidence) out.evidence_spans = e.evidence;
  return out;
}
