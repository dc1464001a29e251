import type { DrugSet, MechanismRow } from './mechanism-row';
import {
  BEERS_2023_TABLE_5,
  CDC_OPIOIDS_2022,
  FDA_LINEZOLID_2011,
  FDA_METHYLENE_BLUE_2011,
  FDA_OPIOID_BENZO_2016,
  GABAPENTINOID_LABEL,
  MAOB_SSRI_REVIEW,
  PHENELZINE_LABEL,
  RASAGILINE_LABEL,
  SUMATRIPTAN_LABEL,
  TRAMADOL_SEROTONIN_LABEL,
  TRIPTAN_SSRI_COHORT,
} from './pharmacodynamic-sources';

// Pharmacodynamic interactions of the nervous system: serotonin toxicity, CNS and respiratory
// depression, anticholinergic burden. Severity follows the label (contraindicated → critical);
// where the evidence is weak (triptans with SSRIs) the card is information only.

/** MAO inhibitors that block MAO-A (rasagiline, MAO-B selective, has its own rows). */
export const NONSELECTIVE_MAOIS: DrugSet = { label: 'MAO inhibitors', classes: ['maoi'], except: ['rasagiline'] };

/** Serotonin reuptake inhibitors the FDA 2011 communications name (SSRIs, SNRIs, clomipramine, vilazodone, vortioxetine). */
const SEROTONERGIC_PSYCHIATRIC: DrugSet = { label: 'serotonergic antidepressants', classes: ['ssri', 'snri'], ingredients: ['clomipramine', 'vilazodone', 'vortioxetine'] };

/** What the MAOI labels contraindicate for serotonin toxicity: antidepressants, serotonergic opioids, dextromethorphan, cyclobenzaprine. */
const SEROTONERGIC: DrugSet = {
  label: 'serotonergic drugs',
  classes: ['ssri', 'snri', 'tricyclic-antidepressant'],
  ingredients: [
    'vilazodone', 'vortioxetine', 'nefazodone', 'trazodone', 'mirtazapine', 'buspirone', 'bupropion',
    'tramadol', 'tapentadol', 'meperidine', 'methadone', 'fentanyl', 'dextromethorphan', 'cyclobenzaprine',
  ],
};

const SSRI_SNRI: DrugSet = { label: 'SSRIs or SNRIs', classes: ['ssri', 'snri'] };

