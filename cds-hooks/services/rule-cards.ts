import type { CdsCard } from '../../src/cds/cds-types';
import { findingCard } from '../../src/cards/finding-card';
import type { ShownCard } from '../../src/ledger/ports';
import type { Finding } from '../../src/rules/rule';
import type { HookDeps } from './cds-service';

export interface RuleCards {
  urgent: CdsCard[];
  info: CdsCard[];
  /** What each card was made from (rule, finding, knowledge rows, severity fact), for the card ledger. */
  shown: ShownCard[];
}

/** The ledger's record of a finding's card: `draftRefs` are the evidence refs among the call's draft orders. */
export function shownFinding(card: CdsCard, finding: Finding, draftRefs: ReadonlySet<string>): ShownCard {
  const shown: ShownCard = {
    uuid: card.uuid,
    ruleId: finding.ruleId,
    findingKey: finding.topic,
    indicator: card.indicator,
    knowledge: [...finding.knowledge],
    draftRefs: finding.evidence.filter((ref) => draftRefs.has(ref)),
  };
  if (finding.severityFact) shown.severityFact = { ...finding.severityFact };
  return shown;
}

/** Rule findings (already ranked by the engine) as cards, split into the urgent ones and the rest. */
export function ruleCards(findings: readonly Finding[], deps: Pick<HookDeps, 'newId' | 'knowledgeVersion'>, draftRefs: ReadonlySet<string> = new Set()): RuleCards {
  const options = { uuid: deps.newId, knowledgeVersion: deps.knowledgeVersion };
  const made = findings.map((finding) => ({ finding, card: findingCard(finding, options) }));
  return {
    urgent: made.filter((m) => m.finding.severity !== 'info').map((m) => m.card),
    info: made.filter((m) => m.finding.severity === 'info').map((m) => m.card),
    shown: made.map((m) => shownFinding(m.card, m.finding, draftRefs)),
  };
}
