/**
 * CAMEO-style actor codes: a three-letter country (ISO 3166 alpha-3), `IGO`/`NGO`/`IMG` with an
 * organisation suffix, or `---` when the country is unknown, followed by a sector (role) code.
 */

/** The role codes this project assigns (CAMEO 1.1b3, table 3.1), with what each covers. */
export const SECTORS: Readonly<Record<string, string>> = {
  GOV: 'government: the executive and its agencies',
  MIL: 'military: armed forces and their members',
  COP: 'police and security forces',
  JUD: 'judiciary: judges, courts, prosecutors',
  LEG: 'legislature: parliaments and lawmakers',
  REB: 'rebels: armed opposition of unclear aims',
  INS: 'insurgents trying to overthrow the government',
  SEP: 'separatists',
  OPP: 'political opposition and activists',
  PTY: 'political parties',
  SPY: 'intelligence services',
  MED: 'media and journalists',
  BUS: 'business: companies and business people',
  CVL: 'civilians and protesters',
  EDU: 'education: schools, students, teachers',
  REL: 'religion: clerics and religious bodies',
  HLH: 'health: doctors, hospitals',
  LAB: 'labour: unions and workers',
  REF: 'refugees and migrants',
  AGR: 'agriculture: farmers',
  ELI: 'elites: former officials and other notables',
};

/** The code for unknown country. */
export const UNKNOWN_COUNTRY = '---';

/** Whether a code names an international organisation or movement rather than a country. */
export function isInternationalCode(code: string): boolean {
  return /^(IGO|NGO|IMG|NGM|INT|MNC)/.test(code);
}

/** `CHN` + `GOV` = `CHNGOV`; an unknown country is `---`; no sector leaves the country alone. */
export function composeCode(country: string | null, sector: string | null): string {
  return (country ?? UNKNOWN_COUNTRY) + (sector ?? '');
}
