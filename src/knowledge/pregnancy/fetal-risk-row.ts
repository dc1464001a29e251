import type { KnowledgeSource } from '../knowledge-source';
import type { Severity } from '../severity';
import type { DrugSelector } from '../../rules/clinical-state/drug-selector';

/**
 * A drug with established fetal risk, from its US label (boxed warning, contraindication, REMS) or
 * an FDA safety communication. A new order in pregnancy is `critical` (stop before signing) where
 * the label contraindicates it or boxes the fetal risk, `warning` where it warns; a drug the patient
 * already takes is rated by what to do now (stop at once and safely: as the order; otherwise review).
 */
export interface FetalRiskRow {
  id: string;
  /** How the card names the group: "ACE inhibitor, ARB or ARNI". */
  group: string;
  selector: DrugSelector;
  /** Ingredients the product must contain together (diclofenac with misoprostol), beyond the selector. */
  combination?: readonly string[];
  /** The risk is dose-related: the row applies from this daily dose (mg), or when the dose cannot be read. */
  minDailyMg?: number;
  draft: Severity;
  active: Severity;
  /** For the summary: "fetal toxicity (boxed warning)". */
  risk: string;
  /** What the source says, one or two sentences. */
  advice: string;
  /** Safer options the source (or the named guideline) gives, if any. */
  alternatives?: string;
  source: KnowledgeSource;
}

/** The drug's label on DailyMed (NLM), found by name. */
export function label(drug: string, query: string): KnowledgeSource {
  return { label: `${drug} US prescribing information (FDA label)`, url: `https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=${query}` };
}
