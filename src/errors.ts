/**
 * Typed errors from the core. Each interface (CLI, HTTP) turns them into output in one place.
 */
export type ErrorCode =
  | 'unreadable'
  | 'binary'
  | 'not-utf8'
  | 'empty'
  | 'no-date'
  | 'bad-date'
  | 'bad-json'
  | 'bad-record'
  | 'usage'
  | 'pipeline'
  | 'store'
  | 'not-found';

export class AnnalsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnnalsError';
  }
}

/** A problem with one input article: names the file (and line) and the reason. */
export class ReadError extends AnnalsError {
  constructor(
    code: ErrorCode,
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    /** The input as read, kept so that nothing is lost and it can be retried. */
    readonly input?: string,
  ) {
    super(code, `${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'ReadError';
  }
}
