import type { DrugClass } from '../drugs/drug-class';
import { CLASS_MEMBERSHIP } from '../drugs/drug-classes';
import { ONC_HIGH_PRIORITY } from '../drugs/drug-sources';
import type { InteractionRow } from './interaction-row';

// The ONC high-priority DDI list (Phansalkar et al., JAMIA 2012;19:735): interactions that warrant
// an interruptive alert. Groups as the mapped list (dbmi-pitt/public-PDDI-analysis,
// ONC_High_Priority_Mapped.csv) expands them; scripts/generate-drug-tables.ts checks every pair of
// that file falls in a row here. Contraindicated in the drugs' FDA labels → critical; the others
// (dose limits, monitoring) → warning. Left out, having no RxNorm ingredient in the tables: arsenic
// trioxide, ibutilide, levomethadyl, lopinavir, pentamidine, sevoflurane, sulpiride.

/**
 * The members of one of the list's drug groups, kept once as a class row sourced from the list
 * (drug-classes.ts): class rows from other sources (rasagiline as an MAO-B inhibitor) stay out.
 */
function onListGroup(drugClass: DrugClass): string[] {
  return CLASS_MEMBERSHIP.filter((r) => r.drugClass === drugClass && r.source.label === ONC_HIGH_PRIORITY.label).flatMap((r) => r.ingredients);
}

const MAOIS = onListGroup('maoi');
const PROTEASE_INHIBITORS = ['amprenavir', 'atazanavir', 'darunavir', 'fosamprenavir', 'indinavir', 'nelfinavir', 'ritonavir', 'saquinavir', 'tipranavir'];
// The ONC list's QT group (every pair of two members is listed).
const QT_PROLONGING = onListGroup('qt-prolonging');
const STRONG_3A4_FOR_STATINS = ['amprenavir', 'atazanavir', 'clarithromycin', 'darunavir', 'erythromycin', 'itraconazole', 'ketoconazole', 'nefazodone', 'nelfinavir', 'ritonavir', 'saquinavir', 'telithromycin', 'tipranavir'];

