import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CueLexicon, cueLexicon, parseCueRows } from '../../src/quotes/lexicon.js';
import { findQuotations } from '../../src/quotes/marks.js';
import { tokenTypes } from '../../src/text/word-types.js';
import { FIXTURES, runFile, runText, view } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(name, FIXTURES));

describe('quotation marks', () => {
  const para = (text: string) => [{ start: 0, end: text.length }];

  it('pairs curly, straight and guillemet marks', () => {
    const text = '“one” and "two" and «three»';
    const spans = findQuotations(text, para(text)).map((q) => text.slice(q.start, q.end));
    expect(spans).toEqual(['one', 'two', 'three']);
  });

  it("pairs the archive style's doubled apostrophes and typewriter marks", () => {
    const text = "''one,'' he said, ``two''";
    const qs = findQuotations(text, para(text));
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['one', 'two']);
    expect(text.slice(qs[0].close, qs[0].closeEnd)).toBe("''");
  });

  it('runs a quotation on into a paragraph that opens with a mark', () => {
    const text = '“First part.\n\n“Second part,” she said.';
    const paragraphs = [
      { start: 0, end: 12 },
      { start: 14, end: text.length },
    ];
    const [q] = findQuotations(text, paragraphs);
    expect(q.balanced).toBe(true);
    expect(q.paragraphs).toBe(2);
    expect(text.slice(q.start, q.end)).toBe('First part.\n\n“Second part');
  });

  it('stops an unbalanced quotation at its paragraph end', () => {
    const text = 'He said “this never closes.\n\nNext paragraph, with “a pair” in it.';
    const paragraphs = [
      { start: 0, end: 27 },
      { start: 29, end: text.length },
    ];
    const qs = findQuotations(text, paragraphs);
    expect(qs.map((q) => [text.slice(q.start, q.end), q.balanced])).toEqual([
      ['this never closes.', false],
      ['a pair', true],
    ]);
  });
});

describe('quotation marks over many paragraphs', () => {
  it('finds the marks of each paragraph, with paragraphs without marks between', () => {
    const text = 'A “one” b.\n\nNo marks here.\n\nNone here.\n\nC "two" and «three».';
    const paragraphs: { start: number; end: number }[] = [];
    for (let start = 0; start < text.length;) {
      const end = text.indexOf('\n\n', start) < 0 ? text.length : text.indexOf('\n\n', start);
      paragraphs.push({ start, end });
      start = end + 2;
    }
    const qs = findQuotations(text, paragraphs);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['one', 'two', 'three']);
    expect(findQuotations(text, paragraphs.slice(1, 3))).toEqual([]);
  });
});

describe('cue lexicon', () => {
  it('loads the data file with speech verbs and multi-word cues', () => {
    const lex = cueLexicon();
    const tokens = runText('According to the report, he noted it.').tokens ?? [];
    const m = lex.match(tokens, 0, tokens.length);
    expect(m?.entry.lemma).toBe('according to');
    expect(m?.end).toBe(2);
    const noted = tokens.findIndex((t) => t.text === 'noted');
    expect(lex.match(tokens, noted, tokens.length)?.entry.use).toBe('verb');
    expect(lex.match(tokens, 2, tokens.length)).toBeNull();
  });

  it('finds a cue in any capitalisation, and first words outside ASCII', () => {
    const lex = new CueLexicon(
      parseCueRows([
        ['said', 'say', 'verb', 'any'],
        ['pointed out', 'point out', 'verb', 'any'],
        ['énonça', 'énoncer', 'verb', 'any'],
      ]),
    );
    const at = (text: string) => {
      const tokens = text.split(' ').map((w, i) => ({ start: i, end: i + 1, text: w, sentence: 0 }));
      return lex.match(tokens, 0, tokens.length)?.entry.lemma ?? null;
    };
    expect([at('said'), at('Said'), at('SAID'), at('SaId'), at('Pointed out'), at('POINTED OUT')]).toEqual([
      'say',
      'say',
      'say',
      'say',
      'point out',
      'point out',
    ]);
    expect([at('sai'), at('saids'), at('Saİd'), at('told'), at(',')]).toEqual([null, null, null, null, null]);
    expect([at('énonça'), at('Énonça'), at('ÉNONÇA'), at('said')]).toEqual([
      'énoncer',
      'énoncer',
      'énoncer',
      'say',
    ]);
  });

  it('finds by word type (matchType) what it finds by text (match)', () => {
    const lex = cueLexicon();
    const tokens =
      runText('According to the report, he noted it. Officials SAID the talks, she pointed out, went on.')
        .tokens ?? [];
    const ids = tokenTypes(tokens);
    lex.typesReady();
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < tokens.length; i++)
        expect(lex.matchType(tokens, i, tokens.length, ids[i])).toEqual(lex.match(tokens, i, tokens.length));
  });

  it('rejects a malformed row', () => {
    expect(() => parseCueRows([['said', 'say', 'adverb', 'any']])).toThrow(/malformed/);
    expect(new CueLexicon(parseCueRows([['said', 'say', 'verb', 'trailing']]))).toBeInstanceOf(CueLexicon);
  });
});

