/**
 * Builds documents by hand for the event tests: the text is cleaned and segmented by the real stages,
 * then actors are given as `{ text: code }` and every occurrence of each text becomes a mention of it.
 * Later stages (tags, times, quotes) can be added by the caller; the extractor copes without them.
 */
import type { Actor, ActorKind, Doc, Mention, TimeExpression } from '../../src/doc.js';
import { cleanStage } from '../../src/clean/clean-stage.js';
import { createDoc } from '../../src/pipeline.js';
import { posStage } from '../../src/text/pos-stage.js';
import { segmentStage } from '../../src/text/segment-stage.js';
import { timesStage } from '../../src/time/times-stage.js';

export interface HandActor {
  code: string;
  kind?: ActorKind;
  /** Other texts naming the same actor (pronouns, short names). */
  also?: string[];
  /** For a group (`the two countries`): the texts of the actors it stands for, given in the same call. */
  members?: string[];
  /** The actor's country when not the code's first three letters (`null` for regions such as EURGOV). */
  country?: string | null;
}

export function handDoc(
  text: string,
  actors: Record<string, HandActor>,
  options: { date?: string; times?: Omit<TimeExpression, 'stage'>[]; tagged?: boolean } = {},
): Doc {
  let doc = createDoc({ date: options.date ?? '2024-05-01', text });
  doc = segmentStage.run(cleanStage.run(doc));
  if (options.tagged !== false) doc = timesStage.run(posStage.run(doc));
  const mentions: Mention[] = [];
  const list: Actor[] = [];
  for (const [name, a] of Object.entries(actors)) {
    const id = `a${list.length}`;
    list.push({
      id,
      name,
      kind: a.kind ?? (a.members ? 'group' : a.code.length === 3 ? 'country' : 'organization'),
      code: a.code,
      country: a.country !== undefined ? a.country : a.code.slice(0, 3),
      sector: a.code.slice(3) || null,
      stage: 'test',
    });
    for (const form of [name, ...(a.also ?? [])]) {
      const re = new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (const m of doc.text.matchAll(re))
        mentions.push({
          start: m.index,
          end: m.index + form.length,
          text: form,
          type: 'other',
          actor: id,
          stage: 'test',
        });
    }
  }
  const names = Object.keys(actors);
  for (const [i, a] of Object.values(actors).entries())
    if (a.members)
      list[i]!.members = a.members.map((name) => {
        const k = names.indexOf(name);
        if (k < 0) throw new Error(`group member ${name} is not among the actors`);
        return list[k]!.id;
      });
  mentions.sort((x, y) => x.start - y.start);
  doc.mentions = mentions;
  doc.actors = list;
  if (options.times) doc.times = options.times.map((t) => ({ ...t, stage: 'test' }));
  return doc;
}
