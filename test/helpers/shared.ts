import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the checkout: present in CI and on developers' machines, absent on a user's fresh clone. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED = SHARED + 'seed/000_fc4b7b43cdd233b1.txt';

export function sharedPresent(relative = ''): boolean {
  const ok = existsSync(SHARED + relative);
  if (!ok) console.warn(`skipping: ../shared/${relative} is absent (it sits beside the checkout in CI)`);
  return ok;
}
