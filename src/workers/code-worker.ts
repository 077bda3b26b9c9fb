/**
 * Worker thread entry: loads the pipeline (and with it every model) once, then codes the articles the
 * pool sends, in order, in batches (stage by stage, `Pipeline.runBatch`; see serve.ts). `workerData`:
 * `{ mode: TaskMode, pipelineModule?: string }`.
 */
import { workerData } from 'node:worker_threads';
import { codeBatchTask, loadPipeline, transferables, type TaskMode } from './code-task.js';
import { serveBatches } from './serve.js';

const data = (workerData ?? {}) as { mode?: TaskMode; pipelineModule?: string };
serveBatches(codeBatchTask(await loadPipeline(data.pipelineModule), data.mode), { transfer: transferables });
