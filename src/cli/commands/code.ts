import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  codeArticleLines,
  codeArticles,
  defaultWorkers,
  type CodeResult,
  type LineResult,
} from '../../code-articles.js';
import { AnnalsError } from '../../errors.js';
import type { OffsetSpace } from '../../output/document-json.js';
import { summarize } from '../../output/summary.js';
import { write, type CliIO, type Command } from '../io.js';

export const codeCommand: Command = {
  name: 'code',
  summary: 'run the pipeline on articles and print the coded documents',
  usage: `annals code [options] <path|dir|-> ...

  --format summary|jsonl|json   output format (default: summary)
  --date YYYY-MM-DD             publication date for plain-text files without a date line
  --offsets clean|raw           offsets into the cleaned text (default) or the text as read
  --tokens                      include the token layer in jsonl/json output
  --rejects FILE                append each article that failed, with its reason, to FILE (JSONL)
  --workers N                   worker threads (default: the number of cores; 1 codes in one thread)`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'summary' },
        date: { type: 'string' },
        offsets: { type: 'string', default: 'clean' },
        tokens: { type: 'boolean', default: false },
        rejects: { type: 'string' },
        workers: { type: 'string' },
      },
    });
    const format = values.format;
    if (!['summary', 'jsonl', 'json'].includes(format))
      throw new AnnalsError('usage', `unknown --format '${format}'`);
    if (values.offsets !== 'clean' && values.offsets !== 'raw')
      throw new AnnalsError('usage', `--offsets must be clean or raw, not '${values.offsets}'`);
    if (positionals.length === 0) throw new AnnalsError('usage', 'no input: give files, directories or -');
    const outputOptions = { offsets: values.offsets as OffsetSpace, tokens: values.tokens };
    const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1)
      throw new AnnalsError('usage', `--workers must be a whole number >= 1, not '${values.workers}'`);
    const codeOptions = { date: values.date, stdin: io.stdin, workers, output: outputOptions };
    // jsonl/json: each article's line is serialized where it was coded (in its worker).
    const results: AsyncIterable<CodeResult | LineResult> =
      format === 'summary'
        ? codeArticles(positionals, { ...codeOptions, tokens: false }) // the summary reads no tokens
        : codeArticleLines(positionals, codeOptions);
    const rejects = values.rejects ? createWriteStream(values.rejects, { flags: 'a' }) : undefined;

    let ok = 0;
    let failed = 0;
    if (format === 'json') await write(io.stdout, '[');
    for await (const result of results) {
      if (!result.ok) {
        failed++;
        const e = result.error;
        await write(io.stderr, `annals: ${e.message}\n`);
        if (rejects) {
          const record = {
            file: e.file,
            line: e.line ?? null,
            code: e.code,
            reason: e.reason,
            input: e.input ?? null,
          };
          await write(rejects, JSON.stringify(record) + '\n');
        }
        continue;
      }
      if ('doc' in result) await write(io.stdout, summarize(result.doc) + '\n\n');
      else {
        const line = result.line;
        if (format === 'jsonl') await write(io.stdout, line);
        else {
          await write(io.stdout, ok ? ',\n' : '\n');
          await write(io.stdout, line.subarray(0, line.length - 1)); // without its newline
        }
      }
      ok++;
    }
    if (format === 'json') await write(io.stdout, '\n]\n');
    if (rejects) await new Promise((r) => rejects.end(r));
    if (failed) await write(io.stderr, `annals: ${ok} articles coded, ${failed} failed\n`);
    return failed ? 1 : 0;
  },
};
