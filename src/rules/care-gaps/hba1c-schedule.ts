import type { Observation } from 'fhir/r4';
import { formatNumber, instantOf } from '../../brief/embedded/fhir-values';
import { GLUCOSE_LOWERING_INGREDIENTS, HBA1C_SCHEDULE } from '../../knowledge/care-gaps/diabetes-monitoring';
import type { ChartEvent } from './chart-events';
import { addMonths, dayText } from './dates';
import type { GapContext } from './gap-assessment';
import { activeOrdersOf } from './risk-facts';

// ADA 2025 Standard 6.1: HbA1c every 6 months at goal, every 3 months when not at goal or when
// glucose-lowering therapy changed recently.

export interface HbA1cSchedule {
  months: number;
  /** Why the shorter interval applies ("7.6 % on 2019-06-25, not at goal (< 7 %)"); empty at the default. */
  notes: string[];
  evidence: string[];
  knowledge: string[];
}

/** The HbA1c value in % or mmol/mol, as the unit says; undefined when it cannot be read. */
function hba1cValue(obs: Observation): { value: number; unit: '%' | 'mmol/mol' } | undefined {
  const q = obs.valueQuantity;
  if (typeof q?.value !== 'number') return undefined;
  const unit = [q.code, q.unit].join(' ').toLowerCase();
  if (unit.includes('%')) return { value: q.value, unit: '%' };
  return unit.includes('mmol/mol') ? { value: q.value, unit: 'mmol/mol' } : undefined;
}

/** The last result's "not at goal" note, when it is (ADA: < 7 %, 53 mmol/mol, for many adults). */
function notAtGoal(last: ChartEvent | undefined): string | undefined {
  const v = last?.resource.resourceType === 'Observation' ? hba1cValue(last.resource) : undefined;
  if (!v) return undefined;
  const goal = v.unit === '%' ? HBA1C_SCHEDULE.goalPercent : HBA1C_SCHEDULE.goalMmolPerMol;
  return v.value >= goal ? `${formatNumber(v.value, 1)} ${v.unit}, not at goal < ${goal} ${v.unit}` : undefined;
}

/** A glucose-lowering order started within the therapy-change window. */
function therapyChange(ctx: GapContext): { note: string; ref: string } | undefined {
  const since = addMonths(ctx.asOf.getTime(), -HBA1C_SCHEDULE.therapyChangeMonths);
  for (const m of activeOrdersOf(ctx, ['biguanide', 'sulfonylurea'], GLUCOSE_LOWERING_INGREDIENTS)) {
    const time = instantOf(m.request.authoredOn);
    if (time !== undefined && time >= since && time <= ctx.asOf.getTime()) {
      return { note: `therapy changed ${dayText(time)} \`${m.ref}\``, ref: m.ref };
    }
  }
  return undefined;
}

/** How often HbA1c is due for this patient now, and why. */
export function hba1cSchedule(ctx: GapContext, last: ChartEvent | undefined): HbA1cSchedule {
  const goal = notAtGoal(last);
  const change = therapyChange(ctx);
  const notes = [goal, change?.note].filter((n): n is string => n !== undefined);
  const shorter = notes.length > 0;
  return {
    months: shorter ? HBA1C_SCHEDULE.notAtGoalMonths : HBA1C_SCHEDULE.atGoalMonths,
    notes,
    evidence: change ? [change.ref] : [],
    knowledge: [...(goal ? ['hba1c-goal'] : []), ...(change ? ['hba1c-therapy-change'] : [])],
  };
}
