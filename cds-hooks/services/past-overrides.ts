import type { Deadline } from '../../src/deadline';
import { within } from '../../src/deadline';
import type { PastOverride } from '../../src/ledger/ports';
import { overrideWindowStart } from '../../src/ledger/quiet-findings';
import type { HookDeps } from './cds-service';

// The alert-fatigue step of a hook (issue 12 §4): the patient's past overrides, read while the
// rules run, applied to their findings before the cards are made. The store is never allowed to
// stop a hook: when it fails or is slow, the findings are shown as the rules made them.

/** The longest a hook waits for the override history (less when the hook's deadline leaves less). */
export const OVERRIDES_WAIT_MS = 500;

const LATE = Symbol('late');

/** Starts reading the patient's overrides as of `now` (the hook's clock); resolves to none (and reports why) when the store fails or is late. Never rejects. */
export function readOverrides(deps: Pick<HookDeps, 'overrides' | 'overrideQuietDays' | 'onOverridesUnavailable'>, patientId: string, now: Date, deadline: Deadline): Promise<PastOverride[]> {
  const since = overrideWindowStart(now, deps.overrideQuietDays);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), within(deadline, OVERRIDES_WAIT_MS));
    timer.unref();
  });
  const read = Promise.resolve()
    .then(() => deps.overrides.overridesFor(patientId, since))
    .catch((e: unknown) => {
      deps.onOverridesUnavailable?.('failed', e);
      return [];
    });
  return Promise.race([read, late])
    .then((result) => {
      if (result !== LATE) return result;
      deps.onOverridesUnavailable?.('late');
      return [];
    })
    .finally(() => clearTimeout(timer));
}
