import type { MechanismRow } from './mechanism-row';
import { NONSELECTIVE_MAOIS } from './pharmacodynamic-neuro';
import { ALISKIREN_LABEL, PHENELZINE_LABEL, RIOCIGUAT_LABEL, SACUBITRIL_VALSARTAN_LABEL, SUMATRIPTAN_LABEL } from './pharmacodynamic-sources';

// Combinations a label contraindicates outright, whatever the patient: the card is critical from
// the start (aliskiren with an ACE inhibitor or ARB only in diabetes, as its label words it).

export const CONTRAINDICATED_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:contraindicated:arni-ace-inhibitor',
    group: 'contraindicated',
    precipitant: { label: 'sacubitril/valsartan', classes: ['arni'] },
    object: { label: 'ACE inhibitors', classes: ['ace-inhibitor'] },
    severity: 'critical',
    effect: 'angioedema',
    mechanism: 'sacubitril inhibits neprilysin and ACE inhibitors block ACE: both enzymes break down bradykinin, which accumulates',
    management: 'Contraindicated together. Stop the ACE inhibitor at least 36 hours before the first sacubitril/valsartan dose.',
    source: SACUBITRIL_VALSARTAN_LABEL,
  },
  {
    id: 'mech:contraindicated:pde5-riociguat',
    group: 'contraindicated',
    precipitant: { label: 'PDE5 inhibitors', classes: ['pde5-inhibitor'] },
    object: { label: 'riociguat', ingredients: ['riociguat'] },
    severity: 'critical',
    effect: 'severe hypotension',
    mechanism: 'riociguat raises cGMP production and PDE5 inhibitors stop its breakdown',
    management: 'Contraindicated together; for pulmonary hypertension use one or the other, never both.',
    source: RIOCIGUAT_LABEL,
  },
  {
    id: 'mech:contraindicated:aliskiren-ras-inhibitor',
    group: 'contraindicated',
    precipitant: { label: 'aliskiren', ingredients: ['aliskiren'] },
    object: { label: 'ACE inhibitors or ARBs', classes: ['ace-inhibitor', 'arb'] },
    severity: 'warning',
    raisedBy: [{ when: 'diabetes', severity: 'critical' }],
    effect: 'hyperkalaemia, hypotension, kidney injury',
    mechanism: 'dual blockade of the renin-angiotensin system adds risk without benefit (ALTITUDE trial stopped early in type 2 diabetes)',
    management: 'Use one RAS blocker. The pair is contraindicated in diabetes and to be avoided otherwise, especially with eGFR below 60.',
    source: ALISKIREN_LABEL,
  },
  {
    id: 'mech:contraindicated:maoi-sympathomimetic',
    group: 'contraindicated',
    precipitant: NONSELECTIVE_MAOIS,
    object: {
      label: 'sympathomimetics and stimulants',
      ingredients: [
        'amphetamine', 'dextroamphetamine', 'lisdexamfetamine', 'methamphetamine', 'methylphenidate', 'dexmethylphenidate', 'atomoxetine',
        'benzphetamine', 'diethylpropion', 'phendimetrazine', 'phentermine', 'pseudoephedrine', 'phenylephrine',
      ],
    },
    severity: 'critical',
    effect: 'hypertensive crisis',
    mechanism: 'the MAO inhibitor blocks the breakdown of the noradrenaline these drugs release',
    management: 'Contraindicated together. Allow 14 days after stopping the MAO inhibitor; choose a non-sympathomimetic alternative.',
    source: PHENELZINE_LABEL,
  },
  {
    id: 'mech:contraindicated:triptan-ergot',
    group: 'contraindicated',
    precipitant: { label: 'ergot alkaloids', ingredients: ['ergotamine', 'dihydroergotamine', 'methylergonovine'] },
    object: { label: 'triptans', classes: ['triptan'] },
    severity: 'critical',
    effect: 'prolonged vasospasm',
    mechanism: 'both constrict arteries through serotonin 5-HT1B receptors; the effects add up',
    management: 'Contraindicated within 24 hours of each other; use one migraine abortive at a time.',
    source: SUMATRIPTAN_LABEL,
  },
];
