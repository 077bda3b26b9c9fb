/**
 * Trains the part-of-speech tagger and the chunker on CoNLL-2003 `eng.train` and writes them to `models/`.
 * Run with `npm run train:taggers` (which also trains the name tagger); `--train FILE` reads another
 * file in the same format.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelPath, trainGreedy, type Perceptron } from './perceptron.js';
import { iobAllowed, readConll, type ConllSentence } from './pos-conll.js';
import { SentenceValues } from './pos-features.js';
import { CHUNK_MODEL, chunkFeatures, POS_MODEL, posFeatures, tagPos } from './pos-tagger.js';

export const DEFAULT_TRAIN = fileURLToPath(
  new URL('../../../shared/gold/conll2003/eng.train', import.meta.url),
);

/** Words seen at least `minCount` times with one tag at least `purity` of the time. */
export function buildTagDictionary(sentences: readonly ConllSentence[], minCount = 20, purity = 0.97) {
  const counts = new Map<string, Map<string, number>>();
  const values = new SentenceValues();
  for (const s of sentences) {
    values.load(s.words);
    s.pos.forEach((tag, i) => {
      const word = values.words[i];
      let byTag = counts.get(word);
      if (!byTag) counts.set(word, (byTag = new Map()));
      byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    });
  }
  const dict: Record<string, string> = {};
  for (const [word, byTag] of counts) {
    let total = 0;
    let best = '';
    let bestCount = 0;
    for (const [tag, c] of byTag) {
      total += c;
      if (c > bestCount) [best, bestCount] = [tag, c];
    }
    if (total >= minCount && bestCount / total >= purity) dict[word] = best;
  }
  return dict;
}

const BITS = Number(process.env.TAGGER_BITS ?? 20);

const classesOf = (tags: Iterable<string>) => [...new Set(tags)].sort();

export function trainPosModels(
  sentences: readonly ConllSentence[],
  log: (line: string) => void = () => {},
  epochs = 8,
) {
  const values = sentences.map((s) => new SentenceValues().load(s.words));
  const posClasses = classesOf(sentences.flatMap((s) => s.pos));
  const posIndex = new Map(posClasses.map((c, i) => [c, i]));
  log(`pos: ${sentences.length} sentences, ${posClasses.length} tags`);
  const pos = trainGreedy(
    posClasses,
    values.map((seq, k) => ({ seq, gold: Int32Array.from(sentences[k].pos, (t) => posIndex.get(t)!) })),
    { length: (s) => s.n, featurize: posFeatures },
    { epochs, log, bits: BITS, prune: 0.05 },
  );
  const tagdict = buildTagDictionary(sentences);
  (pos.meta as Record<string, unknown>).tagdict = tagdict;

  // The chunker learns from the tags the tagger gives, as it will see at run time.
  const chunkClasses = classesOf(sentences.flatMap((s) => s.chunk));
  const chunkIndex = new Map(chunkClasses.map((c, i) => [c, i]));
  const allowed = iobAllowed(chunkClasses);
  const index = new Map(posClasses.map((c, i) => [c, i]));
  const dict = new Map(Object.entries(tagdict).map(([w, t]) => [w, index.get(t)!]));
  for (const v of values) tagPos(v, pos, dict);
  log(`chunk: ${chunkClasses.length} tags`);
  const chunk = trainGreedy(
    chunkClasses,
    values.map((seq, k) => ({ seq, gold: Int32Array.from(sentences[k].chunk, (t) => chunkIndex.get(t)!) })),
    {
      length: (s) => s.n,
      featurize: chunkFeatures,
      allowed: (_s, i, tags) => allowed[i > 0 ? tags[i - 1] + 1 : 0],
    },
    { epochs, log, bits: BITS, prune: 0.05 },
  );
  return { pos, chunk };
}

export function savePosModels(models: { pos: Perceptron; chunk: Perceptron }): string[] {
  const lines: string[] = [];
  for (const [name, model] of [
    [POS_MODEL, models.pos],
    [CHUNK_MODEL, models.chunk],
  ] as const) {
    const file = model.encode(model.meta, 2);
    writeFileSync(modelPath(name), file);
    lines.push(`${name}: ${model.size} weights, ${(file.length / 1024).toFixed(0)} KB`);
  }
  return lines;
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
  const sentences = readConll(file).flatMap((d) => d.sentences);
  const t0 = Date.now();
  const models = trainPosModels(sentences, console.log);
  for (const line of savePosModels(models)) console.log(line);
  console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
