import type { KnowledgeSource, Severity } from '../../rules/rule';
import type { DrugSelector } from '../../rules/clinical-state/drug-selector';

/**
 * Drugs with established fetal risk, from their US labels (boxed warnings and contraindications) or
 * the FDA's safety communications. A new order in pregnancy is `critical` (stop before signing)
 * where the label contraindicates it or boxes the fetal risk; a drug the patient already takes is a
 * `warning` (review now). Statins are milder since FDA's 2021 change (no longer contraindicated).
 */
export interface FetalRiskRow {
  id: string;
  /** How the card names the group: "ACE inhibitor or ARB". */
  group: string;
  selector: DrugSelector;
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

function label(drug: string, query: string): KnowledgeSource {
  return { label: `${drug} US prescribing information (FDA label)`, url: `https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=${query}` };
}

export const FETAL_RISK_DRUGS: readonly FetalRiskRow[] = [
  {
    id: 'pregnancy/warfarin',
    group: 'Warfarin',
    selector: { ingredients: ['warfarin'] },
    draft: 'critical',
    active: 'warning',
    risk: 'contraindicated in pregnancy (embryopathy, fetal bleeding)',
    advice: 'Warfarin is contraindicated in pregnancy except in women with mechanical heart valves at high risk of thromboembolism; it causes embryopathy and fetal haemorrhage.',
    alternatives: 'Low-molecular-weight heparin is the usual anticoagulant in pregnancy.',
    source: label('Warfarin (Coumadin)', 'warfarin+sodium'),
  },
  {
    id: 'pregnancy/renin-angiotensin',
    group: 'ACE inhibitor or ARB',
    selector: { classes: ['ace-inhibitor', 'arb'] },
    draft: 'critical',
    active: 'warning',
    risk: 'fetal toxicity (boxed warning)',
    advice: 'Boxed warning: drugs acting on the renin–angiotensin system cause injury and death to the developing fetus; stop as soon as pregnancy is detected.',
    alternatives: 'ACOG Practice Bulletin 203 (2019): labetalol, nifedipine or methyldopa for hypertension in pregnancy.',
    source: label('Lisinopril and other ACE inhibitors/ARBs', 'lisinopril'),
  },
  {
    id: 'pregnancy/valproate',
    group: 'Valproate',
    selector: { ingredients: ['valproate'] },
    draft: 'critical',
    active: 'warning',
    risk: 'major malformations and lower IQ (boxed warning)',
    advice: 'Boxed warning: valproate causes neural tube defects and other major malformations and decreased IQ; contraindicated for migraine prevention in pregnancy.',
    source: label('Valproate (Depakote)', 'divalproex'),
  },
  {
    id: 'pregnancy/isotretinoin',
    group: 'Isotretinoin',
    selector: { ingredients: ['isotretinoin'] },
    draft: 'critical',
    active: 'warning',
    risk: 'contraindicated: severe birth defects (iPLEDGE)',
    advice: 'Boxed warning: isotretinoin is contraindicated in pregnancy (severe, life-threatening birth defects); prescribing is restricted under the iPLEDGE REMS.',
    source: label('Isotretinoin', 'isotretinoin'),
  },
  {
    id: 'pregnancy/methotrexate',
    group: 'Methotrexate',
    selector: { ingredients: ['methotrexate'] },
    draft: 'critical',
    active: 'warning',
    risk: 'embryo-fetal toxicity (boxed warning)',
    advice: 'Boxed warning: methotrexate causes embryo-fetal toxicity and death; contraindicated in pregnancy for non-cancer indications.',
    source: label('Methotrexate', 'methotrexate'),
  },
  {
    id: 'pregnancy/statin',
    group: 'Statin',
    selector: { classes: ['statin'] },
    draft: 'warning',
    active: 'info',
    risk: 'stop in most pregnancies (FDA 2021)',
    advice: 'FDA (2021): statins are no longer contraindicated in pregnancy, but most pregnant patients should stop them; those at very high cardiovascular risk may continue after discussion.',
    source: {
      label: 'FDA Drug Safety Communication: statins in pregnancy (2021)',
      url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-requests-removal-strongest-warning-against-using-cholesterol-lowering-statins-during-pregnancy',
    },
  },
];
