/**
 * Worker thread entry: loads the pipeline (and with it every model) once, then codes the articles the
 * pool sends, in order. `workerData`: `{ output?: OutputOptions, pipelineModule?: string }`.
 */
import { workerData } from 'node:worker_threads';
import type { OutputOptions } from '../output/document-json.js';
import { codeTask, loadPipeline } from './code-task.js';
import { serveTasks } from './serve.js';

const data = (workerData ?? {}) as { output?: OutputOptions; pipelineModule?: string };
serveTasks(codeTask(await loadPipeline(data.pipelineModule), data.output));
