import { ONC_HIGH_PRIORITY } from '../drugs/drug-sources';
import type { InteractionRow } from './interaction-row';

// The ONC high-priority DDI list (Phansalkar et al., JAMIA 2012;19:735): interactions that warrant
// an interruptive alert. Groups as the mapped list (dbmi-pitt/public-PDDI-analysis,
// ONC_High_Priority_Mapped.csv) expands them; scripts/generate-drug-tables.ts checks every pair of
// that file falls in a row here. Contraindicated in the drugs' FDA labels → critical; the others
// (dose limits, monitoring) → warning. Left out, having no RxNorm ingredient in the tables: arsenic
// trioxide, ibutilide, levomethadyl, lopinavir, sevoflurane, sulpiride.
// The list's MAOI + serotonergic, MAOI + triptan, statin + CYP3A4 inhibitor, tizanidine + CYP1A2
// inhibitor and QT + QT groups are kept once, as mechanism rows graded by the drugs' labels and the
// patient's facts (mechanisms/pharmacokinetic*.ts, pharmacodynamic*.ts); the generator counts them
// as covering those pairs. Deliberately not kept: fluconazole + simvastatin/lovastatin (the statins'
// labels cap doses with strong inhibitors, not with fluconazole) and amprenavir (withdrawn).

const PROTEASE_INHIBITORS = ['amprenavir', 'atazanavir', 'darunavir', 'fosamprenavir', 'indinavir', 'nelfinavir', 'ritonavir', 'saquinavir', 'tipranavir'];

export const ONC_HIGH_PRIORITY_ROWS: readonly InteractionRow[] = [
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
];
