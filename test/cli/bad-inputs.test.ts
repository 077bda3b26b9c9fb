/**
 * Bad input through `annals code` in-process: each failure names the file (and line) and the reason on
 * stderr and in the --rejects file, the other articles of the batch still come out, and the exit code is 1.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runMain } from './run-main.js';

interface Reject {
  file: string;
  line: number | null;
  code: string;
  reason: string;
  input: string | null;
}

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'annals-bad-'));
}

/** Two good dated articles around the bad path(s). */
function goodPair(dir: string): [string, string] {
  const a = join(dir, 'good-a.txt');
  const b = join(dir, 'good-b.txt');
  writeFileSync(a, 'date 2024-01-02\nThe first good article says the talks went well.\n');
  writeFileSync(b, 'date 2024-01-03\nThe second good article reports a new agreement.\n');
  return [a, b];
}

async function batch(paths: string[], dir: string, extra: string[] = []) {
  const rejectsPath = join(dir, 'rejects.jsonl');
  const run = await runMain([
    'code',
    '--format',
    'jsonl',
    '--workers',
    '1',
    '--rejects',
    rejectsPath,
    ...extra,
    ...paths,
  ]);
  const rejects = existsSync(rejectsPath)
    ? (jsonLines(readFileSync(rejectsPath, 'utf8')) as unknown as Reject[])
    : [];
  const docs = jsonLines(run.stdout);
  return { ...run, docs, rejects };
}

/** The shared expectations: exit 1, both good articles out in order, one failure naming file and reason. */
async function expectOneFailure(
  badPath: string,
  reason: RegExp,
  opts: { code: string; line?: number; input?: boolean },
) {
  const dir = workdir();
  const [a, b] = goodPair(dir);
  const run = await batch([a, badPath, b], dir);
  expect(run.code).toBe(1);
  expect(run.docs.map((d) => d.date)).toEqual(['2024-01-02', '2024-01-03']);
  const where = opts.line === undefined ? badPath : `${badPath}:${opts.line}`;
  const errorLine = run.stderr.split('\n').find((l) => l.includes(badPath)) ?? '';
  expect(errorLine.startsWith(`annals: ${where}: `)).toBe(true);
  expect(errorLine).toMatch(reason);
  expect(run.stderr).toContain('2 articles coded, 1 failed');
  expect(run.rejects).toHaveLength(1);
  expect(run.rejects[0].file).toBe(badPath);
  expect(run.rejects[0].line).toBe(opts.line ?? null);
  expect(run.rejects[0].code).toBe(opts.code);
  expect(run.rejects[0].reason).toMatch(reason);
  if (opts.input) expect(run.rejects[0].input).toBe(readFileSync(badPath, 'utf8'));
  return run;
}

