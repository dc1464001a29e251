import type { KnowledgeSource } from '../knowledge-source';
import type { DrugClass } from './drug-class';

// Therapeutic duplication: two concurrent drugs of one group add risk without added benefit.
// A draft with the same ingredients as an active order is a duplicate order (see the rule).

export interface DuplicateGroup {
  id: string;
  /** Plural, for the summary: "NSAIDs". */
  label: string;
  /** Any two drugs of these classes (systemic forms) are a duplication. */
  classes: readonly DrugClass[];
  severity: 'warning' | 'info';
  /** Why it matters, one sentence for the detail. */
  risk: string;
  source: KnowledgeSource;
}

export const DUPLICATE_GROUPS: readonly DuplicateGroup[] = [
  {
    id: 'nsaids',
    label: 'NSAIDs',
    classes: ['nsaid'],
    severity: 'warning',
    risk: 'Two NSAIDs add GI bleeding, kidney and cardiovascular risk without more pain relief.',
    source: { label: 'FDA NSAID labeling: avoid use with other NSAIDs', url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-strengthens-warning-non-aspirin-nonsteroidal-anti-inflammatory' },
  },
  {
    id: 'statins',
    label: 'statins',
    classes: ['statin'],
    severity: 'warning',
    risk: 'Two statins raise myopathy risk; intensify one statin instead.',
    source: { label: 'ACC/AHA 2018 cholesterol guideline (one statin, titrated)', url: 'https://doi.org/10.1161/CIR.0000000000000625' },
  },
  {
    id: 'raas-blockers',
    label: 'ACE inhibitors/ARBs',
    classes: ['ace-inhibitor', 'arb'],
    severity: 'warning',
    risk: 'Dual RAS blockade raises the risk of hypotension, hyperkalaemia and acute kidney injury.',
    source: { label: 'FDA label (lisinopril): dual blockade of the renin-angiotensin system', url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=lisinopril' },
  },
  {
    id: 'anticoagulants',
    label: 'anticoagulants',
    classes: ['anticoagulant'],
    severity: 'warning',
    risk: 'Two anticoagulants multiply bleeding risk; overlap only for a planned transition or bridging.',
    source: { label: 'ACC 2020 expert consensus: transitions between anticoagulants', url: 'https://doi.org/10.1016/j.jacc.2020.04.053' },
  },
  {
    id: 'ssris',
    label: 'SSRIs',
    classes: ['ssri'],
    severity: 'warning',
    risk: 'Two SSRIs raise the risk of serotonin syndrome without added benefit.',
    source: { label: 'WHO ATC N06AB (selective serotonin reuptake inhibitors)', url: 'https://atcddd.fhi.no/atc_ddd_index/?code=N06AB' },
  },
  {
    id: 'benzodiazepines',
    label: 'benzodiazepines',
    classes: ['benzodiazepine'],
    severity: 'warning',
    risk: 'Two benzodiazepines add sedation, falls and respiratory depression.',
    source: { label: 'AGS Beers Criteria 2023 (benzodiazepines; >= 3 CNS-active drugs)', url: 'https://doi.org/10.1111/jgs.18372' },
  },
  {
    id: 'ppis',
    label: 'proton pump inhibitors',
    classes: ['proton-pump-inhibitor'],
    severity: 'info',
    risk: 'Two PPIs give no added acid suppression.',
    source: { label: 'WHO ATC A02BC (proton pump inhibitors)', url: 'https://atcddd.fhi.no/atc_ddd_index/?code=A02BC' },
  },
];

/** A draft with an ingredient of an active order: a duplicate order whatever its class. */
export const SAME_INGREDIENT_SOURCE: KnowledgeSource = {
  label: 'RxNorm ingredient match (duplicate order)',
  url: 'https://www.nlm.nih.gov/research/umls/rxnorm/overview.html',
};
