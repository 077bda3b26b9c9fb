/**
 * The default pipeline, in order. Each stage declares what it needs and adds; `buildPipeline` checks the
 * order when the pipeline is built.
 */
import { actorsStage } from './actors/actors-stage.js';
import { namesStage } from './actors/ner/names-stage.js';
import { cleanStage } from './clean/clean-stage.js';
import { eventsStage } from './events/events-stage.js';
import { buildPipeline, type Pipeline, type Stage } from './pipeline.js';
import { quotesStage } from './quotes/quotes-stage.js';
import { posStage } from './text/pos-stage.js';
import { segmentStage } from './text/segment-stage.js';
import { timesStage } from './time/times-stage.js';

export const DEFAULT_STAGES: readonly Stage[] = [
  cleanStage,
  segmentStage,
  posStage,
  namesStage,
  actorsStage,
  timesStage,
  quotesStage,
  eventsStage,
];

let shared: Pipeline | undefined;

/** The default pipeline, built once. */
export function defaultPipeline(): Pipeline {
  shared ??= buildPipeline(DEFAULT_STAGES);
  return shared;
}