describe('annals code on bad input', () => {
  it('a file that does not exist', async () => {
    const missing = join(workdir(), 'missing.txt');
    await expectOneFailure(missing, /cannot read: no such file or directory \(ENOENT\)/, {
      code: 'unreadable',
    });
  });

  it('a path through a file, as if it were a directory', async () => {
    const file = join(workdir(), 'plain.txt');
    writeFileSync(file, 'date 2024-01-01\nText.\n');
    const path = join(file, 'inner.txt');
    await expectOneFailure(path, /cannot read: a path component is not a directory \(ENOTDIR\)/, {
      code: 'unreadable',
    });
  });

  it('directory entries that cannot be read (a dangling link, a link loop), the rest of the directory still read', async () => {
    const dir = workdir();
    const sub = join(dir, 'batch');
    mkdirSync(sub);
    writeFileSync(join(sub, 'a.txt'), 'date 2024-02-01\nThe army withdrew from the border town.\n');
    symlinkSync(join(dir, 'nowhere.txt'), join(sub, 'b-dangling.txt'));
    symlinkSync(join(sub, 'c-loop'), join(sub, 'c-loop'));
    writeFileSync(join(sub, 'd.txt'), 'date 2024-02-02\nThe minister resigned on Friday.\n');
    const run = await batch([sub], dir);
    expect(run.code).toBe(1);
    expect(run.docs.map((d) => d.date)).toEqual(['2024-02-01', '2024-02-02']);
    expect(run.stderr).toContain(
      `annals: ${join(sub, 'b-dangling.txt')}: cannot read: no such file or directory`,
    );
    expect(run.stderr).toContain(`annals: ${join(sub, 'c-loop')}: cannot read: symbolic link loop (ELOOP)`);
    expect(run.rejects.map((r) => r.code)).toEqual(['unreadable', 'unreadable']);
  });

  it('a binary file', async () => {
    const path = join(workdir(), 'image.txt');
    writeFileSync(
      path,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    );
    await expectOneFailure(path, /binary file \(NUL bytes\), not text/, { code: 'binary' });
  });

  it('bytes that are not UTF-8, with the line and offset of the first bad byte', async () => {
    const path = join(workdir(), 'latin1.txt');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('date 2024-01-01\nThe envoy met the '),
        Buffer.from([0xe9]),
        Buffer.from('lite.\n'),
      ]),
    );
    await expectOneFailure(path, /bytes that are not UTF-8 \(byte 0xE9 at offset 34\)/, {
      code: 'not-utf8',
      line: 2,
    });
  });

  it('an empty text after the date line', async () => {
    const path = join(workdir(), 'empty.txt');
    writeFileSync(path, 'date 2024-01-01\n  \n\n');
    await expectOneFailure(path, /empty text/, { code: 'empty', input: true });
  });

  it('a zero-byte file', async () => {
    const path = join(workdir(), 'zero.txt');
    writeFileSync(path, '');
    await expectOneFailure(path, /no date/, { code: 'no-date', input: true });
  });

  it('a missing date (no date line, no --date), keeping the text in the rejects file', async () => {
    const path = join(workdir(), 'undated.txt');
    writeFileSync(path, 'Rebels seized the airport on Sunday.\n');
    await expectOneFailure(path, /no date: start the file with a line `date YYYY-MM-DD` or pass --date/, {
      code: 'no-date',
      input: true,
    });
  });

  it('an impossible date (2023-02-30)', async () => {
    const path = join(workdir(), 'feb30.txt');
    writeFileSync(path, 'date 2023-02-30\nThe parliament voted on the budget.\n');
    await expectOneFailure(path, /impossible date '2023-02-30'/, { code: 'bad-date', line: 1, input: true });
  });

  it('a date that is not YYYY-MM-DD', async () => {
    const path = join(workdir(), 'worddate.txt');
    writeFileSync(path, 'date March 5\nThe parliament voted on the budget.\n');
    await expectOneFailure(path, /date 'March' is not YYYY-MM-DD/, {
      code: 'bad-date',
      line: 1,
      input: true,
    });
  });

  it('an impossible --date for a plain-text file', async () => {
    const dir = workdir();
    const [a, b] = goodPair(dir);
    const plain = join(dir, 'plain.txt');
    writeFileSync(plain, 'Troops crossed the river at dawn.\n');
    const run = await batch([a, plain, b], dir, ['--date', '2023-02-30']);
    expect(run.code).toBe(1);
    expect(run.docs).toHaveLength(2);
    expect(run.stderr).toContain(`annals: ${plain}: --date: impossible date '2023-02-30'`);
  });

  describe('JSONL', () => {
    function jsonlFile(lines: (string | Buffer)[]): string {
      const path = join(workdir(), 'batch.jsonl');
      writeFileSync(
        path,
        Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')]))),
      );
      return path;
    }
    const good = (id: string) =>
      JSON.stringify({ id, date: '2024-03-01', text: `Story ${id}: the talks resumed.` });

    async function expectLineFailure(bad: string | Buffer, reason: RegExp, code: string) {
      const path = jsonlFile([good('j1'), bad, good('j3')]);
      const dir = workdir();
      const run = await batch([path], dir);
      expect(run.code).toBe(1);
      expect(run.docs.map((d) => d.id)).toEqual(['j1', 'j3']);
      const errorLine = run.stderr.split('\n').find((l) => l.startsWith(`annals: ${path}:2: `)) ?? '';
      expect(errorLine).toMatch(reason);
      expect(run.rejects).toEqual([
        expect.objectContaining({ file: path, line: 2, code, input: expect.any(String) }),
      ]);
      expect(run.rejects[0].reason).toMatch(reason);
      return run;
    }

    it('a line that is not JSON', async () => {
      const run = await expectLineFailure(
        '{"id": "j2", "date": "2024-03-01", text: oops}',
        /not JSON \(/,
        'bad-json',
      );
      expect(run.rejects[0].input).toBe('{"id": "j2", "date": "2024-03-01", text: oops}');
    });

    it('a record missing its text', async () => {
      await expectLineFailure(
        JSON.stringify({ id: 'j2', date: '2024-03-01' }),
        /missing field 'text'/,
        'bad-record',
      );
    });

    it('a record whose text is not a string', async () => {
      await expectLineFailure(
        JSON.stringify({ id: 'j2', date: '2024-03-01', text: 42 }),
        /field 'text' must be a string, got number/,
        'bad-record',
      );
    });

    it('a record with an empty text', async () => {
      await expectLineFailure(
        JSON.stringify({ id: 'j2', date: '2024-03-01', text: ' \n ' }),
        /empty text/,
        'empty',
      );
    });

    it('a record missing its date', async () => {
      await expectLineFailure(
        JSON.stringify({ id: 'j2', text: 'The summit ended.' }),
        /missing date/,
        'no-date',
      );
    });

    it('a record with an impossible date', async () => {
      await expectLineFailure(
        JSON.stringify({ id: 'j2', date: '2023-02-30', text: 'The summit ended.' }),
        /impossible date '2023-02-30'/,
        'bad-date',
      );
    });

    it('a line that is a JSON array, not an object', async () => {
      await expectLineFailure('[1, 2]', /a line must be a JSON object/, 'bad-record');
    });

    it('a line with bytes that are not UTF-8', async () => {
      const bad = Buffer.concat([
        Buffer.from('{"id": "j2", "date": "2024-03-01", "text": "caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}'),
      ]);
      await expectLineFailure(bad, /bytes that are not UTF-8/, 'not-utf8');
    });

    it('an empty JSONL file', async () => {
      const path = join(workdir(), 'none.jsonl');
      writeFileSync(path, '\n\n');
      await expectOneFailure(path, /no articles \(empty JSONL\)/, { code: 'empty' });
    });

    it('a byte-order mark on the first line is not an error', async () => {
      const path = jsonlFile([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good('bom'))])]);
      const run = await batch([path], workdir());
      expect(run.code).toBe(0);
      expect(run.docs.map((d) => d.id)).toEqual(['bom']);
    });
  });

  it('all of the above in one batch: every good article still comes out, in order', async () => {
    const dir = workdir();
    const [a, b] = goodPair(dir);
    const bin = join(dir, 'bin.txt');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3]));
    const feb = join(dir, 'feb.txt');
    writeFileSync(feb, 'date 2023-02-30\nText.\n');
    const jl = join(dir, 'x.jsonl');
    writeFileSync(
      jl,
      `{bad\n${JSON.stringify({ id: 'mid', date: '2024-01-05', text: 'Middle story.' })}\n{"date":"2024-01-01"}\n`,
    );
    const run = await batch([a, bin, jl, join(dir, 'gone.txt'), feb, b], dir);
    expect(run.code).toBe(1);
    expect(run.docs.map((d) => d.date)).toEqual(['2024-01-02', '2024-01-05', '2024-01-03']);
    expect(run.rejects.map((r) => r.code)).toEqual([
      'binary',
      'bad-json',
      'bad-record',
      'unreadable',
      'bad-date',
    ]);
    expect(run.stderr).toContain('3 articles coded, 5 failed');
  });
});
