import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RawDocument } from '../doc.js';
import { ReadError } from '../errors.js';
import { decodeText } from './decode.js';
import { readJsonlArticle } from './jsonl-article.js';
import { readTextArticle } from './text-article.js';

export type ReadResult = { ok: true; article: RawDocument } | { ok: false; error: ReadError };

export interface ReadOptions {
  /** Publication date for plain-text files without a date line. */
  date?: string;
  /** Standard input, when a path is `-`. */
  stdin?: NodeJS.ReadableStream;
}

const JSONL_EXT = /\.(jsonl|ndjson)$/i;

const IO_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'symbolic link loop',
  EISDIR: 'is a directory',
  ENOTDIR: 'a path component is not a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A readable reason for a failed file-system call: `cannot read: permission denied (EACCES)`. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words = code ? IO_REASONS[code] : undefined;
  if (words) return `cannot read: ${words} (${code})`;
  return `cannot read (${code ?? (e as Error).message ?? 'error'})`;
}

/** Expands paths (files, directories recursively, `-` for standard input) into the files to read, in order. */
export async function* expandPaths(paths: readonly string[]): AsyncGenerator<string | ReadError> {
  for (const path of paths) {
    if (path === '-') {
      yield path;
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      yield new ReadError('unreadable', path, ioReason(e));
      continue;
    }
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(path);
      } catch (e) {
        yield new ReadError('unreadable', path, ioReason(e));
        continue;
      }
      const entries = names.filter((n) => !n.startsWith('.')).sort();
      yield* expandPaths(entries.map((n) => join(path, n)));
    } else yield path;
  }
}

/**
 * Reads articles from paths. Never throws for a bad article: each failure is yielded as an error naming
 * the file, line and reason, and reading goes on with the rest.
 */
export async function* readSources(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  for await (const entry of expandPaths(paths)) {
    if (entry instanceof ReadError) {
      yield { ok: false, error: entry };
      continue;
    }
    if (entry === '-') {
      yield* readStream(options.stdin ?? process.stdin, '<stdin>', options);
    } else if (JSONL_EXT.test(entry)) {
      yield* readJsonlFile(entry);
    } else {
      yield* readTextFile(entry, options);
    }
  }
}

async function* readTextFile(file: string, options: ReadOptions): AsyncGenerator<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    yield {
      ok: false,
      error: new ReadError('unreadable', file, ioReason(e)),
    };
    return;
  }
  yield* readTextBytes(bytes, file, options);
}

function* readTextBytes(bytes: Uint8Array, file: string, options: ReadOptions): Generator<ReadResult> {
  try {
    yield { ok: true, article: readTextArticle(decodeText(bytes, file), file, options.date) };
  } catch (e) {
    if (e instanceof ReadError) yield { ok: false, error: e };
    else throw e;
  }
}

async function* readJsonlFile(file: string): AsyncGenerator<ReadResult> {
  let stream;
  try {
    await stat(file);
    stream = createReadStream(file);
  } catch (e) {
    yield {
      ok: false,
      error: new ReadError('unreadable', file, ioReason(e)),
    };
    return;
  }
  yield* readJsonlLines(stream, file);
}

/** JSONL from a byte stream, line by line, so memory stays flat on large files. */
async function* readJsonlLines(stream: NodeJS.ReadableStream, file: string): AsyncGenerator<ReadResult> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let records = 0;
  try {
    for await (const read of lines) {
      lineNo++;
      const line = lineNo === 1 && read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
      if (line.trim() === '') continue;
      records++;
      if (line.includes('\ufffd')) {
        yield { ok: false, error: new ReadError('not-utf8', file, 'bytes that are not UTF-8', lineNo, line) };
        continue;
      }
      try {
        yield { ok: true, article: readJsonlArticle(line, file, lineNo) };
      } catch (e) {
        if (e instanceof ReadError) yield { ok: false, error: e };
        else throw e;
      }
    }
  } catch (e) {
    yield {
      ok: false,
      error: new ReadError('unreadable', file, `read failed (${(e as Error).message})`, lineNo),
    };
    return;
  }
  if (records === 0) yield { ok: false, error: new ReadError('empty', file, 'no articles (empty JSONL)') };
}

/** Standard input: JSONL when the first non-blank character is `{`, else one text article. */
async function* readStream(
  stream: NodeJS.ReadableStream,
  file: string,
  options: ReadOptions,
): AsyncGenerator<ReadResult> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const bytes = Buffer.concat(chunks);
  const first = bytes.toString('utf8', 0, Math.min(bytes.length, 256)).trimStart()[0];
  if (first === '{') {
    const { Readable } = await import('node:stream');
    yield* readJsonlLines(Readable.from([bytes]), file);
  } else yield* readTextBytes(bytes, file, options);
}
