/**
 * Scores the quotes stage against PolNeAR (brat standoff, Source/Cue/Content), for the gold attributions
 * whose cue is a speech verb:
 *   recall     gold speech attributions whose content some predicted quote overlaps
 *   precision  predicted quotes whose content overlaps a gold attribution's content (any cue: PolNeAR
 *              annotates every attribution, so a prediction overlapping one is a real attribution);
 *              `strictPrecision` counts only overlaps with the speech-verb ones
 *   speaker    on matched gold attributions that have a Source: the best-overlapping prediction's speaker
 *              span overlaps the Source (`speakerAccuracy`), or names the same person, its last
 *              capitalised word appearing in the Source, or its actor (from the actors stage) having a
 *              mention inside the Source (`speakerEntityAccuracy`)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Doc, Span } from '../src/doc.js';
import { buildPipeline, type Pipeline } from '../src/pipeline.js';
import { quotesStage } from '../src/quotes/quotes-stage.js';
import { DEFAULT_STAGES } from '../src/stages.js';
import { parseBrat, type GoldAttribution } from './quotes-brat.js';

/** Speech verbs, by lemma; a gold attribution counts when a word of its cue is a form of one of them. */
const SPEECH_LEMMAS = [
  'say',
  'tell',
  'add',
  'note',
  'state',
  'claim',
  'ask',
  'write',
  'explain',
  'argue',
  'insist',
  'declare',
  'announce',
  'report',
  'respond',
  'reply',
  'stress',
  'reiterate',
  'warn',
  'tweet',
  'remark',
  'comment',
  'acknowledge',
  'admit',
  'deny',
  'suggest',
  'recall',
  'assert',
  'emphasize',
  'concede',
  'joke',
  'predict',
  'vow',
  'promise',
  'confirm',
  'complain',
  'boast',
  'urge',
  'echo',
  'assure',
  'testify',
  'mention',
  'reveal',
  'indicate',
  'pledge',
  'question',
  'answer',
  'shout',
  'quip',
  'observe',
  'contend',
];
const IRREGULAR = ['said', 'told', 'wrote', 'written', 'according'];

function inflections(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const y = lemma.endsWith('y') ? lemma.slice(0, -1) : null;
  const forms = [lemma, lemma + 's', stem + 'ed', stem + 'ing', lemma + 'ed'];
  if (y) forms.push(y + 'ies', y + 'ied');
  if (/(s|sh|ch|x|o)$/.test(lemma)) forms.push(lemma + 'es');
  return forms;
}

export const SPEECH_FORMS = new Set([...SPEECH_LEMMAS.flatMap(inflections), ...IRREGULAR]);

export function isSpeechCue(cueText: string): boolean {
  return cueText
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => SPEECH_FORMS.has(w));
}

export interface Article {
  name: string;
  text: string;
  gold: GoldAttribution[];
}

/** Articles of a PolNeAR split (`.../dev/`), one annotation each (the first annotator's when several). */
export function readPolnear(dir: string, limit = Infinity): Article[] {
  const out: Article[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(dir + 'attributions').sort()) {
    const name = file.replace(/_[0-9a-f]+\.ann$/, '');
    if (seen.has(name) || !existsSync(`${dir}text/${name}.txt`)) continue;
    seen.add(name);
    if (out.length >= limit) break;
    out.push({
      name,
      text: readFileSync(`${dir}text/${name}.txt`, 'utf8'),
      gold: parseBrat(readFileSync(dir + 'attributions/' + file, 'utf8')),
    });
  }
  return out;
}

export interface PredictedQuote {
  content: Span;
  speaker: Span | null;
  speakerText: string;
  /** The speaker's actor id, when the actors stage ran. */
  actor: string | null;
  kind: string;
  rule: string;
}

export interface Scores {
  articles: number;
  gold: number;
  predicted: number;
  matchedGold: number;
  correctPredicted: number;
  strictPredicted: number;
  precision: number;
  strictPrecision: number;
  recall: number;
  f1: number;
  speakerCases: number;
  speakerAccuracy: number;
  speakerEntityAccuracy: number;
  byKind: Record<string, { predicted: number; correct: number }>;
}

let pipeline: Pipeline | undefined;

function quotesPipeline(): Pipeline {
  const names = DEFAULT_STAGES.map((s) => s.name);
  pipeline ??= buildPipeline(
    names.includes(quotesStage.name) ? DEFAULT_STAGES : [...DEFAULT_STAGES, quotesStage],
  );
  return pipeline;
}

/** An actor mention in raw offsets, to tell whether a gold Source names our speaker's actor. */
export interface RawMention extends Span {
  actor: string;
}

