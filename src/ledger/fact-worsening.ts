import { RISK_FACTS } from '../knowledge/interactions/mechanisms/risk-facts';
import type { SeverityFact } from '../rules/rule';

/**
 * Whether the patient fact that set a finding's severity got worse since a clinician overrode it,
 * the test that decides if that override still quiets the finding (issue 12 §4). When unsure, the
 * answer is "worse": an override is honoured only while the fact it was given against still holds.
 *
 * Per kind of fact (`SeverityFact.code`):
 * - Lab values (`inr`, `potassium`, `qtc`, `magnesium`, `egfr`): the bad direction is that of the
 *   interaction risk facts the value crosses (RISK_FACTS, one place: INR above 4.0, potassium
 *   5.0 or more and QTc above 450 ms are worse higher; potassium below 3.5, magnesium below 1.7
 *   and eGFR below 30/60 are worse lower). Worse when the current value is strictly further in that
 *   direction; the same or a better value (a newer result included) is not worse. When the two
 *   values do not cross limits of one direction (potassium 5.4 then 3.2), it is worse.
 * - `age`: never worse (it only rises; a threshold crossing changes the finding itself).
 * - Facts without a value (a condition's SNOMED CT code, `sex`, a pregnancy status): the same
 *   code is the same fact, not worse.
 * - Anything else: not worse only when it is the very same resource with the same value.
 * - A fact recorded but now missing, now present but not recorded, or of another code: worse.
 */

type Direction = 'higher' | 'lower';

interface Limit {
  worse: Direction;
  crossedBy(value: number): boolean;
}

/** Lab fact codes and the limits that raise a finding, from the interaction risk facts. */
const LAB_LIMITS: ReadonlyMap<string, readonly Limit[]> = (() => {
  const limits = new Map<string, Limit[]>();
  for (const def of Object.values(RISK_FACTS)) {
    if (def.kind !== 'lab') continue;
    const code = def.lab === 'egfr' ? 'egfr' : def.lab.key;
    const { threshold } = def;
    const limit: Limit =
      def.compare === 'below'
        ? { worse: 'lower', crossedBy: (v) => v < threshold }
        : { worse: 'higher', crossedBy: (v) => (def.compare === 'above' ? v > threshold : v >= threshold) };
    limits.set(code, [...(limits.get(code) ?? []), limit]);
  }
  return limits;
})();

/** The one bad direction of the limits this value crosses; undefined when none or both. */
function directionOf(code: string, value: number): Direction | undefined {
  const crossed = new Set((LAB_LIMITS.get(code) ?? []).filter((l) => l.crossedBy(value)).map((l) => l.worse));
  return crossed.size === 1 ? [...crossed][0] : undefined;
}

function labWorse(code: string, recorded: number, current: number): boolean {
  const direction = directionOf(code, recorded);
  if (direction === undefined || directionOf(code, current) !== direction) return true;
  return direction === 'higher' ? current > recorded : current < recorded;
}

/** True when `current` is worse than the fact recorded with the override (or when unsure). */
export function factGotWorse(recorded: SeverityFact | undefined, current: SeverityFact | undefined): boolean {
  if (recorded === undefined || current === undefined) return recorded !== current;
  if (recorded.code !== current.code) return true;
  if (recorded.code === 'age') return false;
  if (LAB_LIMITS.has(recorded.code) && recorded.value !== undefined && current.value !== undefined) {
    return labWorse(recorded.code, recorded.value, current.value);
  }
  if (recorded.value === undefined && current.value === undefined) return false;
  return recorded.ref !== current.ref || recorded.value !== current.value;
}
