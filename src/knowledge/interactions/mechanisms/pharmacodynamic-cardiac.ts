import type { DrugSet, MechanismRow } from './mechanism-row';
import { INR_ORDER } from './pharmacokinetic-sets';
import {
  ACC_ANTITHROMBOTIC_2020,
  AHA_QT_2010,
  APIXABAN_BLEEDING_LABEL,
  BEERS_2023_TABLE_5,
  DRONEDARONE_QT_LABEL,
  PIMOZIDE_QT_LABEL,
  RIOCIGUAT_LABEL,
  SERTRALINE_BLEEDING_LABEL,
  SILDENAFIL_LABEL,
  THIORIDAZINE_QT_LABEL,
  VERAPAMIL_LABEL,
  WARFARIN_ANTIBIOTIC_COHORT,
  ZIPRASIDONE_LABEL,
} from './pharmacodynamic-sources';

// Pharmacodynamic interactions of the heart and blood: additive QT prolongation, profound
// hypotension or bradycardia, and bleeding. Two QT drugs are a warning that the latest QTc or a low
// potassium or magnesium makes critical (AHA 2010); drugs whose labels contraindicate any other QT
// drug are critical. Anticoagulant combinations that are sometimes intended (AF after PCI) stay
// warnings. Warfarin with an NSAID is the HL7 PDDI-CDS logic's (warfarin-nsaid-check.ts), and
// warfarin with CYP2C9 inhibitors the pharmacokinetic rows'.

/** Drugs with a known risk of torsade de pointes: the ONC QT group, plus drugs whose labels warn of it. */
const QT_DRUGS: DrugSet = { label: 'QT-prolonging drugs', classes: ['qt-prolonging'], ingredients: ['levofloxacin', 'hydroxychloroquine', 'ziprasidone'] };

const QT_CONTRAINDICATED = { severity: 'critical', effect: 'QT prolongation, torsade de pointes' } as const;
const QT_CONTRAINDICATED_MECHANISM = 'both prolong ventricular repolarisation; this drug\'s label contraindicates any other drug that prolongs the QT interval';

export const QT_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:qt:two-qt-drugs',
    group: 'qt',
    precipitant: QT_DRUGS,
    object: QT_DRUGS,
    severity: 'warning',
    raisedBy: [
      { when: 'qtc-500-or-more', severity: 'critical' },
      { when: 'potassium-below-3.5', severity: 'critical' },
      { when: 'magnesium-below-1.7', severity: 'critical' },
      // Risk factors the AHA statement names that the card reports without raising it on their own.
      { when: 'qtc-prolonged', severity: 'warning' },
      { when: 'female', severity: 'warning' },
      { when: 'age-65-or-more', severity: 'warning' },
    ],
    // US Core clinical test codes: 34534-8 12 lead EKG panel.
    monitoring: { label: 'Order a 12-lead ECG', loinc: '34534-8', display: '12 lead EKG panel' },
    effect: 'additive QT prolongation, torsade de pointes',
    mechanism: 'both block the cardiac potassium current that ends repolarisation; the risk rises with QTc over 500 ms, low potassium or magnesium, female sex, age and bradycardia',
    management: 'Avoid the pair if an alternative exists. Otherwise check an ECG and correct potassium (to 4 or more) and magnesium first, then repeat the ECG.',
    source: AHA_QT_2010,
  },
  {
    id: 'mech:qt:pimozide',
    group: 'qt',
    precipitant: { label: 'pimozide', ingredients: ['pimozide'] },
    object: QT_DRUGS,
    ...QT_CONTRAINDICATED,
    mechanism: QT_CONTRAINDICATED_MECHANISM,
    management: 'Contraindicated together; choose a drug that does not prolong QT.',
    source: PIMOZIDE_QT_LABEL,
  },
  {
    id: 'mech:qt:thioridazine',
    group: 'qt',
    precipitant: { label: 'thioridazine', ingredients: ['thioridazine'] },
    object: QT_DRUGS,
    ...QT_CONTRAINDICATED,
    mechanism: QT_CONTRAINDICATED_MECHANISM,
    management: 'Contraindicated together; choose a drug that does not prolong QT.',
    source: THIORIDAZINE_QT_LABEL,
  },
  {
    id: 'mech:qt:ziprasidone',
    group: 'qt',
    precipitant: { label: 'ziprasidone', ingredients: ['ziprasidone'] },
    object: QT_DRUGS,
    ...QT_CONTRAINDICATED,
    mechanism: QT_CONTRAINDICATED_MECHANISM,
    management: 'Contraindicated together; choose a drug that does not prolong QT.',
    source: ZIPRASIDONE_LABEL,
  },
  {
    id: 'mech:qt:dronedarone',
    group: 'qt',
    precipitant: { label: 'dronedarone', ingredients: ['dronedarone'] },
    object: QT_DRUGS,
    ...QT_CONTRAINDICATED,
    mechanism: QT_CONTRAINDICATED_MECHANISM,
    management: 'Contraindicated together; choose a drug that does not prolong QT.',
    source: DRONEDARONE_QT_LABEL,
  },
];

const NITRATES: DrugSet = { label: 'nitrates', classes: ['nitrate'] };