export const SEROTONERGIC_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:serotonergic:maoi-serotonergic',
    group: 'serotonergic',
    precipitant: NONSELECTIVE_MAOIS,
    object: SEROTONERGIC,
    severity: 'critical',
    effect: 'serotonin syndrome, hypertensive reactions',
    mechanism: 'the MAO inhibitor blocks the breakdown of serotonin while the other drug raises its release or blocks its reuptake',
    management: 'Contraindicated together; stop one. Allow 14 days after stopping the MAO inhibitor (5 weeks after fluoxetine) before starting the other.',
    source: PHENELZINE_LABEL,
  },
  {
    id: 'mech:serotonergic:maoa-triptan',
    group: 'serotonergic',
    precipitant: { label: 'MAO-A inhibitors', ingredients: ['isocarboxazid', 'phenelzine', 'tranylcypromine'] },
    object: { label: 'triptans cleared by MAO-A', ingredients: ['sumatriptan', 'rizatriptan', 'zolmitriptan'] },
    severity: 'critical',
    effect: 'triptan levels rise, serotonin toxicity',
    mechanism: 'MAO-A clears sumatriptan, rizatriptan and zolmitriptan; the MAO inhibitor multiplies their exposure',
    management: 'Contraindicated within 2 weeks of an MAO-A inhibitor. If a triptan is needed, eletriptan, naratriptan or frovatriptan are not cleared by MAO-A.',
    source: SUMATRIPTAN_LABEL,
  },
  {
    id: 'mech:serotonergic:linezolid',
    group: 'serotonergic',
    precipitant: { label: 'linezolid', ingredients: ['linezolid'] },
    object: SEROTONERGIC_PSYCHIATRIC,
    severity: 'critical',
    effect: 'serotonin syndrome',
    mechanism: 'linezolid is a reversible MAO inhibitor; with a serotonin reuptake inhibitor serotonin accumulates',
    management: 'Choose another antibiotic unless linezolid is urgent. Vancomycin or daptomycin may fit; if linezolid is needed, stop the antidepressant and watch for serotonin toxicity for 2 weeks (5 after fluoxetine) or until 24 hours after the last linezolid dose.',
    source: FDA_LINEZOLID_2011,
  },
  {
    id: 'mech:serotonergic:methylene-blue',
    group: 'serotonergic',
    precipitant: { label: 'methylene blue', ingredients: ['methylene blue'] },
    object: SEROTONERGIC_PSYCHIATRIC,
    severity: 'critical',
    effect: 'serotonin syndrome',
    mechanism: 'methylene blue is a potent reversible MAO-A inhibitor; the reported cases followed IV doses of 1–8 mg/kg, and the risk of low oral doses (urinary antiseptics) is unknown',
    management: 'Avoid methylene blue unless urgent. If it must be given, stop the antidepressant and watch for serotonin toxicity for 2 weeks (5 after fluoxetine) or until 24 hours after the last dose.',
    source: FDA_METHYLENE_BLUE_2011,
  },
  {
    id: 'mech:serotonergic:rasagiline-opioid',
    group: 'serotonergic',
    precipitant: { label: 'rasagiline', ingredients: ['rasagiline'] },
    object: { label: 'meperidine, tramadol, methadone, dextromethorphan or cyclobenzaprine', ingredients: ['meperidine', 'tramadol', 'methadone', 'dextromethorphan', 'cyclobenzaprine'] },
    severity: 'critical',
    effect: 'serotonin syndrome',
    mechanism: 'rasagiline inhibits MAO-B and, at higher exposure, MAO-A; these drugs release serotonin or block its reuptake',
    management: 'Contraindicated together; allow 14 days after stopping rasagiline. For pain, use another analgesic, such as acetaminophen or an opioid without serotonergic action.',
    source: RASAGILINE_LABEL,
  },
  {
    id: 'mech:serotonergic:rasagiline-antidepressant',
    group: 'serotonergic',
    precipitant: { label: 'rasagiline', ingredients: ['rasagiline'] },
    object: { label: 'serotonergic antidepressants', classes: ['ssri', 'snri', 'tricyclic-antidepressant'] },
    severity: 'warning',
    effect: 'serotonin toxicity (rare)',
    mechanism: 'MAO-B inhibition is selective at 1 mg/day, but serotonin syndrome has been reported with antidepressants; a cohort of 1,504 patients on rasagiline with an SSRI had no case',
    management: 'Use the lowest doses and watch for serotonin toxicity. Keep rasagiline at 1 mg/day or less, avoid fluvoxamine (it raises rasagiline) and teach the patient the signs.',
    source: MAOB_SSRI_REVIEW,
  },
  {
    id: 'mech:serotonergic:antidepressant-tramadol',
    group: 'serotonergic',
    precipitant: { label: 'SSRIs, SNRIs or tricyclics', classes: ['ssri', 'snri', 'tricyclic-antidepressant'] },
    object: { label: 'tramadol', ingredients: ['tramadol'] },
    severity: 'warning',
    effect: 'serotonin syndrome, seizures',
    mechanism: 'tramadol blocks serotonin and noradrenaline reuptake and lowers the seizure threshold, as these antidepressants do',
    management: 'Prefer another analgesic. Acetaminophen, an NSAID if suitable, or a non-serotonergic opioid avoid the problem; if tramadol is used, keep the dose low and watch for agitation, tremor, clonus and fever.',
    source: TRAMADOL_SEROTONIN_LABEL,
  },
  {
    id: 'mech:serotonergic:ssri-triptan',
    group: 'serotonergic',
    precipitant: SSRI_SNRI,
    object: { label: 'triptans', classes: ['triptan'] },
    severity: 'info',
    effect: 'serotonin syndrome is rare with this pair',
    mechanism: 'both act on serotonin; after the FDA 2006 advisory, a 14-year cohort found 0.6 definite cases per 10,000 person-years of co-prescription',
    management: 'No change needed for most patients. Tell the patient the signs of serotonin toxicity.',
    source: TRIPTAN_SSRI_COHORT,
  },
];

/** Patient facts that make respiratory depression from two depressants critical (FDA 2016, CDC 2022). */
const RESPIRATORY_RISK = [
  { when: 'sleep-apnoea', severity: 'critical' },
  { when: 'copd', severity: 'critical' },
] as const;

