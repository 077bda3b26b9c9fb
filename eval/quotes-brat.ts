/** Reads PolNeAR's brat standoff: attributions (`E` lines) joining Source, Cue and Content text spans. */
import type { Span } from '../src/doc.js';

export interface GoldAttribution {
  id: string;
  /** Fragments of each role; discontinuous spans (`10 20;30 40`) give several. */
  source: Span[];
  cue: Span[];
  content: Span[];
  cueText: string;
}

export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, { fragments: Span[]; text: string }>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const fields = line.split('\t');
    if (fields[0].startsWith('T') && fields.length >= 2) {
      const [, ...ranges] = fields[1].split(' ');
      const fragments = ranges
        .join(' ')
        .split(';')
        .map((r) => r.trim().split(' ').map(Number))
        .filter((r) => r.length === 2 && r.every(Number.isFinite))
        .map(([start, end]) => ({ start, end }));
      spans.set(fields[0], { fragments, text: fields[2] ?? '' });
    } else if (fields[0].startsWith('E') && fields.length >= 2) {
      events.push([fields[0], ...fields[1].split(' ')]);
    }
  }
  const out: GoldAttribution[] = [];
  for (const [id, ...args] of events) {
    const a: GoldAttribution = { id, source: [], cue: [], content: [], cueText: '' };
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const span = spans.get(ref);
      if (!span) continue;
      if (role === 'Source') a.source.push(...span.fragments);
      else if (role === 'Cue') {
        a.cue.push(...span.fragments);
        a.cueText = a.cueText ? a.cueText + ' ' + span.text : span.text;
      } else if (role === 'Content') a.content.push(...span.fragments);
    }
    if (a.content.length) out.push(a);
  }
  return out;
}
