import { Alignment, applyReplacements, type Replacement } from './alignment.js';
import { CLEAN_RULES, RESCAN, textFeatures, type CleanRule } from './rules.js';
import type { Repair } from '../doc.js';

export interface CleanResult {
  text: string;
  alignment: Alignment;
  repairs: Repair[];
}

/** Runs every cleaning rule over `raw`, keeping an alignment back to it and a record of each repair. */
export function cleanText(raw: string, rules: readonly CleanRule[] = CLEAN_RULES): CleanResult {
  let text = raw;
  let alignment = new Alignment();
  const repairs: Repair[] = [];
  // A rule whose pattern needs a feature the text lacks finds nothing: its pass is skipped.
  let features = textFeatures(text);
  for (const rule of rules) {
    if (rule.needs !== undefined && (features & rule.needs) === 0) continue;
    const found: Replacement[] = rule.scan ? rule.scan(text) : [];
    rule.pattern.lastIndex = 0;
    if (!rule.scan)
      for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
        if (m[0].length === 0) rule.pattern.lastIndex++;
        const replacement = rule.replace(m);
        if (replacement === null) continue;
        const [start, end] =
          rule.group === undefined ? [m.index, m.index + m[0].length] : m.indices![rule.group];
        if (replacement !== text.slice(start, end)) found.push({ start, end, replacement });
      }
    if (found.length === 0) continue;
    if (!rule.layout) {
      for (const r of found) {
        const start = alignment.toRaw(r.start, 'start');
        const end = alignment.toRaw(r.end, 'end');
        repairs.push({
          start,
          end,
          original: raw.slice(start, end),
          replacement: r.replacement,
          stage: 'clean',
          rule: rule.name,
        });
      }
    }
    const applied = applyReplacements(text, found);
    text = applied.text;
    alignment = alignment.then(applied.step);
    if (rule.mayCreate === RESCAN) features = textFeatures(text);
    else if (rule.mayCreate) features |= rule.mayCreate;
  }
  repairs.sort((a, b) => a.start - b.start);
  return { text, alignment, repairs };
}
