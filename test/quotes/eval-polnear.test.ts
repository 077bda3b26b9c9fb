/** Runs the PolNeAR evaluation on the first articles of dev and holds the scores above a floor. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSpeechCue, readPolnear, scoreArticles } from '../../eval/quotes-eval.js';
import { SHARED, describeShared } from '../helpers/shared.js';

describe('speech-cue filter of the evaluation', () => {
  it('keeps speech verbs and according-to, not verbs of thinking', () => {
    expect(isSpeechCue('said in a statement')).toBe(true);
    expect(isSpeechCue('According to')).toBe(true);
    expect(isSpeechCue('replied')).toBe(true);
    expect(isSpeechCue('believes')).toBe(false);
    expect(isSpeechCue('wants')).toBe(false);
  });
});

describeShared('gold/polnear/dev', 'PolNeAR dev (first 30 articles)', () => {
  const dir = fileURLToPath(new URL('gold/polnear/dev/', `file://${SHARED}`));
  const scores = scoreArticles(readPolnear(dir, 30));

  it('scores content overlap F1 of at least 0.65', () => {
    expect(scores.gold).toBeGreaterThan(100);
    expect(scores.f1).toBeGreaterThanOrEqual(0.65);
  });

  it('names the right speaker on at least 80% of the matched attributions', () => {
    expect(scores.speakerCases).toBeGreaterThan(50);
    expect(scores.speakerAccuracy).toBeGreaterThanOrEqual(0.8);
  });
});
