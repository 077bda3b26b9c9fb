import { parseArgs } from 'node:util';
import { AnnalsError } from '../../errors.js';
import { DEFAULT_DB, openExistingStore } from '../../store/open.js';
import type { StoredArticle } from '../../store/store.js';
import { parseFormat } from '../format.js';
import { write, type CliIO, type Command } from '../io.js';

/** One stored article for a person: its header, then each layer with the text it points at. */
export function describeArticle(a: StoredArticle): string {
  const lines: string[] = [];
  lines.push(`${a.id}  ${a.date ?? 'undated'}  ${a.title ?? ''}`.trimEnd());
  if (a.source) lines.push(`source: ${a.source}`);
  if (a.status === 'failed') {
    lines.push(`FAILED: ${a.error}`);
    return lines.join('\n') + '\n';
  }
  lines.push(`pipeline: ${a.pipelineVersion}`);
  const span = (s: { start: number; end: number }) => a.text.slice(s.start, s.end).replace(/\s+/g, ' ');
  const names = new Map((a.doc.actors ?? []).map((x) => [x.id, x]));
  const { actors, quotes, times, events } = a.doc;
  if (actors) {
    lines.push('', `actors (${actors.length}):`);
    for (const x of actors) lines.push(`  ${x.code.padEnd(10)} ${x.kind.padEnd(12)} ${x.name}`);
  }
  if (quotes) {
    lines.push('', `quotes (${quotes.length}):`);
    for (const q of quotes) {
      const sp = q.speaker;
      const who = sp?.actor
        ? (names.get(sp.actor)?.name ?? sp.actor)
        : sp?.start !== undefined
          ? span(sp as { start: number; end: number })
          : '?';
      lines.push(`  [${q.start},${q.end}) ${q.kind} ${who}: ${span(q)}`);
    }
  }
  if (times) {
    lines.push('', `times (${times.length}):`);
    for (const t of times)
      lines.push(`  [${t.start},${t.end}) ${t.type.padEnd(8)} ${t.value.padEnd(12)} ${t.text}`);
  }
  if (events) {
    lines.push('', `events (${events.length}):`);
    events.forEach((e, i) => {
      const when = e.dateTo && e.dateTo !== e.date ? `${e.date}..${e.dateTo}` : (e.date ?? 'undated');
      const neg = e.negated ? ' NOT' : '';
      lines.push(
        `  ${e.code.padEnd(4)} ${e.source.code} -> ${e.target?.code ?? '-'}  ${when}  ${e.modality}${neg}  "${e.trigger.text}"  (canonical ${a.canonical[i] ?? '-'})`,
      );
      const s = a.doc.sentences?.[e.sentence];
      if (s) lines.push(`       ${span(s)}`);
    });
  }
  return lines.join('\n') + '\n';
}

export const showCommand: Command = {
  name: 'show',
  summary: 'print one stored article with its actors, quotes, times and events',
  usage: `annals show [options] ID

  --format text|json   output (default: text; json is the stored article with every layer)
  --db FILE            the database (default: ${DEFAULT_DB})`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: 'string', default: DEFAULT_DB }, format: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new AnnalsError('usage', 'give one article id: annals show ID');
    const format = parseFormat(values.format, ['text', 'json'] as const, 'text');
    const store = openExistingStore(values.db);
    try {
      const article = await store.getArticle(positionals[0]);
      if (!article) throw new AnnalsError('not-found', `no article '${positionals[0]}' in ${values.db}`);
      await write(
        io.stdout,
        format === 'json' ? JSON.stringify(article, null, 2) + '\n' : describeArticle(article),
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
