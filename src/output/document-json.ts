import type { Doc } from '../doc.js';

export type OffsetSpace = 'clean' | 'raw';

export interface OutputOptions {
  /** `raw`: every offset indexes into the article text exactly as read, and `text` is that raw text. */
  offsets?: OffsetSpace;
  /** Include the token layer (large; off by default). */
  tokens?: boolean;
}

const LAYERS = ['mentions', 'actors', 'quotes', 'times', 'events'] as const;

/**
 * The output contract: one JSON object per article. Layers whose stage did not run are absent.
 * `repairs` always index the raw text (they say what raw text was replaced).
 */
export function toOutput(doc: Doc, options: OutputOptions = {}): Record<string, unknown> {
  const raw = options.offsets === 'raw';
  const map = raw ? (o: unknown) => mapOffsets(o, doc) : (o: unknown) => o;
  const out: Record<string, unknown> = {
    id: doc.id,
    date: doc.date,
    title: doc.title,
    source: doc.source,
    offsets: raw ? 'raw' : 'clean',
    text: raw ? doc.raw : doc.text,
  };
  if (doc.sentences)
    out.sentences = doc.sentences.map((s) =>
      map({
        start: s.start,
        end: s.end,
        paragraph: s.paragraph,
        heading: s.heading,
        stage: s.stage,
        rule: s.rule,
      }),
    );
  if (doc.repairs) out.repairs = doc.repairs;
  if (options.tokens && doc.tokens) out.tokens = doc.tokens.map(map);
  for (const layer of LAYERS) {
    const value = doc[layer];
    if (value) out[layer] = value.map(map);
  }
  out.stages = doc.stages;
  return out;
}

/** A deep copy with every `{start, end}` pair mapped from cleaned to raw offsets. */
function mapOffsets(value: unknown, doc: Doc): unknown {
  if (Array.isArray(value)) return value.map((v) => mapOffsets(v, doc));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = mapOffsets(v, doc);
  if (typeof obj.start === 'number' && typeof obj.end === 'number') {
    out.start = doc.alignment.toRaw(obj.start, 'start');
    out.end = doc.alignment.toRaw(obj.end, 'end');
    if (typeof obj.text === 'string') out.text = doc.raw.slice(out.start as number, out.end as number);
  }
  return out;
}
