/**
 * Test scaffolding only: a stand-in for the `names` stage (runs of proper-noun tokens, typed by the actor
 * gazetteer), so the actor stage can be tested apart from the name tagger. Not shipped.
 */
import { cleanStage } from '../../src/clean/clean-stage.js';
import type { Doc, Mention, MentionType } from '../../src/doc.js';
import { actorsStage } from '../../src/actors/actors-stage.js';
import { matchGazetteer } from '../../src/actors/gazetteer-match.js';
import { buildPipeline, type Stage } from '../../src/pipeline.js';
import { posStage } from '../../src/text/pos-stage.js';
import { segmentStage } from '../../src/text/segment-stage.js';

const CALENDAR =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

export const properNounNames: Stage = {
  name: 'test-proper-nouns',
  requires: ['pos'],
  adds: ['mentions'],
  run(doc: Doc): Doc {
    const tokens = doc.tokens ?? [];
    const gaz = matchGazetteer(doc);
    const mentions: Mention[] = [];
    for (const s of doc.sentences ?? []) {
      let i = s.tokenStart;
      while (i < s.tokenEnd) {
        if (
          !/^NNPS?$/.test(tokens[i]!.tag ?? '') ||
          !/^\p{Lu}/u.test(tokens[i]!.text) ||
          CALENDAR.test(tokens[i]!.text)
        ) {
          i++;
          continue;
        }
        // A run of proper nouns, cut after a nationality or title (`Russian | Foreign Minister | Sergei Lavrov`).
        const cut = (k: number) => {
          const h = gaz.byToken[k]!;
          return (
            h >= 0 &&
            gaz.hits[h]!.entries.some((e) => e.kind === 'demonym' || (e.kind === 'sector' && e.cls !== 'org'))
          );
        };
        if (cut(i)) {
          i = gaz.hits[gaz.byToken[i]!]!.tokenEnd;
          continue;
        }
        let j = i;
        while (
          j < s.tokenEnd &&
          /^NNPS?$/.test(tokens[j]!.tag ?? '') &&
          /^\p{Lu}/u.test(tokens[j]!.text) &&
          !cut(j)
        )
          j++;
        const kinds = new Set<string>();
        for (let k = i; k < j; k++) {
          const h = gaz.byToken[k]!;
          if (h < 0) continue;
          for (const e of gaz.hits[h]!.entries)
            kinds.add(
              e.kind === 'sector'
                ? e.cls === 'org'
                  ? 'org'
                  : e.cls === 'title' || e.cls === 'person'
                    ? 'title'
                    : 'x'
                : e.kind,
            );
        }
        // A lone unknown name after a preposition of place is a place (`in Chicago`).
        const prev = tokens[i - 1]?.text ?? '';
        let type: MentionType = j === i + 1 && /^(in|at|near|from|to)$/.test(prev) ? 'location' : 'person';
        if (kinds.has('igo') || kinds.has('org') || kinds.has('seat')) type = 'organization';
        else if (kinds.has('country') || kinds.has('capital')) type = 'location';
        else if (kinds.has('demonym')) type = 'nationality';
        const start = tokens[i]!.start;
        const end = tokens[j - 1]!.end;
        mentions.push({
          start,
          end,
          text: doc.text.slice(start, end),
          type,
          actor: null,
          stage: 'test',
          rule: 'nnp-run',
        });
        i = j;
      }
    }
    doc.mentions = mentions;
    return doc;
  },
};

/** clean, segment, pos, the stand-in names, actors. */
export const testPipeline = buildPipeline([cleanStage, segmentStage, posStage, properNounNames, actorsStage]);

/** Codes a dated text; returns the document. */
export function code(text: string, date: string | null = '2023-03-18'): Doc {
  return testPipeline.run({ text, date });
}

/** `name code` for each actor, for compact assertions. */
export function actorCodes(doc: Doc): string[] {
  return (doc.actors ?? []).map((a) => `${a.name} ${a.code}`);
}

/** The actor a mention with this exact text points to (the first such mention), as `name code`. */
export function actorOfText(doc: Doc, text: string, nth = 0): string | null {
  const m = (doc.mentions ?? []).filter((x) => x.text === text)[nth];
  const a = m && doc.actors?.find((x) => x.id === m.actor);
  return a ? `${a.name} ${a.code}` : null;
}
