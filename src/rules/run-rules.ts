import type { Finding, Rule, RuleInput, Severity } from './rule';

// Runs the enabled rules for a hook and turns their findings into what a clinician should see:
// grounded, one per problem, most severe first, few info cards (alert fatigue is a defect).

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Default cap on info cards per response (cards.md: every needless card teaches clinicians to ignore the next). */
export const DEFAULT_MAX_INFO_FINDINGS = 3;

export interface RunRulesOptions {
  /** Rule ids switched off (`RULES_DISABLED`). */
  disabled?: ReadonlySet<string>;
  maxInfoFindings?: number;
}

export interface RuleRun {
  findings: Finding[];
  /** Rules that threw (a bug): their findings are lost, the others still answer. */
  failedRules: string[];
  /** Findings dropped because a citation did not resolve to the chart or a draft order. */
  ungrounded: number;
}

/** True when every citation names a chart resource or a draft order of this call. */
function isGrounded(finding: Finding, input: RuleInput): boolean {
  if (finding.evidence.length === 0) return false;
  const drafts = new Set(input.draftOrders.flatMap((r) => (r.id ? [`${r.resourceType}/${r.id}`] : [])));
  return finding.evidence.every((ref) => input.chart.has(ref) || drafts.has(ref));
}

/** One finding per topic: the most severe, first found on ties. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const byTopic = new Map<string, Finding>();
  for (const f of findings) {
    const kept = byTopic.get(f.topic);
    if (!kept || SEVERITY_RANK[f.severity] < SEVERITY_RANK[kept.severity]) byTopic.set(f.topic, f);
  }
  return [...byTopic.values()];
}

export function runRules(rules: readonly Rule[], input: RuleInput, options: RunRulesOptions = {}): RuleRun {
  const disabled = options.disabled ?? new Set<string>();
  const failedRules: string[] = [];
  const produced: Finding[] = [];
  for (const rule of rules) {
    if (disabled.has(rule.id) || !rule.hooks.includes(input.hook)) continue;
    try {
      produced.push(...rule.evaluate(input));
    } catch {
      failedRules.push(rule.id);
    }
  }
  const grounded = produced.filter((f) => isGrounded(f, input));
  const ranked = dedupe(grounded).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const maxInfo = options.maxInfoFindings ?? DEFAULT_MAX_INFO_FINDINGS;
  let info = 0;
  const findings = ranked.filter((f) => f.severity !== 'info' || ++info <= maxInfo);
  return { findings, failedRules, ungrounded: produced.length - grounded.length };
}
