import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { proposeEvents, STAGE, type DocView, type Proposal } from './extract.js';
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

/** A refiner turns the proposed events of a document into a better list. */
type Refiner = (view: DocView, proposals: Proposal[]) => Proposal[];

/**
 * The refiners, in order: recode first, then drop, then merge (merging needs final codes). All take the
 * view, used or not, so that each is called here as it is: a wrapper closure around one would be compiled
 * again with the refiner inlined when it gets hot, late (it runs once a document).
 */
export const REFINERS: readonly Refiner[] = [
  recodeIntent,
  recodeThreats,
  specifyThreats,
  specifyAccusations,
  recodeIrregularViolence,
  recodeStatements,
  dropParticipleStatements,
  dropPromiseGovernors,
  fillCountriesFromContext,
  foldAnaphora,
  mergeRetellings,
];

/**
 * Codes events: the extractor proposes, the refiners recode, drop and merge. The view is dropped before
 * the next document, so its buffers are reused. A document without proposals (1,589 of the 4,000
 * sample articles have no events) has nothing to refine: each refiner would make an empty list of one.
 */
export function codeEvents(doc: Doc): Doc {
  const { proposals, view } = proposeEvents(doc, eventResources(), true);
  let list = proposals;
  if (list.length > 0) for (const refine of REFINERS) list = refine(view, list);
  doc.events = list.map((p) => p.event);
  return doc;
}

export const eventsStage: Stage = {
  name: STAGE,
  requires: ['sentences', 'tokens', 'pos', 'mentions', 'actors', 'times', 'quotes'],
  adds: ['events'],
  run: codeEvents,
};
