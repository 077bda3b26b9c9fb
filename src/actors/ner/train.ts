/**
 * Trains the name tagger on CoNLL-2003 `eng.train` (part-of-speech and chunk features come from the
 * trained `pos` models, as at run time) and writes `models/ner.bin.gz`. Part of `npm run train:taggers`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelPath, trainGreedy } from '../../text/perceptron.js';
import { readConll, type ConllDocument } from '../../text/pos-conll.js';
import { SentenceValues } from '../../text/pos-features.js';
import { modelsFrom, posModels, tagSentence } from '../../text/pos-tagger.js';
import { DEFAULT_TRAIN, trainPosModels } from '../../text/pos-train.js';
import { cleanStage } from '../../clean/clean-stage.js';
import { buildPipeline, type Pipeline } from '../../pipeline.js';
import { posStage, posStageWith } from '../../text/pos-stage.js';
import { segmentStage } from '../../text/segment-stage.js';
import { conllText, projectNames } from './conll-text.js';
import { NerInput, nerFeatures, nerInputOfDoc } from './features.js';
import { bilouAllowed, NER_CLASSES, NER_MODEL, toBilou, typeTable } from './tagger.js';

/** A CoNLL document as the tagger sees it at run time: our own part-of-speech and chunk tags. */
export function nerInputOf(doc: ConllDocument): NerInput {
  const models = posModels();
  const values = new SentenceValues();
  const sentences = doc.sentences.map((s) => {
    values.load(s.words);
    tagSentence(values, models);
    return {
      words: s.words,
      pos: s.words.map((_, i) => models.pos.classes[values.pos[i]]),
      chunk: s.words.map((_, i) => models.chunk.classes[values.chunk[i]]),
    };
  });
  return new NerInput().load(sentences);
}

const defaultReader = buildPipeline([cleanStage, segmentStage, posStage]);

/**
 * A training example on the pipeline's own tokens and sentences: the document's text is rebuilt, run
 * through clean, segment and pos, and the gold names are projected onto the tokens, so the tagger learns
 * from exactly what it sees at run time.
 */
export function pipelineExample(
  doc: ConllDocument,
  reader: Pipeline = defaultReader,
): { input: NerInput; tags: string[] } {
  const { text, names } = conllText(doc);
  const processed = reader.run({ date: null, text });
  return { input: nerInputOfDoc(processed), tags: projectNames(processed, names) };
}

export function trainNer(docs: readonly ConllDocument[], epochs = 8, log: (line: string) => void = () => {}) {
  const index = new Map(NER_CLASSES.map((c, i) => [c, i]));
  const typeOf = typeTable(NER_CLASSES);
  const allowed = bilouAllowed(NER_CLASSES);
  // Part-of-speech and chunk tags from models that did not see the document (two folds), so that the
  // name tagger learns how far to trust them as they are on new text, not on their own training data.
  const folds = process.env.NER_JACKKNIFE === '0' ? 1 : 2;
  const readers: Pipeline[] = [];
  for (let f = 0; f < folds; f++) {
    if (folds === 1) {
      readers.push(defaultReader);
      continue;
    }
    const rest = docs.filter((_, k) => k % folds !== f).flatMap((d) => d.sentences);
    const m = trainPosModels(rest);
    const models = modelsFrom(m.pos, m.chunk);
    readers.push(buildPipeline([cleanStage, segmentStage, posStageWith(() => models)]));
    log(`part-of-speech fold ${f + 1} of ${folds} trained`);
  }
  const data = docs.map((d, k) => {
    const { input, tags } = pipelineExample(d, readers[k % folds]);
    return { seq: input, gold: Int32Array.from(toBilouSentences(tags, input), (t) => index.get(t)!) };
  });
  log(`names: ${docs.length} documents, ${data.reduce((n, d) => n + d.gold.length, 0)} tokens`);
  return trainGreedy(
    NER_CLASSES,
    data,
    {
      length: (x) => x.n,
      featurize: (x, i, tags, out) => nerFeatures(x, i, tags, typeOf, out),
      allowed: (x, i, tags) => allowed[i > x.sStart[i] ? tags[i - 1] + 1 : 0],
    },
    { epochs, log, bits: Number(process.env.NER_BITS ?? 20), prune: Number(process.env.NER_PRUNE ?? 0.05) },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--train');
  const file = at > 0 ? process.argv[at + 1] : DEFAULT_TRAIN;
  if (!existsSync(file)) {
    console.error(
      `training needs ${file} (CoNLL-2003 eng.train in ../shared beside the checkout); it is absent`,
    );
    process.exit(2);
  }
  const epochs = Number(process.env.NER_EPOCHS ?? 12);
  const t0 = Date.now();
  const model = trainNer(readConll(file), epochs, console.log);
  const bytes = model.encode({}, 2);
  writeFileSync(modelPath(NER_MODEL), bytes);
  console.log(`${NER_MODEL}: ${model.size} weights, ${(bytes.length / 1024).toFixed(0)} KB`);
  console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** BILOU tags sentence by sentence (a name never runs across a sentence edge). */
function toBilouSentences(tags: readonly string[], input: NerInput): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length;) {
    const end = input.sEnd[i];
    const sentence = tags
      .slice(i, end)
      .map((t, k) => (k === 0 && t.startsWith('I-') ? 'B-' + t.slice(2) : t));
    out.push(...toBilou(sentence));
    i = end;
  }
  return out;
}
