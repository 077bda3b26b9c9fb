/**
 * Plain-data forms of what crosses between threads. Structured clone keeps plain objects and arrays but
 * drops prototypes, so class instances (the Doc's Alignment, errors) are rebuilt on arrival.
 */
import { Alignment, Step, type Edit } from '../clean/alignment.js';
import type { Doc } from '../doc.js';
import { ReadError, type ErrorCode } from '../errors.js';

/** A ReadError as plain fields. */
export interface PlainError {
  code: ErrorCode;
  file: string;
  reason: string;
  line?: number;
  input?: string;
}

export function plainError(e: ReadError): PlainError {
  return { code: e.code, file: e.file, reason: e.reason, line: e.line, input: e.input };
}

export function rebuildError(e: PlainError): ReadError {
  return new ReadError(e.code, e.file, e.reason, e.line, e.input);
}

/** A Doc after structured clone: the same fields, the alignment stripped to its data. */
export type ClonedDoc = Omit<Doc, 'alignment'> & {
  alignment: { steps: readonly { edits: readonly Edit[] }[] };
};

/** Gives a cloned Doc its Alignment back (the rest of a Doc is plain data already). */
export function rebuildDoc(cloned: ClonedDoc): Doc {
  const alignment = new Alignment(cloned.alignment.steps.map((s) => new Step(s.edits)));
  return { ...cloned, alignment };
}
