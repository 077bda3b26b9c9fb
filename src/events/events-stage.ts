import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { buildView, proposeEvents, STAGE } from './extract.js';
import { eventResources } from './lexicon.js';
import {
  dropParticipleStatements,
  dropPromiseGovernors,
  fillCountriesFromContext,
  foldAnaphora,
  mergeRetellings,
  recodeIntent,
  recodeIrregularViolence,
  recodeStatements,
  recodeThreats,
  specifyAccusations,
  specifyThreats,
} from './refine.js';

/** Codes events: the extractor proposes, the refiners recode and merge. */
export function codeEvents(doc: Doc): Doc {
  const res = eventResources();
  const { proposals, view } = proposeEvents(doc, res);
  let list = recodeIntent(proposals);
  list = recodeThreats(list);
  list = specifyThreats(list);
  list = specifyAccusations(view, list);
  list = recodeIrregularViolence(list);
  list = recodeStatements(view, list);
  list = dropParticipleStatements(view, list);
  list = dropPromiseGovernors(list);
  list = fillCountriesFromContext(view, list);
  list = foldAnaphora(list);
  list = mergeRetellings(list);
  doc.events = list.map((p) => p.event);
  return doc;
}

export const eventsStage: Stage = {
  name: STAGE,
  requires: ['sentences', 'tokens', 'pos', 'mentions', 'actors', 'times', 'quotes'],
  adds: ['events'],
  run: codeEvents,
};

export { buildView };
