/**
 * Output helpers for the query commands: an aligned table for people, CSV (RFC 4180) and JSONL for
 * programs, and a progress bar for long runs on a terminal.
 */
import { AnnalsError } from '../errors.js';
import { write } from './io.js';

export type Cell = string | number | boolean | null | undefined;

export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
  /** Longest cell shown in a table; longer ones are cut with an ellipsis. */
  max?: number;
  align?: 'left' | 'right';
}

export type OutputFormat = 'table' | 'jsonl' | 'csv';

/** Checks a `--format` value against the formats a command offers. */
export function parseFormat<F extends string>(
  value: string | undefined,
  allowed: readonly F[],
  fallback: F,
): F {
  const f = (value ?? fallback) as F;
  if (!allowed.includes(f))
    throw new AnnalsError('usage', `--format must be ${allowed.join(', ')}, not '${value}'`);
  return f;
}

/** A positive integer option, or 0 for no limit. */
export function parseCount(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new AnnalsError('usage', `--${name} must be a whole number, not '${value}'`);
  return Number(value);
}

/** An ISO date option (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), as the first or last day it covers. */
export function parseDateBound(
  value: string | undefined,
  name: string,
  end: 'from' | 'to',
): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m)
    throw new AnnalsError('usage', `--${name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '${value}'`);
  const [, y, mo, d] = m;
  if (d) return value;
  if (end === 'from') return `${y}-${mo ?? '01'}-01`;
  if (!mo) return `${y}-12-31`;
  const last = new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
  return `${y}-${mo}-${String(last).padStart(2, '0')}`;
}

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  return String(c).replace(/\s+/g, ' ');
}

function cut(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** An aligned plain-text table with a header line. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => cut(cellText(c.value(r)), c.max)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(c: Cell): string {
  const s = c === null || c === undefined ? '' : String(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly Cell[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** Writes rows in a format: a table (all at once, to align it), CSV with a header, or JSONL. */
export async function writeRows<T>(
  out: NodeJS.WritableStream,
  rows: Iterable<T> | AsyncIterable<T>,
  format: OutputFormat,
  columns: readonly Column<T>[],
  json: (row: T) => unknown,
): Promise<number> {
  let n = 0;
  if (format === 'table') {
    const all: T[] = [];
    for await (const r of rows) all.push(r);
    if (all.length) await write(out, formatTable(all, columns));
    return all.length;
  }
  if (format === 'csv') await write(out, csvLine(columns.map((c) => c.header)));
  for await (const r of rows) {
    n++;
    await write(
      out,
      format === 'csv' ? csvLine(columns.map((c) => c.value(r))) : JSON.stringify(json(r)) + '\n',
    );
  }
  return n;
}

/** `1:02:03` or `2:03`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A one-line progress bar redrawn in place (on a terminal only): done/total, rate and time left. With no
 * known total it shows the count and rate.
 */
export class ProgressBar {
  private last = 0;
  private readonly start = Date.now();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private total: number | null,
    private readonly unit = 'articles',
    private readonly width = 28,
  ) {}

  setTotal(total: number | null): void {
    this.total = total;
  }

  update(done: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    let line: string;
    if (this.total) {
      const frac = Math.min(1, done / this.total);
      const filled = Math.round(frac * this.width);
      const bar = '#'.repeat(filled) + '-'.repeat(this.width - filled);
      const left = rate > 0 ? (this.total - done) / rate : Infinity;
      line = `[${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${this.total} ${this.unit}  ${rate.toFixed(0)}/s  ${formatDuration(left)} left`;
    } else line = `${done} ${this.unit}  ${rate.toFixed(0)}/s  ${formatDuration(secs)}`;
    this.out.write(`\r${line}\x1b[K`);
  }

  /** Clears the bar's line. */
  done(): void {
    this.out.write('\r\x1b[K');
  }
}
