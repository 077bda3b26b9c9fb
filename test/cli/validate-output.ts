/** Validates output documents against docs/annals-doc.schema.json with ajv (draft 2020-12). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../../docs/annals-doc.schema.json', import.meta.url));

let validator: ValidateFunction | undefined;

/** Returns the schema errors of one output document as readable lines (empty when valid). */
export function schemaErrors(doc: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  }
  if (validator(doc)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
