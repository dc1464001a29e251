import type { DrugClass } from './drug-class';
import type { ClassMembershipRow } from './drug-classes';
import { fdaInteractionTable, fdaLabel } from './drug-sources';

// Inhibitors and inducers of CYP enzymes and P-glycoprotein, as FDA's table of examples ranks them
// (Table 1 of "Drugs that interact with CYP enzymes and transporter systems"), or as the object
// drug's label names them where the table does not rank a drug. The table lists examples, not
// every drug: members are what it names. Names with no RxNorm code in the data are left out
// (apalutamide, conivaptan, ivosidenib, lopinavir, lumacaftor, rolapitant,
// telaprevir, tofisopam): see the generator's report.

/**
 * Classes rows may name that have no members on purpose. FDA's table lists no strong CYP2C9
 * inhibitor (fluconazole and amiodarone are moderate), so rows should name the moderate class.
 */
export const CLASSES_WITHOUT_MEMBERS: readonly DrugClass[] = ['strong-cyp2c9-inhibitor'];

export const CYP_TRANSPORTER_CLASS_ROWS: readonly ClassMembershipRow[] = [
  {
    drugClass: 'moderate-cyp3a4-inhibitor',
    ingredients: ['aprepitant', 'ciprofloxacin', 'crizotinib', 'cyclosporine', 'diltiazem', 'dronedarone', 'erythromycin', 'fluconazole', 'fluvoxamine', 'imatinib', 'verapamil'],
    source: fdaInteractionTable('moderate CYP3A inhibitors'),
  },
  {
    drugClass: 'strong-cyp3a4-inducer',
    ingredients: ['carbamazepine', 'enzalutamide', 'mitotane', 'phenytoin', 'rifampin', "st. john's wort extract"],
    source: fdaInteractionTable('strong CYP3A inducers'),
  },
  // Ticagrelor's label: avoid strong CYP3A inducers "(e.g., rifampin, phenytoin, carbamazepine and phenobarbital)".
  { drugClass: 'strong-cyp3a4-inducer', ingredients: ['phenobarbital'], source: fdaLabel('Ticagrelor (Brilinta)', 'ticagrelor') },
  {
    drugClass: 'moderate-cyp2c9-inhibitor',
    ingredients: ['amiodarone', 'felbamate', 'fluconazole', 'miconazole'],
    source: fdaInteractionTable('moderate CYP2C9 inhibitors'),
  },
  { drugClass: 'cyp2c9-inducer', ingredients: ['carbamazepine', 'enzalutamide', 'rifampin'], source: fdaInteractionTable('CYP2C9 inducers') },
  { drugClass: 'strong-cyp2c19-inhibitor', ingredients: ['fluconazole', 'fluoxetine', 'fluvoxamine', 'ticlopidine'], source: fdaInteractionTable('strong CYP2C19 inhibitors') },
  // The clopidogrel label names the CYP2C19 inhibitors to avoid below the strong ones: omeprazole, esomeprazole.
  { drugClass: 'moderate-cyp2c19-inhibitor', ingredients: ['omeprazole', 'esomeprazole'], source: fdaLabel('Clopidogrel (Plavix)', 'clopidogrel') },
  {
    drugClass: 'strong-cyp2d6-inhibitor',
    ingredients: ['bupropion', 'fluoxetine', 'paroxetine', 'quinidine', 'terbinafine'],
    source: fdaInteractionTable('strong CYP2D6 inhibitors'),
  },
  {
    drugClass: 'moderate-cyp2d6-inhibitor',
    ingredients: ['abiraterone', 'cinacalcet', 'duloxetine', 'lorcaserin', 'mirabegron'],
    source: fdaInteractionTable('moderate CYP2D6 inhibitors'),
  },
  { drugClass: 'strong-cyp1a2-inhibitor', ingredients: ['ciprofloxacin', 'enoxacin', 'fluvoxamine'], source: fdaInteractionTable('strong CYP1A2 inhibitors') },
  // The table's "oral contraceptives" is not one ingredient and is left out.
  { drugClass: 'moderate-cyp1a2-inhibitor', ingredients: ['methoxsalen', 'mexiletine', 'vemurafenib'], source: fdaInteractionTable('moderate CYP1A2 inhibitors') },
  {
    drugClass: 'p-gp-inhibitor',
    ingredients: ['amiodarone', 'carvedilol', 'clarithromycin', 'dronedarone', 'itraconazole', 'lapatinib', 'propafenone', 'quinidine', 'ranolazine', 'ritonavir', 'saquinavir', 'tipranavir', 'verapamil'],
    source: fdaInteractionTable('P-gp inhibitors'),
  },
  // Dabigatran's label names ketoconazole (with dronedarone) as the P-gp inhibitors that raise its exposure.
  { drugClass: 'p-gp-inhibitor', ingredients: ['ketoconazole'], source: fdaLabel('Dabigatran (Pradaxa)', 'dabigatran') },
  {
    drugClass: 'p-gp-inducer',
    ingredients: ['carbamazepine', 'phenytoin', 'rifampin', "st. john's wort extract", 'tipranavir'],
    source: fdaInteractionTable('P-gp inducers'),
  },
];
