/**
 * The default pipeline with the events stage at its end (and the actors stage before it while the
 * default list does not hold it yet), for the tests that run whole articles.
 */
import { actorsStage } from '../../src/actors/actors-stage.js';
import { eventsStage } from '../../src/events/events-stage.js';
import { buildPipeline, type Pipeline } from '../../src/pipeline.js';
import { DEFAULT_STAGES } from '../../src/stages.js';

let shared: Pipeline | undefined;

export function eventsPipeline(): Pipeline {
  if (shared) return shared;
  const names = new Set(DEFAULT_STAGES.map((s) => s.name));
  shared = buildPipeline([
    ...DEFAULT_STAGES,
    ...(names.has(actorsStage.name) ? [] : [actorsStage]),
    ...(names.has(eventsStage.name) ? [] : [eventsStage]),
  ]);
  return shared;
}
