import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeEvents } from '../../src/events/events-stage.js';
import { handDoc, type HandActor } from './helpers.js';

interface ExpectedEvent {
  code: string;
  source: string;
  target: string | null;
  modality: string;
  negated: boolean;
  date?: string;
  dateTo?: string;
}
interface Case {
  name: string;
  text: string;
  date?: string;
  actors: Record<string, string>;
  /** Group actors: text -> the texts of their members (`the two countries`). */
  groups?: Record<string, string[]>;
  events: ExpectedEvent[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/events/sentences.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

describe('events on hand-written sentences (test/fixtures/events/sentences.json)', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const actors: Record<string, HandActor> = {};
      for (const [text, code] of Object.entries(c.actors)) actors[text] = { code };
      for (const [text, members] of Object.entries(c.groups ?? {})) actors[text] = { code: '---', members };
      const doc = codeEvents(handDoc(c.text, actors, { date: c.date }));
      // Dates are compared only where the case gives them.
      const got = (doc.events ?? []).map((e, i) => ({
        code: e.code,
        source: e.source.code,
        target: e.target?.code ?? null,
        modality: e.modality,
        negated: e.negated,
        ...(c.events[i]?.date ? { date: e.date, dateTo: e.dateTo } : {}),
      }));
      expect(got).toEqual(c.events);
    });
  }
});