export const HYPOTENSION_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:hypotension:nitrate-pde5',
    group: 'hypotension',
    precipitant: { label: 'PDE5 inhibitors', classes: ['pde5-inhibitor'] },
    object: NITRATES,
    severity: 'critical',
    effect: 'severe hypotension',
    mechanism: 'nitrates release nitric oxide, which raises cGMP; PDE5 inhibitors stop cGMP breakdown, so blood pressure can fall profoundly (including with as-needed nitroglycerin)',
    management: 'Contraindicated together. Do not give a PDE5 inhibitor to a patient using any nitrate; after sildenafil or vardenafil wait 24 hours, after tadalafil 48 hours, before a nitrate.',
    source: SILDENAFIL_LABEL,
  },
  {
    id: 'mech:hypotension:nitrate-riociguat',
    group: 'hypotension',
    precipitant: { label: 'riociguat', ingredients: ['riociguat'] },
    object: NITRATES,
    severity: 'critical',
    effect: 'severe hypotension',
    mechanism: 'riociguat stimulates soluble guanylate cyclase, and nitrates supply the nitric oxide that activates it: cGMP and vasodilation add up',
    management: 'Contraindicated together. Do not combine riociguat with any nitrate or nitric oxide donor.',
    source: RIOCIGUAT_LABEL,
  },
  {
    id: 'mech:hypotension:beta-blocker-non-dhp-ccb',
    group: 'hypotension',
    precipitant: { label: 'verapamil or diltiazem', classes: ['non-dihydropyridine-ccb'] },
    object: { label: 'beta-blockers', classes: ['beta-blocker'] },
    severity: 'info',
    raisedBy: [{ when: 'heart-failure', severity: 'warning' }],
    effect: 'bradycardia, AV block, hypotension',
    mechanism: 'both slow AV conduction and lower heart rate and contractility',
    management: 'Check heart rate and blood pressure after starting. Often intended for rate control; avoid in heart failure with reduced ejection fraction.',
    source: VERAPAMIL_LABEL,
  },
];

const ORAL_ANTICOAGULANTS: DrugSet = { label: 'oral anticoagulants', classes: ['doac'], ingredients: ['warfarin'] };
const WARFARIN: DrugSet = { label: 'warfarin', ingredients: ['warfarin'] };
const INR_ABOVE_4 = [{ when: 'inr-above-4', severity: 'critical' }] as const;

export const BLEEDING_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:bleeding:anticoagulant-antiplatelet',
    group: 'bleeding',
    precipitant: { label: 'antiplatelet drugs', classes: ['antiplatelet'] },
    object: ORAL_ANTICOAGULANTS,
    severity: 'warning',
    effect: 'major bleeding risk',
    mechanism: 'inhibiting platelets and clotting at once roughly doubles major bleeding; the pair is intended after a recent ACS or PCI, where the antiplatelet is time-limited',
    management: 'Confirm the combination is intended and set a stop date for the antiplatelet. After PCI prefer clopidogrel with the anticoagulant, stop aspirin early, and add a PPI; otherwise stop the antiplatelet.',
    source: ACC_ANTITHROMBOTIC_2020,
  },
  {
    id: 'mech:bleeding:doac-nsaid',
    group: 'bleeding',
    precipitant: { label: 'NSAIDs', classes: ['nsaid'] },
    object: { label: 'direct oral anticoagulants', classes: ['doac'] },
    severity: 'warning',
    effect: 'bleeding risk, GI bleeding',
    mechanism: 'NSAIDs inhibit platelets and injure the gastric mucosa while the anticoagulant impairs clotting',
    management: 'Prefer acetaminophen. If an NSAID is needed, use the lowest dose for the shortest time with a PPI.',
    source: APIXABAN_BLEEDING_LABEL,
  },
  {
    id: 'mech:bleeding:anticoagulant-ssri-snri',
    group: 'bleeding',
    precipitant: { label: 'SSRIs or SNRIs', classes: ['ssri', 'snri'] },
    object: ORAL_ANTICOAGULANTS,
    severity: 'warning',
    effect: 'bleeding risk',
    mechanism: 'serotonin reuptake inhibitors deplete platelet serotonin and impair aggregation, adding to the anticoagulant',
    management: 'Watch for bleeding. Both can usually continue when needed; consider a PPI if GI risk is high and check the INR more often on warfarin.',
    source: SERTRALINE_BLEEDING_LABEL,
  },
  {
    id: 'mech:bleeding:warfarin-fluoroquinolone',
    group: 'bleeding',
    // Ciprofloxacin, a strong CYP1A2 inhibitor, has its own pharmacokinetic row (mech:cyp1a2:warfarin-ciprofloxacin).
    precipitant: { label: 'fluoroquinolones', classes: ['fluoroquinolone'], except: ['ciprofloxacin'] },
    object: WARFARIN,
    severity: 'warning',
    raisedBy: INR_ABOVE_4,
    effect: 'INR rise and serious bleeding',
    mechanism: 'levofloxacin and moxifloxacin raise the INR (protein-binding displacement, loss of vitamin K from gut flora); with levofloxacin serious bleeding rose 1.8-fold',
    management: 'Prefer an antibiotic with little warfarin effect where suitable. Otherwise check the INR within 3–5 days of starting and adjust the warfarin dose.',
    monitoring: INR_ORDER,
    source: WARFARIN_ANTIBIOTIC_COHORT,
  },
  {
    id: 'mech:bleeding:warfarin-macrolide',
    group: 'bleeding',
    precipitant: { label: 'macrolides (not azithromycin)', classes: ['macrolide'], except: ['azithromycin'] },
    object: WARFARIN,
    severity: 'warning',
    raisedBy: INR_ABOVE_4,
    effect: 'INR rise and bleeding',
    mechanism: 'clarithromycin and erythromycin inhibit CYP3A4, which clears R-warfarin',
    management: 'Prefer azithromycin or another antibiotic. Otherwise check the INR within 3–5 days of starting and adjust the warfarin dose.',
    monitoring: INR_ORDER,
    source: BEERS_2023_TABLE_5,
  },
];
