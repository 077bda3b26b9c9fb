/** `annals code` in-process: output formats, `--offsets raw`, standard input, usage errors. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, fixturePaths, PLAIN_DATE } from './fixtures.js';
import { jsonLines, runMain } from './run-main.js';
import { schemaErrors } from './validate-output.js';

interface Span {
  start: number;
  end: number;
  text?: string;
}

/** The article text as read, by the test's own reading of the input formats. */
function bodiesOf(path: string): string[] {
  const content = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl'))
    return content
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
  const m = /^\s*date[ \t]+\S+[ \t]*\r?\n?[ \t]*/.exec(content);
  return [m ? content.slice(m[0].length) : content];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('annals code --offsets raw', () => {
  for (const path of fixturePaths()) {
    it(`indexes the text as read: ${path.slice(path.indexOf('fixtures/'))}`, async () => {
      const clean = jsonLines(
        (
          await runMain([
            'code',
            '--format',
            'jsonl',
            '--workers',
            '1',
            '--tokens',
            '--date',
            PLAIN_DATE,
            path,
          ])
        ).stdout,
      );
      const run = await runMain([
        'code',
        '--format',
        'jsonl',
        '--workers',
        '1',
        '--tokens',
        '--offsets',
        'raw',
        '--date',
        PLAIN_DATE,
        path,
      ]);
      expect(run.code).toBe(0);
      const raw = jsonLines(run.stdout);
      const bodies = bodiesOf(path);
      expect(raw).toHaveLength(bodies.length);
      raw.forEach((doc, k) => {
        expect(schemaErrors(doc)).toEqual([]);
        expect(doc.offsets).toBe('raw');
        const text = bodies[k];
        expect(doc.text).toBe(text);
        const cleanDoc = clean[k];
        const cleanText = cleanDoc.text as string;
        const repairs = doc.repairs as Span[];
        const touched = (s: Span) => repairs.some((r) => r.start < s.end && r.end > s.start);
        // Tokens: the raw slice is the token as read; where no repair touched it, it is the cleaned token.
        const rawTokens = doc.tokens as Span[];
        const cleanTokens = cleanDoc.tokens as Span[];
        expect(rawTokens).toHaveLength(cleanTokens.length);
        rawTokens.forEach((t, i) => {
          expect(t.text).toBe(text.slice(t.start, t.end));
          if (!touched(t)) expect(t.text).toBe(cleanText.slice(cleanTokens[i].start, cleanTokens[i].end));
        });
        // Sentences: start and end on a character of the sentence; same words as the cleaned sentence.
        const rawSentences = doc.sentences as Span[];
        const cleanSentences = cleanDoc.sentences as Span[];
        rawSentences.forEach((s, i) => {
          expect(text[s.start]).toBe(cleanText[cleanSentences[i].start]);
          expect(text[s.end - 1]).toBe(cleanText[cleanSentences[i].end - 1]);
          if (!touched(s))
            expect(squash(text.slice(s.start, s.end))).toBe(
              squash(cleanText.slice(cleanSentences[i].start, cleanSentences[i].end)),
            );
        });
        // Repairs index the text as read in both modes.
        for (const r of repairs as (Span & { original: string })[])
          expect(text.slice(r.start, r.end)).toBe(r.original);
      });
    });
  }
});

describe('annals code output formats', () => {
  it('--format json prints one JSON array of valid documents', async () => {
    const run = await runMain(['code', '--format', 'json', '--workers', '1', ARTICLES_DIR]);
    expect(run.code).toBe(0);
    const docs = JSON.parse(run.stdout) as unknown[];
    expect(docs.length).toBeGreaterThanOrEqual(12);
    for (const d of docs) expect(schemaErrors(d)).toEqual([]);
  });

  it('the default summary names each article, its date, sentences, headings and repairs', async () => {
    const path = fixturePaths().find((p) => p.includes('07-translated'))!;
    const run = await runMain(['code', '--workers', '1', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^== [0-9a-f]{16} {2}2023-11-08 {2}HANOI/);
    expect(run.stdout).toContain('5 sentences (0 headings), 5 repairs');
    expect(run.stdout).toContain('repair orphan-fragment: ". -winner," -> ","');
    const one = await runMain([
      'code',
      '--workers',
      '1',
      fixturePaths().find((p) => p.includes('01-state'))!,
    ]);
    expect(one.stdout).toContain('6 sentences (1 heading), 1 repair\n');
  });

  it('usage errors exit 2 and say what is wrong', async () => {
    expect(await runMain(['code'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no input') });
    expect(await runMain(['code', '--format', 'xml', ARTICLES_DIR])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown --format 'xml'"),
    });
    expect(await runMain(['code', '--offsets', 'both', ARTICLES_DIR])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--offsets must be clean or raw'),
    });
    expect((await runMain(['code', '--bogus', ARTICLES_DIR])).code).toBe(2);
  });
});

describe('annals code - (standard input)', () => {
  it('reads a dated text article', async () => {
    const run = await runMain(
      ['code', '--format', 'jsonl', '--workers', '1', '-'],
      'date 2024-05-06\nThe president met Mr. Lee in Seoul. They discussed trade.\n',
    );
    expect(run.code).toBe(0);
    const [doc] = jsonLines(run.stdout);
    expect(doc.date).toBe('2024-05-06');
    expect((doc.sentences as unknown[]).length).toBe(2);
    expect(run.stderr).toBe('');
  });

  it('reads plain text with --date', async () => {
    const run = await runMain(
      ['code', '--format', 'jsonl', '--workers', '1', '--date', '2024-05-07', '-'],
      'Rebels shelled the port city overnight.',
    );
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((d) => d.date)).toEqual(['2024-05-07']);
  });

  it('reads JSONL when the input starts with {, reporting bad lines as <stdin>:N', async () => {
    const input = [
      JSON.stringify({ id: 's1', date: '2024-05-08', text: 'The cabinet resigned.' }),
      'not json at all',
      JSON.stringify({ id: 's3', date: '2024-05-09T08:00:00Z', title: 'Vote', text: 'Parliament voted.' }),
    ].join('\n');
    const run = await runMain(['code', '--format', 'jsonl', '--workers', '1', '-'], input);
    expect(run.code).toBe(1);
    const docs = jsonLines(run.stdout);
    expect(docs.map((d) => [d.id, d.date, d.title])).toEqual([
      ['s1', '2024-05-08', null],
      ['s3', '2024-05-09', 'Vote'],
    ]);
    expect(run.stderr).toContain('annals: <stdin>:2: not JSON');
  });

  it('says so when standard input holds no date', async () => {
    const run = await runMain(['code', '--format', 'jsonl', '--workers', '1', '-'], 'Just text.\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('annals: <stdin>: no date');
  });
});