describe('direct quotes', () => {
  const quotes = view(runFile(fixture('01-direct.txt')));
  const direct = quotes.filter((q) => q.kind === 'direct');

  it('finds the speaker after, before and around the quotation', () => {
    const bySpeaker = (content: string) => direct.find((q) => q.content.startsWith(content))?.speaker;
    expect(bySpeaker('We came here')).toBe('the delegation head, Anna Petrova');
    expect(bySpeaker('Nobody should')).toBe('Foreign Minister Lars Holm');
    expect(bySpeaker('The door')).toBe('Holm');
    expect(bySpeaker('and we will be back')).toBe('Holm');
    expect(bySpeaker('Is this the end')).toBe('a reporter');
    expect(bySpeaker('Not at all')).toBe('Petrova');
  });

  it('takes an attribution ending in a colon in the paragraph before', () => {
    expect(direct.find((q) => q.content.startsWith('Our offer stands'))).toMatchObject({
      speaker: 'The coalition leader',
      cue: 'told',
    });
  });

  it('reads an inverted speaker with a lower-case title before the name', () => {
    expect(direct.find((q) => q.content.startsWith('Who could'))?.speaker).toBe('former envoy Ana Lopes');
    expect(direct.find((q) => q.content.startsWith('Nobody could'))?.speaker).toBe('former envoy Ana Lopes');
  });

  it('keeps several sentences inside one quotation together', () => {
    expect(direct.find((q) => q.content.startsWith('Nobody'))?.content).toMatch(/wide\.$/);
  });

  it('lends the adjacent attribution to a quotation standing alone', () => {
    const q = direct.find((d) => d.content.startsWith('They have waited'));
    expect(q?.speaker).toMatch(/^Jamal Haddad/);
    expect(q?.rule).toMatch(/inherited$/);
  });

  it('runs a quotation over three paragraphs', () => {
    const doc = runFile(fixture('02-multi-paragraph.txt'));
    const [q] = (doc.quotes ?? []).filter((x) => x.kind === 'direct');
    const paragraphs = new Set(
      (doc.sentences ?? []).filter((s) => s.end > q.start && s.start < q.end).map((s) => s.paragraph),
    );
    expect(paragraphs.size).toBe(3);
    expect(doc.text.slice(q.speaker?.start, q.speaker?.end)).toBe('Governor Mira Tanaka');
  });

  it('does not let an unbalanced mark swallow the rest of the article', () => {
    const doc = runFile(fixture('03-unbalanced.txt'));
    const stray = doc.text.indexOf('"cut');
    const paragraphEnd = doc.text.indexOf('\n', stray);
    for (const q of doc.quotes ?? []) if (q.start <= stray) expect(q.end).toBeLessThanOrEqual(paragraphEnd);
    // The paragraphs after it are still read as usual.
    const later = view(doc).filter((q) => q.speaker === 'the transport office' || q.speaker === 'Critics');
    expect(later).toHaveLength(2);
  });

  it('drops headings, scare quotes and titles', () => {
    const quotes = view(runFile(fixture('05-not-quotes.txt')));
    expect(quotes.map((q) => q.content)).toEqual(['The committee met for three hours']);
  });

  it('reads quotations marked with doubled apostrophes', () => {
    const qs = view(runText("''Prices will fall,'' Ms. Lane said. ''Not soon, though.''"));
    expect(qs.map((q) => [q.content, q.speaker])).toEqual([
      ['Prices will fall', 'Ms. Lane'],
      ['Not soon, though.', 'Ms. Lane'],
    ]);
  });

  it('reads a straight-quote attribution inside the quotation', () => {
    const qs = view(runText('"The plan is ready," the minister said, "and it will be published soon."'));
    expect(qs.map((q) => [q.kind, q.speaker])).toEqual([
      ['direct', 'the minister'],
      ['direct', 'the minister'],
    ]);
  });
});

