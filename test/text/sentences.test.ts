/** Paragraphs, sentences and headings on news text. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/clean/clean.js';
import { createDoc } from '../../src/pipeline.js';
import { isHeading, paragraphs, splitSentences } from '../../src/text/sentences.js';
import { segmentStage } from '../../src/text/segment-stage.js';

/** Cleans and segments `raw`; returns each segment's text, marked `# ` when it is a heading. */
function segment(raw: string): string[] {
  const doc = createDoc({ date: null, text: raw });
  doc.text = cleanText(raw).text;
  segmentStage.run(doc);
  return doc.sentences!.map((s) => (s.heading ? '# ' : '') + doc.text.slice(s.start, s.end));
}

function sentencesOf(text: string): string[] {
  return splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
}

describe('sentences: abbreviations and titles', () => {
  it.each([
    ['Mr. Wang met Mrs. Li and Dr. Kim. They talked.', ['Mr. Wang met Mrs. Li and Dr. Kim.', 'They talked.']],
    [
      'Gen. Ahmed and Lt. Col. Omar left. Sen. Smith stayed.',
      ['Gen. Ahmed and Lt. Col. Omar left.', 'Sen. Smith stayed.'],
    ],
    [
      'The vote is on Jan. 5 at No. 10 Downing Street. It is set.',
      ['The vote is on Jan. 5 at No. 10 Downing Street.', 'It is set.'],
    ],
    [
      'He visited the U.S. and the U.N. in May. Then he left.',
      ['He visited the U.S. and the U.N. in May.', 'Then he left.'],
    ],
    ['He lives in the U.S. The rest stayed home.', ['He lives in the U.S.', 'The rest stayed home.']],
    [
      'Some states, e.g. France, objected. Others, i.e. most, agreed.',
      ['Some states, e.g. France, objected.', 'Others, i.e. most, agreed.'],
    ],
    [
      'Talks began at 9 a.m. and ended at 5 p.m. The next round is Monday.',
      ['Talks began at 9 a.m. and ended at 5 p.m.', 'The next round is Monday.'],
    ],
    [
      'Acme Corp. said profits rose. Acme Inc. Chief Lee agreed.',
      ['Acme Corp. said profits rose.', 'Acme Inc. Chief Lee agreed.'],
    ],
  ])('%s', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('looks abbreviations up after a hyphen and, for capitals, capitalized', () => {
    expect(sentencesOf('A Sino-U.S. Joint venture was set up. It grew.')).toEqual([
      'A Sino-U.S. Joint venture was set up.',
      'It grew.',
    ]);
    expect(sentencesOf('ST. LOUIS, March 5 - The firm said profits rose.')).toHaveLength(1);
  });

  it('a noun after U.S. is a modifier, not a sentence opener', () => {
    expect(sentencesOf('Some U.S. Officials said talks went well.')).toHaveLength(1);
  });

  it('no sentence ends at a title', () => {
    const text = 'The talks were led by Mr. Wang. Mr. Wang, Dr. Lee and Gen. Park met Mrs. Kim.';
    for (const s of sentencesOf(text)) expect(s).not.toMatch(/\b(Mr|Dr|Gen|Mrs)\.$/);
  });
});

describe('sentences: initials, decimals, numbers', () => {
  it.each([
    [
      'U.S. President George W. Bush met Tony Blair. They spoke.',
      ['U.S. President George W. Bush met Tony Blair.', 'They spoke.'],
    ],
    ['J. R. R. Tolkien wrote it. It sold well.', ['J. R. R. Tolkien wrote it.', 'It sold well.']],
    [
      'Growth was 3.5 percent, down from 4.25. Inflation rose.',
      ['Growth was 3.5 percent, down from 4.25.', 'Inflation rose.'],
    ],
    [
      'It cost $1.5 billion. The deal closed in 2024. 300 people lost jobs.',
      ['It cost $1.5 billion.', 'The deal closed in 2024.', '300 people lost jobs.'],
    ],
  ])('%s', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('sentences: quotations', () => {
  it.each([
    [
      '"We will not give up," he said. The crowd cheered.',
      ['"We will not give up," he said.', 'The crowd cheered.'],
    ],
    ['“We will win.” The crowd cheered.', ['“We will win.”', 'The crowd cheered.']],
    ['“Go home!” she shouted. “Now?” he asked.', ['“Go home!” she shouted.', '“Now?” he asked.']],
    ['It showed "contempt for voters." He left.', ['It showed "contempt for voters."', 'He left.']],
    [
      '“This must end,” the spokesperson said. “It will.”',
      ['“This must end,” the spokesperson said.', '“It will.”'],
    ],
    ['He said: “We will win.” Then he left.', ['He said: “We will win.”', 'Then he left.']],
  ])('%s', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('a dash followed by a space opens a sentence', () => {
    expect(sentencesOf('Use rose 91.1 percent. -- New York Energy Desk')).toEqual([
      'Use rose 91.1 percent.',
      '-- New York Energy Desk',
    ]);
    expect(sentencesOf('It fell. -based firms')).toHaveLength(1);
  });

  it('ranked list numbers are not sentence ends; a number after a word is', () => {
    expect(sentencesOf('Final placings: 1. Rolf Sorensen 4:20 2. Max Sciandri 4:25')).toHaveLength(1);
    expect(sentencesOf('1. Ann Lee 211,420 10. Bo Kim 209,412')).toHaveLength(1);
    expect(sentencesOf('The score rose to 10. Then it fell.')).toEqual([
      'The score rose to 10.',
      'Then it fell.',
    ]);
    expect(sentencesOf('It was founded in 1996. The rest followed.')).toHaveLength(2);
  });

  it('an ellipsis followed by a lower-case word does not end the sentence', () => {
    expect(sentencesOf('He warned of a trade war... but ten members backed it.')).toHaveLength(1);
  });
});

describe('paragraphs and headings', () => {
  it('blank lines separate paragraphs; a short unpunctuated line is a heading', () => {
    expect(segment('First point. Second point.\n\nNew model for talks\n\nThe body goes on.')).toEqual([
      'First point.',
      'Second point.',
      '# New model for talks',
      'The body goes on.',
    ]);
  });

  it('a quoted heading keeps its quotes', () => {
    expect(segment('Body one.\n\n“A journey of peace”\n\nBody two.')).toEqual([
      'Body one.',
      '# “A journey of peace”',
      'Body two.',
    ]);
  });

  it('text with no blank lines: each line ending a sentence ends a paragraph; headings stand alone', () => {
    const text =
      'Talks resumed on Monday, officials said.\nBackground to the talks\nA truce in November freed 105 hostages held since October.';
    const p = paragraphs(text);
    expect(p.map((x) => text.slice(x.start, x.end))).toEqual([
      'Talks resumed on Monday, officials said.',
      'Background to the talks',
      'A truce in November freed 105 hostages held since October.',
    ]);
    expect(p.map((x) => isHeading(text, x))).toEqual([false, true, false]);
  });

  it('wrapped lines stay in their paragraph and sentence', () => {
    const text =
      'Ministers from the two countries met in the capital on\nTuesday and agreed to reopen the border crossing\nnext month. Trade will resume.\n\nA second paragraph follows.';
    expect(paragraphs(text)).toHaveLength(2);
    expect(segment(text)).toEqual([
      'Ministers from the two countries met in the capital on\nTuesday and agreed to reopen the border crossing\nnext month.',
      'Trade will resume.',
      'A second paragraph follows.',
    ]);
  });

  it('indented wire paragraphs become paragraphs', () => {
    const p = paragraphs(
      cleanText('The bank raised rates.\n    It said inflation was\ntoo high.\n    Markets fell.').text,
    );
    expect(p.map((x) => x.index)).toEqual([0, 1, 2]);
  });

  it('a dateline on its own line is not a heading and joins the story', () => {
    expect(
      segment('BEIJING, March 17 (Xinhua) --\nChinese President Xi Jinping will visit Russia next week.'),
    ).toEqual(['BEIJING, March 17 (Xinhua) --\nChinese President Xi Jinping will visit Russia next week.']);
  });

  it('a heading followed by its paragraph on the next line, in a text with blank lines', () => {
    expect(
      segment(
        'Intro sentence here.\n\nTrade and energy\nThe two sides signed deals on oil and gas supplies.',
      ),
    ).toEqual([
      'Intro sentence here.',
      '# Trade and energy',
      'The two sides signed deals on oil and gas supplies.',
    ]);
  });

  it('a blank line inside a sentence (the next line starts in lower case) keeps the paragraph', () => {
    const text =
      'LONDON: The opposition leader\n\nhas won the support of most papers,\n\nreinforcing his lead.\n\nNext story.';
    expect(segment(text)).toEqual([
      'LONDON: The opposition leader\n\nhas won the support of most papers,\n\nreinforcing his lead.',
      'Next story.',
    ]);
  });

  it('a short paragraph that holds a sentence end is not a heading', () => {
    expect(segment('The fire was put out, officials said. More\n\nThe next story.')).toEqual([
      'The fire was put out, officials said.',
      'More',
      'The next story.',
    ]);
  });

  it('long unpunctuated paragraphs and lines ending in a colon are not headings', () => {
    const long = Array.from({ length: 25 }, (_, i) => `word${i}`).join(' ');
    expect(isHeading(long, { start: 0, end: long.length })).toBe(false);
    const colon = 'The statement read:';
    expect(isHeading(colon, { start: 0, end: colon.length })).toBe(false);
  });

  it('sentence offsets index the text and paragraphs number from 0 in order', () => {
    const raw = 'date line not parsed here\n\nOne. Two.\n\nThree.';
    const doc = createDoc({ date: null, text: raw });
    doc.text = cleanText(raw).text;
    segmentStage.run(doc);
    expect(doc.sentences!.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
    for (const s of doc.sentences!) {
      expect(doc.text.slice(s.start, s.end).trim()).toBe(doc.text.slice(s.start, s.end));
      expect(s.stage).toBe('segment');
    }
    expect(doc.sentences!.map((s) => s.rule)).toEqual([
      'heading',
      'end-punctuation',
      'paragraph-end',
      'paragraph-end',
    ]);
  });
});
