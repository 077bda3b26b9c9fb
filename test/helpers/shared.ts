import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** `../shared` beside the checkout: present in CI and on developers' machines, absent on a user's fresh clone. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED = SHARED + 'seed/000_fc4b7b43cdd233b1.txt';

export function sharedPresent(relative = ''): boolean {
  const ok = existsSync(SHARED + relative);
  if (!ok) console.warn(`skipping: ../shared/${relative} is absent (it sits beside the checkout in CI)`);
  return ok;
}

/**
 * A suite that reads `../shared/<relative>`. When that is absent (a user's fresh clone), the suite's body
 * is never run — vitest runs the body of a skipped suite to collect it, so `describe.runIf` would still
 * read the missing files — and one skipped test says why.
 */
export function describeShared(relative: string, name: string, body: () => void): void {
  if (sharedPresent(relative)) describe(name, body);
  else
    describe(name, () => {
      it(`needs ../shared/${relative}, which is absent`, (context) => context.skip());
    });
}