describe('reported speech', () => {
  const quotes = view(runFile(fixture('04-reported.txt')));
  const find = (content: string) => quotes.find((q) => q.content.startsWith(content));

  it('reads leading, trailing, participle and according-to attributions', () => {
    expect(find('the government would raise')).toMatchObject({
      kind: 'indirect',
      speaker: 'Prime Minister Elena Varga',
      cue: 'said',
    });
    expect(find('The increase will help')).toMatchObject({ speaker: 'the prime minister', cue: 'added' });
    expect(find('prices rose sharply')).toMatchObject({ speaker: 'Varga', cue: 'Noting' });
    expect(find('the new wage would')).toMatchObject({ speaker: 'Varga', cue: 'said' });
    expect(find('the budget could absorb')).toMatchObject({ speaker: 'She', cue: 'stressed' });
    expect(find('the treasury had prepared')).toMatchObject({ speaker: 'The finance minister', cue: 'told' });
    expect(find('about a third')).toMatchObject({ speaker: 'the labour office', cue: 'According to' });
    expect(find('Unemployment has fallen')).toMatchObject({ speaker: 'Varga' });
    expect(find('the economy was stronger')).toMatchObject({ speaker: 'Varga', cue: 'adding' });
    expect(find('the rise came too late')).toMatchObject({
      speaker: 'The opposition leader, Paul Weber',
      cue: 'reiterated',
    });
  });

  it('reads relative-clause speakers, subjects after an opening phrase, and one-word answers', () => {
    expect(find('the drought had ruined')).toMatchObject({ speaker: 'Most of the farmers, who' });
    expect(find('the drought had ruined')?.content).toBe('the drought had ruined their harvest');
    expect(find('the vote had been stolen')).toMatchObject({ speaker: 'the opposition leader' });
    expect(quotes.find((q) => q.content === 'yes')).toMatchObject({ speaker: '60 percent of the workers' });
  });

  it('takes any noun phrase after according to, and content after `X added,`', () => {
    expect(find('Turnout fell sharply')).toMatchObject({ speaker: 'official returns', cue: 'according to' });
    expect(find('the talks had been useful')).toMatchObject({ speaker: 'The minister', cue: 'added' });
  });

  it('reads an attribution ending in an adjunct as trailing', () => {
    expect(find('The talks collapsed')).toMatchObject({ speaker: 'the mediator', cue: 'said' });
  });

  it('gives a passive cue to its by-agent, not its subject', () => {
    expect(find('the border would reopen')).toMatchObject({
      speaker: 'the interior ministry',
      cue: 'announced',
    });
    expect(quotes.some((q) => q.speaker === 'It')).toBe(false);
  });

  it('ends a content before a participle clause that has its own content', () => {
    expect(find('Unemployment has fallen')?.content).toBe(
      'Unemployment has fallen for six quarters in a row',
    );
  });

  it('never takes a speaker from inside the content', () => {
    const q = find('President Klaus Meyer would sign');
    expect(q?.speaker).toBe('Varga');
    for (const x of quotes) expect(x.speaker).not.toMatch(/Meyer|critics/);
  });
});

describe('positions and edge cases', () => {
  const quotes = view(runFile(fixture('06-positions-and-edges.txt')));
  const find = (content: string) => quotes.find((q) => q.content.startsWith(content));

  it("reads X's position/stance is that/to as X's statement", () => {
    expect(find('to wait for a written offer')).toMatchObject({ speaker: 'The ministry', cue: 'stance' });
  });

  it('gives a sentence ending in an attribution to that attribution, not to a position inside it', () => {
    expect(find("The union's position")).toMatchObject({ speaker: 'its leader Maria Costa', cue: 'said' });
    expect(quotes.filter((q) => q.speaker === 'The union')).toHaveLength(0);
  });

  it('skips a programme title in quotation marks', () => {
    expect(quotes.some((q) => q.content.includes('Morning Report'))).toBe(false);
  });

  it('reads progressive cues and skips an adjunct before the that-clause', () => {
    expect(find('the reform will save jobs')).toMatchObject({ speaker: 'The employers', cue: 'arguing' });
    expect(find('the strike would end soon')).toMatchObject({ speaker: 'The mayor', cue: 'said' });
  });

  it('does not read an adjectival cue word (`40 pledged delegates`) as speech', () => {
    expect(quotes.filter((q) => q.cue === 'pledged')).toHaveLength(1);
  });
});
