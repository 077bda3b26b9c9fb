/**
 * Worker thread entry: loads the pipeline (and with it every model) once, then codes the articles the
 * pool sends, in order, in batches (stage by stage, `Pipeline.runBatch`; see serve.ts). `workerData`:
 * `{ mode: TaskMode, pipelineModule?: string, models?: the trained models in shared memory }`.
 */
import { workerData } from 'node:worker_threads';
import { codeBatchTask, loadPipeline, transferables, type TaskMode } from './code-task.js';
import { serveBatches } from './serve.js';
import { usePreloadedModels, type SharedModel } from '../text/perceptron.js';

const data = (workerData ?? {}) as {
  mode?: TaskMode;
  pipelineModule?: string;
  models?: Record<string, SharedModel>;
};
if (data.models) usePreloadedModels(data.models);
serveBatches(codeBatchTask(await loadPipeline(data.pipelineModule), data.mode), { transfer: transferables });