/** Runs the pipeline on raw PolNeAR text and maps the quotes (and actor mentions) back to raw offsets. */
export function predict(text: string, mentions: RawMention[] = []): PredictedQuote[] {
  const doc: Doc = quotesPipeline().run({ date: null, text });
  const raw = (s: Span): Span => ({
    start: doc.alignment.toRaw(s.start, 'start'),
    end: doc.alignment.toRaw(s.end, 'end'),
  });
  for (const m of doc.mentions ?? []) if (m.actor) mentions.push({ ...raw(m), actor: m.actor });
  return (doc.quotes ?? []).map((q) => {
    const sp =
      q.speaker && q.speaker.start !== undefined && q.speaker.end !== undefined
        ? { start: q.speaker.start, end: q.speaker.end }
        : null;
    return {
      content: raw(q),
      speaker: sp ? raw(sp) : null,
      speakerText: sp ? doc.text.slice(sp.start, sp.end) : '',
      actor: q.speaker?.actor ?? null,
      kind: q.kind,
      rule: q.rule ?? '',
    };
  });
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function overlapAny(a: Span, fragments: readonly Span[]): number {
  let n = 0;
  for (const f of fragments) n += overlap(a, f);
  return n;
}

const CAPITALISED = /\p{Lu}[\p{L}.'’-]*/gu;

function sameName(speakerText: string, sourceText: string): boolean {
  const words: string[] = speakerText.match(CAPITALISED) ?? [];
  const last = words[words.length - 1];
  const source: string[] = sourceText.match(CAPITALISED) ?? [];
  return last !== undefined && source.includes(last);
}

export interface ArticleResult {
  article: Article;
  predicted: PredictedQuote[];
  speech: GoldAttribution[];
  missed: GoldAttribution[];
  spurious: PredictedQuote[];
  wrongSpeaker: { gold: GoldAttribution; predicted: PredictedQuote }[];
}

export function scoreArticles(articles: readonly Article[], onArticle?: (r: ArticleResult) => void): Scores {
  let gold = 0;
  let predicted = 0;
  let matchedGold = 0;
  let correctPredicted = 0;
  let strictPredicted = 0;
  let speakerCases = 0;
  let speakerRight = 0;
  let speakerEntityRight = 0;
  const byKind: Scores['byKind'] = {};
  for (const article of articles) {
    const mentions: RawMention[] = [];
    const preds = predict(article.text, mentions);
    const speech = article.gold.filter((g) => isSpeechCue(g.cueText));
    const result: ArticleResult = {
      article,
      predicted: preds,
      speech,
      missed: [],
      spurious: [],
      wrongSpeaker: [],
    };
    gold += speech.length;
    predicted += preds.length;
    for (const p of preds) {
      const k = (byKind[p.kind] ??= { predicted: 0, correct: 0 });
      k.predicted++;
      const any = article.gold.some((g) => overlapAny(p.content, g.content) > 0);
      if (any) {
        correctPredicted++;
        k.correct++;
      } else result.spurious.push(p);
      if (speech.some((g) => overlapAny(p.content, g.content) > 0)) strictPredicted++;
    }
    for (const g of speech) {
      let best: PredictedQuote | null = null;
      let bestOverlap = 0;
      for (const p of preds) {
        const o = overlapAny(p.content, g.content);
        if (o > bestOverlap) {
          best = p;
          bestOverlap = o;
        }
      }
      if (!best) {
        result.missed.push(g);
        continue;
      }
      matchedGold++;
      if (!g.source.length) continue;
      speakerCases++;
      const overlapOk = best.speaker !== null && overlapAny(best.speaker, g.source) > 0;
      const sourceText = g.source.map((s) => article.text.slice(s.start, s.end)).join(' ');
      if (overlapOk) speakerRight++;
      const actor = best.actor;
      const sameActor =
        actor !== null && mentions.some((m) => m.actor === actor && overlapAny(m, g.source) > 0);
      if (overlapOk || sameActor || (best.speaker !== null && sameName(best.speakerText, sourceText)))
        speakerEntityRight++;
      else result.wrongSpeaker.push({ gold: g, predicted: best });
    }
    onArticle?.(result);
  }
  const precision = predicted ? correctPredicted / predicted : 0;
  const recall = gold ? matchedGold / gold : 0;
  return {
    articles: articles.length,
    gold,
    predicted,
    matchedGold,
    correctPredicted,
    strictPredicted,
    precision,
    strictPrecision: predicted ? strictPredicted / predicted : 0,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    speakerCases,
    speakerAccuracy: speakerCases ? speakerRight / speakerCases : 0,
    speakerEntityAccuracy: speakerCases ? speakerEntityRight / speakerCases : 0,
    byKind,
  };
}
