import type { CdsCard } from '../../src/cds/cds-types';
import { findingCard } from '../../src/cards/finding-card';
import type { Finding } from '../../src/rules/rule';
import type { HookDeps } from './cds-service';

/** Rule findings (already ranked by the engine) as cards, split into the urgent ones and the rest. */
export function ruleCards(findings: readonly Finding[], deps: Pick<HookDeps, 'newId' | 'knowledgeVersion'>): { urgent: CdsCard[]; info: CdsCard[] } {
  const options = { uuid: deps.newId, knowledgeVersion: deps.knowledgeVersion };
  return {
    urgent: findings.filter((f) => f.severity !== 'info').map((f) => findingCard(f, options)),
    info: findings.filter((f) => f.severity === 'info').map((f) => findingCard(f, options)),
  };
}