export const ONC_HIGH_PRIORITY_ROWS: readonly InteractionRow[] = [
  {
    id: 'onc-hp:maoi-serotonergic',
    aLabel: 'MAO inhibitors',
    bLabel: 'serotonergic or sympathomimetic drugs',
    a: MAOIS,
    b: [
      'amitriptyline', 'amphetamine', 'atomoxetine', 'benzphetamine', 'citalopram', 'clomipramine', 'desipramine', 'desvenlafaxine', 'dexmethylphenidate',
      'dextroamphetamine', 'dextromethorphan', 'diethylpropion', 'doxepin', 'duloxetine', 'escitalopram', 'fentanyl', 'fluoxetine', 'fluvoxamine', 'imipramine',
      'methadone', 'methamphetamine', 'methylphenidate', 'milnacipran', 'nefazodone', 'nortriptyline', 'paroxetine', 'meperidine', 'phendimetrazine', 'phentermine',
      'protriptyline', 'pseudoephedrine', 'sertraline', 'tapentadol', 'tramadol', 'trimipramine', 'venlafaxine',
    ],
    severity: 'critical',
    effect: 'serotonin syndrome or hypertensive crisis',
    management: 'Contraindicated together; allow the MAOI washout (usually 14 days) before starting.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    // The list pairs these two MAO inhibitors as well.
    id: 'onc-hp:maoi-procarbazine',
    aLabel: 'MAO inhibitors',
    bLabel: 'procarbazine',
    a: ['tranylcypromine'],
    b: ['procarbazine'],
    severity: 'critical',
    effect: 'hypertensive crisis',
    management: 'Avoid together.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:maoi-triptan',
    aLabel: 'MAO inhibitors',
    bLabel: 'triptans',
    a: ['isocarboxazid', 'phenelzine', 'tranylcypromine'],
    b: ['rizatriptan', 'sumatriptan', 'zolmitriptan'],
    severity: 'critical',
    effect: 'raised triptan levels and serotonin toxicity',
    management: 'Contraindicated within 2 weeks of an MAOI.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:ergot-cyp3a4',
    aLabel: 'ergot alkaloids',
    bLabel: 'CYP3A4 inhibitors',
    a: ['dihydroergotamine', 'ergonovine', 'ergotamine', 'methylergonovine'],
    b: ['amprenavir', 'atazanavir', 'clarithromycin', 'darunavir', 'erythromycin', 'indinavir', 'itraconazole', 'ketoconazole', 'nelfinavir', 'ritonavir', 'saquinavir', 'telithromycin', 'tipranavir'],
    severity: 'critical',
    effect: 'ergotism: vasospasm and ischaemia',
    management: 'Contraindicated together; choose a non-ergot alternative or another anti-infective.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:protease-inhibitor-inducer',
    aLabel: 'HIV protease inhibitors',
    bLabel: 'CYP3A4 inducers',
    a: PROTEASE_INHIBITORS,
    b: ['bosentan', 'carbamazepine', 'rifabutin', 'rifampin', 'rifapentine'],
    severity: 'critical',
    effect: 'loss of antiretroviral effect and resistance',
    management: 'Avoid; if a rifamycin is needed, use rifabutin with the dose the HIV regimen calls for.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:atazanavir-ppi',
    aLabel: 'atazanavir',
    bLabel: 'proton pump inhibitors',
    a: ['atazanavir'],
    b: ['lansoprazole', 'omeprazole', 'pantoprazole', 'rabeprazole'],
    severity: 'warning',
    effect: 'less atazanavir absorbed, risking virologic failure',
    management: 'Not recommended; if needed, limit the PPI dose and boost atazanavir with ritonavir.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:statin-strong-cyp3a4',
    aLabel: 'simvastatin or lovastatin',
    bLabel: 'strong CYP3A4 inhibitors',
    a: ['lovastatin', 'simvastatin'],
    b: STRONG_3A4_FOR_STATINS,
    severity: 'critical',
    effect: 'myopathy and rhabdomyolysis',
    management: 'Contraindicated (statin label); hold the statin or use pravastatin or rosuvastatin.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:statin-moderate-cyp3a4',
    aLabel: 'simvastatin or lovastatin',
    bLabel: 'moderate CYP3A4 inhibitors',
    a: ['lovastatin', 'simvastatin'],
    b: ['amiodarone', 'diltiazem', 'fluconazole', 'verapamil'],
    severity: 'warning',
    effect: 'myopathy risk at higher statin doses',
    management: 'Keep simvastatin at 10 mg (verapamil, diltiazem) or 20 mg (amiodarone), or switch statin.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:irinotecan-cyp3a4',
    aLabel: 'irinotecan',
    bLabel: 'CYP3A4 inhibitors',
    a: ['irinotecan'],
    b: [
      'amiodarone', 'amprenavir', 'aprepitant', 'atazanavir', 'cimetidine', 'clarithromycin', 'darunavir', 'diltiazem', 'erythromycin', 'fluconazole', 'fosamprenavir',
      'indinavir', 'itraconazole', 'ketoconazole', 'nefazodone', 'nelfinavir', 'ritonavir', 'saquinavir', 'telithromycin', 'tipranavir', 'verapamil', 'voriconazole',
    ],
    severity: 'warning',
    effect: 'irinotecan toxicity (neutropenia, diarrhoea)',
    management: 'Avoid; stop strong inhibitors at least a week before irinotecan.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:tizanidine-cyp1a2-contraindicated',
    aLabel: 'tizanidine',
    bLabel: 'strong CYP1A2 inhibitors',
    a: ['tizanidine'],
    b: ['ciprofloxacin', 'fluvoxamine'],
    severity: 'critical',
    effect: 'severe hypotension and sedation',
    management: 'Contraindicated (tizanidine label).',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:tizanidine-cyp1a2',
    aLabel: 'tizanidine',
    bLabel: 'CYP1A2 inhibitors',
    a: ['tizanidine'],
    b: ['amiodarone', 'mexiletine', 'propafenone', 'ticlopidine', 'zileuton'],
    severity: 'warning',
    effect: 'hypotension and sedation',
    management: 'Avoid; if needed, start tizanidine low and watch blood pressure.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:ramelteon-fluvoxamine',
    aLabel: 'ramelteon',
    bLabel: 'fluvoxamine',
    a: ['ramelteon'],
    b: ['fluvoxamine'],
    severity: 'critical',
    effect: 'ramelteon exposure up about 190-fold',
    management: 'Contraindicated (ramelteon label).',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:ramelteon-cyp1a2',
    aLabel: 'ramelteon',
    bLabel: 'CYP1A2 inhibitors',
    a: ['ramelteon'],
    b: ['amiodarone', 'ciprofloxacin', 'ticlopidine'],
    severity: 'warning',
    effect: 'excess sedation',
    management: 'Use with caution.',
    source: ONC_HIGH_PRIORITY,
  },
  {
    id: 'onc-hp:qt-qt',
    aLabel: 'QT-prolonging agents',
    bLabel: 'QT-prolonging agents',
    a: QT_PROLONGING,
    b: QT_PROLONGING,
    severity: 'warning',
    effect: 'additive QT prolongation and torsades de pointes',
    management: 'Avoid the combination, or check an ECG, potassium and magnesium before and after starting.',
    source: ONC_HIGH_PRIORITY,
  },
];
