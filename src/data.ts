import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's `data/` folder, from both `src/` (tsx, vitest) and `dist/` (built). */
const DATA_ROOT = fileURLToPath(new URL('../data/', import.meta.url));

export function dataPath(relative: string): string {
  return DATA_ROOT + relative;
}

/** Reads a data file's lines, without `#` comments and blank lines. Fields are tab-separated. */
export function readDataRows(relative: string): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(dataPath(relative), 'utf8').split('\n')) {
    const body = line.replace(/(^|\s)#.*$/, '').trimEnd();
    if (body.trim() === '') continue;
    rows.push(body.split('\t').map((f) => f.trim()));
  }
  return rows;
}