/** Beers 2023 Table 5's CNS-active drugs (antiepileptics, antidepressants, antipsychotics, sedatives, opioids, muscle relaxants). */
const CNS_ACTIVE: DrugSet = {
  label: 'CNS-active drugs',
  classes: [
    'opioid', 'benzodiazepine', 'z-drug', 'barbiturate', 'antipsychotic', 'ssri', 'snri', 'tricyclic-antidepressant', 'gabapentinoid', 'skeletal-muscle-relaxant',
  ],
  ingredients: ['carbamazepine', 'oxcarbazepine', 'lamotrigine', 'levetiracetam', 'phenytoin', 'topiramate', 'valproate', 'lacosamide', 'zonisamide'],
};

export const CNS_DEPRESSION_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:cns-depression:opioid-benzodiazepine',
    group: 'cns-depression',
    precipitant: { label: 'benzodiazepines', classes: ['benzodiazepine'] },
    object: { label: 'opioids', classes: ['opioid'] },
    severity: 'warning',
    raisedBy: RESPIRATORY_RISK,
    effect: 'profound sedation, respiratory depression, death',
    mechanism: 'both depress the brainstem respiratory drive; overdose deaths involving both nearly tripled 2004–2011',
    management: 'Avoid the combination. Taper one, or use non-opioid analgesia or a non-sedating anxiolytic; if both are needed, use the lowest doses for the shortest time and offer naloxone; do not withhold buprenorphine or methadone for opioid use disorder.',
    source: FDA_OPIOID_BENZO_2016,
  },
  {
    id: 'mech:cns-depression:opioid-sedative',
    group: 'cns-depression',
    precipitant: { label: 'Z-drugs or barbiturates', classes: ['z-drug', 'barbiturate'] },
    object: { label: 'opioids', classes: ['opioid'] },
    severity: 'warning',
    raisedBy: RESPIRATORY_RISK,
    effect: 'oversedation, respiratory depression',
    mechanism: 'both are CNS depressants; the opioid labels carry a boxed warning for use with any CNS depressant',
    management: 'Avoid the combination where possible. If both are needed, use the lowest doses for the shortest time; offer naloxone and warn about driving and alcohol.',
    source: CDC_OPIOIDS_2022,
  },
  {
    id: 'mech:cns-depression:opioid-gabapentinoid',
    group: 'cns-depression',
    precipitant: { label: 'gabapentinoids', classes: ['gabapentinoid'] },
    object: { label: 'opioids', classes: ['opioid'] },
    severity: 'info',
    raisedBy: [
      { when: 'age-65-or-more', severity: 'warning' },
      { when: 'copd', severity: 'warning' },
      { when: 'sleep-apnoea', severity: 'warning' },
    ],
    effect: 'added sedation and respiratory depression',
    mechanism: 'gabapentin and pregabalin add to opioid respiratory depression; the risk is greatest in older adults and with lung disease',
    management: 'Start low and titrate slowly. Reduce the opioid where possible and watch for sedation and slowed breathing.',
    source: GABAPENTINOID_LABEL,
  },
  {
    id: 'mech:cns-depression:three-cns-active',
    group: 'cns-depression',
    precipitant: CNS_ACTIVE,
    object: CNS_ACTIVE,
    also: CNS_ACTIVE,
    severity: 'info',
    requires: ['age-65-or-more'],
    effect: 'three or more CNS-active drugs: falls and fractures',
    mechanism: 'each CNS-active drug adds sedation, dizziness and impaired balance; with three or more the risk of falls and fractures rises',
    management: 'Review which can be stopped. Beers advises avoiding three or more CNS-active drugs in older adults; taper the least needed.',
    source: BEERS_2023_TABLE_5,
  },
];

export const ANTICHOLINERGIC_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:anticholinergic:two-strong-anticholinergics',
    group: 'anticholinergic',
    precipitant: { label: 'strongly anticholinergic drugs', classes: ['anticholinergic'] },
    object: { label: 'strongly anticholinergic drugs', classes: ['anticholinergic'] },
    severity: 'warning',
    requires: ['age-65-or-more'],
    effect: 'anticholinergic burden: delirium, cognitive decline, falls',
    mechanism: 'both block muscarinic receptors; in older adults the effects add up to confusion, urinary retention, constipation and falls',
    management: 'Stop one if possible. Beers advises avoiding two or more; choose a non-anticholinergic alternative.',
    source: BEERS_2023_TABLE_5,
  },
];
