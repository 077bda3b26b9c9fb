/**
 * Worker thread entry: loads the pipeline (and with it every model) once, then codes the articles the
 * pool sends, in batches (stage by stage), answering in order. `workerData`: `{ mode: TaskMode,
 * pipelineModule?: string }`.
 */
import { workerData } from 'node:worker_threads';
import { codeBatchTask, loadPipeline, type TaskMode } from './code-task.js';
import { serveTasks } from './serve.js';

const data = (workerData ?? {}) as { mode?: TaskMode; pipelineModule?: string };
serveTasks(codeBatchTask(await loadPipeline(data.pipelineModule), data.mode));
