/**
 * The pipeline's version, defined here and nowhere else. The store records it with every article;
 * `annals reprocess` re-codes the articles stored under any other version.
 *
 * Bump PIPELINE_VERSION when a stage's output changes for the same input (a new rule, a lexicon change).
 * The stage list is part of the version too, so adding or removing a stage makes older articles stale
 * without anyone having to remember to bump the number.
 */
import { DEFAULT_STAGES } from './stages.js';

export const PIPELINE_VERSION = 1;

/** `1+clean,segment,...`: the number and the default stages, as stored with each article. */
export function pipelineVersion(stageNames: readonly string[] = DEFAULT_STAGES.map((s) => s.name)): string {
  return `${PIPELINE_VERSION}+${stageNames.join(',')}`;
}
