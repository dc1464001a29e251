import { formatNumber } from '../../brief/embedded/fhir-values';
import { AKI_CRITERIA, HBA1C_RISE } from '../../knowledge/labs/lab-alerts';
import { CREATININE, HBA1C } from '../../knowledge/labs/lab-definitions';
import { describeLab, formatLab, type LabSeries } from '../../chart/facts/lab-values';
import { DAY_MS, daysBetween } from '../../chart/facts/time';
import type { KnowledgeSource, Severity } from '../rule';

// Trends across an analyte's results (newest first): acute kidney injury by the KDIGO creatinine
// criteria, and HbA1c rising above goal. Each is one part of the analyte's single finding.

/** One reason for an analyte's finding: a value in a band, a value not rechecked, a trend. */
export interface LabFindingPart {
  severity: Severity;
  summary: string;
  lines: string[];
  evidence: string[];
  knowledge: string[];
  source: KnowledgeSource;
}

const HOUR_MS = 3_600_000;

/** The KDIGO stage of an AKI whose creatinine rose from `baseline` to `latest` (mg/dL). */
export function akiStage(latest: number, baseline: number): 1 | 2 | 3 {
  const ratio = latest / baseline;
  if (ratio >= AKI_CRITERIA.stage3Ratio || latest >= AKI_CRITERIA.stage3Creatinine) return 3;
  return ratio >= AKI_CRITERIA.stage2Ratio ? 2 : 1;
}

/**
 * KDIGO AKI from the latest creatinine and the ones before it: up ≥ 0.3 mg/dL on a value from the
 * previous 48 hours, or ≥ 1.5 × a value from the previous 7 days. The lowest such value is the baseline.
 */
export function acuteKidneyInjury(series: LabSeries): LabFindingPart | undefined {
  const latest = series.latest;
  if (!latest) return undefined;
  // Only the last 7 days can hold a baseline: the rest of the series is never read.
  const [, ...earlier] = series.takenSince(latest.at - AKI_CRITERIA.ratioWithinDays * DAY_MS);
  const baseline = earlier
    .filter((v) => {
      const hours = (latest.at - v.at) / HOUR_MS;
      const byRise = hours <= AKI_CRITERIA.riseWithinHours && latest.value - v.value >= AKI_CRITERIA.riseMgDl;
      return hours <= AKI_CRITERIA.ratioWithinDays * 24 && (byRise || latest.value >= AKI_CRITERIA.ratio * v.value);
    })
    .sort((a, b) => a.value - b.value)[0];
  if (!baseline) return undefined;
  const days = formatNumber(daysBetween(baseline.at, latest.at), 1);
  const stage = akiStage(latest.value, baseline.value);
  return {
    severity: AKI_CRITERIA.severity,
    summary: `Creatinine up ${formatLab(baseline, CREATININE)} → ${formatLab(latest, CREATININE)} in ${days} days: acute kidney injury (KDIGO stage ${stage}). Review nephrotoxic drugs and doses.`,
    lines: [
      `${describeLab(latest, CREATININE)}, up from ${formatLab(baseline, CREATININE)} on ${baseline.date} (× ${formatNumber(latest.value / baseline.value, 1)} in ${days} days).`,
      `${AKI_CRITERIA.source.label}: AKI is a rise of ≥ 0.3 mg/dL within 48 hours or to ≥ 1.5 × baseline within 7 days; stage ${stage}.`,
      'Options: review nephrotoxic and renally cleared drugs, volume status and urine output; recheck creatinine.',
    ],
    evidence: [latest.ref, baseline.ref],
    knowledge: [AKI_CRITERIA.id],
    source: AKI_CRITERIA.source,
  };
}

/** HbA1c at or above goal and ≥ 0.5 points above the previous result within a year. */
export function hba1cRising(series: LabSeries): LabFindingPart | undefined {
  const latest = series.latest;
  const previous = latest && series.find((v) => v.at < latest.at);
  if (!latest || !previous || daysBetween(previous.at, latest.at) > HBA1C_RISE.previousWithinDays) return undefined;
  if (latest.value < HBA1C_RISE.goal || latest.value - previous.value < HBA1C_RISE.minRise) return undefined;
  return {
    severity: HBA1C_RISE.severity,
    summary: `HbA1c rising: ${formatLab(previous, HBA1C)} → ${formatLab(latest, HBA1C)}, above the ${HBA1C_RISE.goal}% goal. Review diabetes treatment.`,
    lines: [
      `${describeLab(latest, HBA1C)}, up from ${formatLab(previous, HBA1C)} on ${previous.date}.`,
      `${HBA1C_RISE.source.label}: an HbA1c goal of < 7% suits many adults; reassess treatment when it is not met.`,
    ],
    evidence: [latest.ref, previous.ref],
    knowledge: [HBA1C_RISE.id],
    source: HBA1C_RISE.source,
  };
}
