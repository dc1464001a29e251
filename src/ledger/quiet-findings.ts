import { escapeMarkdown } from '../cards/markdown';
import type { Finding, HookName } from '../rules/rule';
import { DEFAULT_MAX_INFO_FINDINGS } from '../rules/run-rules';
import { factGotWorse } from './fact-worsening';
import type { PastOverride } from './ports';

/**
 * Alert fatigue, learnt from feedback (issue 12 §4): an override a clinician gave for this patient
 * is honoured, and no critical finding is ever removed or downgraded.
 *
 * - `order-sign`: a finding overridden at `order-select` (or an earlier `order-sign`) within the
 *   last day for the same draft — same rule, same finding key, a draft ref in both — does not
 *   interrupt again: a warning becomes info, a critical keeps its indicator; both show
 *   "acknowledged DATE: REASON".
 * - `patient-view`: a finding overridden (at any hook) within `quietDays` is shown at most as info
 *   with the acknowledgement; a critical keeps its indicator and gains it.
 * - `order-select`: nothing is quieted (the clinician is choosing the order now).
 *
 * Either way only the newest matching override counts, and only while the patient fact that set
 * the severity has not got worse since (fact-worsening.ts; when unsure it has) and the finding
 * rests on no knowledge row the overridden card did not (a grouped card that gained a pair is a
 * new problem); a lab-value topic without a recorded fact is never quieted. Overrides timed
 * after `now` (feedback that arrived after this call's clock) are ignored. Quieted warnings go after
 * the info findings and fall under the info cap like them.
 */

export interface QuietOptions {
  hook: HookName;
  now: Date;
  /** OVERRIDE_QUIET_DAYS: how long a patient-view override quiets a finding. */
  quietDays: number;
  /** `Type/id` of every draft order of this call: which of a finding's evidence is a draft. */
  draftRefs: readonly string[];
  /** The info cap (runRules' default when absent). */
  maxInfoFindings?: number;
}

const DAY_MS = 86_400_000;
/** How long an order-select override binds the same draft's order-sign (one ordering session). */
export const ORDER_SESSION_DAYS = 1;
const ORDER_HOOKS: ReadonlySet<string> = new Set(['order-select', 'order-sign']);
const SUMMARY_LIMIT = 139;
const REASON_LIMIT = 200;

/** How far back the history must be read for these options: the patient-view window or one ordering session. */
export function overrideWindowStart(now: Date, quietDays: number): Date {
  return new Date(now.getTime() - Math.max(quietDays, ORDER_SESSION_DAYS) * DAY_MS);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > REASON_LIMIT ? `${flat.slice(0, REASON_LIMIT - 1)}…` : flat;
}

/** "acknowledged 2026-12-05: Will monitor" (the override's date, UTC). */
export function acknowledgement(override: Pick<PastOverride, 'at' | 'reason'>): string {
  const reason = oneLine(override.reason);
  const date = override.at.toISOString().slice(0, 10);
  return reason === '' ? `acknowledged ${date}` : `acknowledged ${date}: ${reason}`;
}

/** The summary with the acknowledgement after it when it fits (the summary is often all that is read), else its date. */
function acknowledgedSummary(summary: string, override: PastOverride): string {
  const full = `${summary} · ${acknowledgement(override)}`;
  if (full.length < SUMMARY_LIMIT) return full;
  const short = `${summary} · ${acknowledgement({ at: override.at, reason: '' })}`;
  return short.length < SUMMARY_LIMIT ? short : summary;
}

function acknowledged(finding: Finding, override: PastOverride): Finding {
  return {
    ...finding,
    severity: finding.severity === 'warning' ? 'info' : finding.severity,
    summary: acknowledgedSummary(finding.summary, override),
    detail: `**${escapeMarkdown(acknowledgement(override))}**\n\n${finding.detail}`,
  };
}

/** The overrides that may quiet this finding on this hook, newest first. */
function candidates(finding: Finding, overrides: readonly PastOverride[], options: QuietOptions, drafts: ReadonlySet<string>): PastOverride[] {
  const now = options.now.getTime();
  const same = overrides.filter((o) => o.ruleId === finding.ruleId && o.findingKey === finding.topic && o.at.getTime() <= now);
  if (options.hook === 'order-sign') {
    const findingDrafts = finding.evidence.filter((ref) => drafts.has(ref));
    const from = now - ORDER_SESSION_DAYS * DAY_MS;
    return same.filter((o) => ORDER_HOOKS.has(o.service) && o.at.getTime() >= from && o.draftRefs.some((ref) => findingDrafts.includes(ref))).sort(newestFirst);
  }
  if (options.hook === 'patient-view') {
    const from = now - options.quietDays * DAY_MS;
    return same.filter((o) => o.at.getTime() >= from).sort(newestFirst);
  }
  return [];
}

function newestFirst(a: PastOverride, b: PastOverride): number {
  return b.at.getTime() - a.at.getTime();
}

/**
 * Topics whose severity a lab value decides (lab alerts, renal dosing). A finding on one of them
 * that records no severity fact cannot show the value did not get worse: it is not quieted.
 */
const VALUE_TOPICS = ['lab:', 'renal:'];

/** Whether the override still stands for this finding: the same problem (no new knowledge row) and no worse fact. */
function stillHolds(finding: Finding, override: PastOverride): boolean {
  if (override.knowledge !== undefined && finding.knowledge.some((row) => !override.knowledge?.includes(row))) return false;
  if (finding.severityFact === undefined && override.severityFact === undefined && VALUE_TOPICS.some((p) => finding.topic.startsWith(p))) return false;
  return !factGotWorse(override.severityFact, finding.severityFact);
}

/** The findings as this patient's overrides leave them (see the module comment); pure. */
export function quietFindings(findings: readonly Finding[], overrides: readonly PastOverride[], options: QuietOptions): Finding[] {
  if (overrides.length === 0) return [...findings];
  const drafts = new Set(options.draftRefs);
  const kept: Finding[] = [];
  const quieted: Finding[] = [];
  for (const finding of findings) {
    const newest = candidates(finding, overrides, options, drafts)[0];
    if (newest === undefined || !stillHolds(finding, newest)) kept.push(finding);
    else (finding.severity === 'warning' ? quieted : kept).push(acknowledged(finding, newest));
  }
  const maxInfo = options.maxInfoFindings ?? DEFAULT_MAX_INFO_FINDINGS;
  let info = 0;
  return [...kept, ...quieted].filter((f) => f.severity !== 'info' || ++info <= maxInfo);
}
