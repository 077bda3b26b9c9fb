/**
 * Where a titled person's country comes from when no nationality stands beside the name: the
 * office-holders list, a title only some countries use, the dateline city for a domestic office, and
 * only then a guess, which the rule marks. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Doc } from '../../src/doc.js';
import { code } from './helpers.js';

function person(doc: Doc, name: string): Actor | undefined {
  return (doc.actors ?? []).find((a) => a.kind === 'person' && a.name === name);
}

describe("a titled person's country", () => {
  it('takes a listed office holder over the country the article is about', () => {
    const doc = code(
      'WASHINGTON, Feb. 23 (Reuters) - Treasury Secretary Janet Yellen said new sanctions on Russia would ' +
        'follow. Russia called the sanctions illegal, and Russia recalled its envoy.',
      '2024-02-23',
    );
    expect(person(doc, 'Janet Yellen')?.code).toBe('USAGOV');
  });

  it('does not give a foreign head of government the dateline country', () => {
    const doc = code(
      'WASHINGTON, July 10 (Reuters) - Prime Minister Ulf Kristersson met U.S. officials at the White ' +
        'House. The United States welcomed the visit, a United States spokesman said.',
      '2024-07-10',
    );
    expect(person(doc, 'Ulf Kristersson')?.code).toBe('SWEGOV');
  });

  it('places an unlisted holder of a domestic office in the dateline city and marks the rule', () => {
    const doc = code(
      'WASHINGTON, May 2 (Reuters) - Treasury Secretary Harold Penwick said sanctions on Russia would ' +
        'widen. Russia rejected the move, and Russia said it would respond.',
      '2024-05-02',
    );
    const p = person(doc, 'Harold Penwick');
    expect(p?.code).toBe('USAGOV');
    expect(p?.rule).toContain('country:dateline');
  });

  it('reads a title only one country uses', () => {
    const doc = code(
      'Home Secretary Edwina Carrow said the new border rules would take effect in spring.',
      '2024-05-02',
    );
    expect(person(doc, 'Edwina Carrow')?.code).toBe('GBRGOV');
  });

  it('reads a title several countries use only when the article names one of them', () => {
    const withCountry = code(
      'Germany will raise spending, Chancellor Dieter Hollmann told reporters in Berlin on Monday.',
      '2024-05-02',
    );
    expect(person(withCountry, 'Dieter Hollmann')?.code).toBe('DEUGOV');
    const without = code('Chancellor Dieter Hollmann told reporters the plan was final.', '2024-05-02');
    expect(person(without, 'Dieter Hollmann')?.country).toBeNull();
  });

  it("leaves a titled person `---` rather than guess from the article's main country", () => {
    const doc = code(
      'MOSCOW, March 4 (Reuters) - Russia expelled two diplomats. Prime Minister Arvid Tollen, ' +
        'visiting Kyiv, and Ukraine denounced Russia.',
      '2024-03-04',
    );
    const p = person(doc, 'Arvid Tollen');
    expect(p?.code).toBe('---GOV');
  });

  it("marks a guess from the one country the person's sentence names", () => {
    const doc = code('President Amadou Kerebe said Mali would hold elections next year.', '2024-03-04');
    const p = person(doc, 'Amadou Kerebe');
    expect(p?.code).toBe('MLIGOV');
    expect(p?.rule).toContain('country:guess:sentence');
  });

  it('gives a person the country of the organisation that introduces them', () => {
    const doc = code(
      'BEIJING, May 6 (Reuters) - China will buy more grain, Foreign Ministry spokesperson Liu Fang said, ' +
        'adding that trade with the United States would grow. China has said so before.',
      '2024-05-06',
    );
    const p = person(doc, 'Liu Fang');
    expect(p?.code).toBe('CHNGOV');
    expect(p?.rule).toContain('country:org');
  });

  it('places a domestic office in a dateline city that is not a capital', () => {
    const doc = code(
      'ISTANBUL, April 9 (Reuters) - Interior Minister Kemal Doruk said 20 people were detained.',
      '2024-04-09',
    );
    expect(person(doc, 'Kemal Doruk')?.code).toBe('TURGOV');
  });

  it('reads the context before a listed name whose first word is a title', () => {
    const doc = code(
      'DHAKA, Aug. 5 (AP) -- Bangladesh Prime Minister Sheikh Hasina resigned on Monday.',
      '2024-08-05',
    );
    const p = person(doc, 'Sheikh Hasina');
    expect(p?.code).toBe('BGDGOV');
    expect(p?.rule).toContain('context');
  });
});
