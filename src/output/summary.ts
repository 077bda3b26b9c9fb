import type { Doc } from '../doc.js';

/** A readable per-article summary for a person at a terminal. */
export function summarize(doc: Doc): string {
  const lines: string[] = [];
  const title = doc.title ?? firstWords(doc.text, 12);
  lines.push(`== ${doc.id}  ${doc.date ?? 'undated'}  ${title}`);
  const s = doc.sentences ?? [];
  const headings = s.filter((x) => x.heading).length;
  const repairs = doc.repairs?.length ?? 0;
  lines.push(
    `   ${count(s.length, 'sentence')} (${count(headings, 'heading')}), ${count(repairs, 'repair')}`,
  );
  for (const r of doc.repairs ?? [])
    lines.push(`   repair ${r.rule}: ${JSON.stringify(r.original)} -> ${JSON.stringify(r.replacement)}`);
  const actorName = new Map((doc.actors ?? []).map((a) => [a.id, a]));
  if (doc.actors) {
    lines.push(`   actors (${doc.actors.length}):`);
    for (const a of doc.actors) lines.push(`     ${a.code.padEnd(9)} ${a.kind.padEnd(12)} ${a.name}`);
  }
  if (doc.quotes) {
    lines.push(`   quotes (${doc.quotes.length}):`);
    for (const q of doc.quotes) {
      const who = q.speaker?.actor ? (actorName.get(q.speaker.actor)?.name ?? q.speaker.actor) : '?';
      lines.push(`     ${q.kind.padEnd(8)} ${who}: ${firstWords(doc.text.slice(q.start, q.end), 14)}`);
    }
  }
  if (doc.times) {
    lines.push(`   times (${doc.times.length}):`);
    for (const t of doc.times) lines.push(`     ${t.type.padEnd(8)} ${t.value.padEnd(12)} ${t.text}`);
  }
  if (doc.events) {
    lines.push(`   events (${doc.events.length}):`);
    for (const e of doc.events) {
      const when = e.dateTo && e.dateTo !== e.date ? `${e.date}..${e.dateTo}` : (e.date ?? '');
      const neg = e.negated ? ' NOT' : '';
      lines.push(
        `     ${e.code.padEnd(4)} ${e.source.code} -> ${e.target?.code ?? '-'}  ${when} ${e.modality}${neg}  "${e.trigger.text}"`,
      );
    }
  }
  return lines.join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function firstWords(text: string, n: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > n ? words.slice(0, n).join(' ') + ' ...' : words.join(' ');
}
