import type { MechanismRow } from './mechanism-row';
import { CBC_ORDER, drugs } from './pharmacokinetic-sets';
import {
  AZATHIOPRINE_LABEL,
  DABIGATRAN_LABEL,
  DIGOXIN_LABEL,
  DOFETILIDE_LABEL,
  FEBUXOSTAT_LABEL,
  LITHIUM_LABEL,
  METHOTREXATE_LABEL,
} from './pharmacokinetic-sources';

// Interactions through transporters and elimination other than the CYPs: P-glycoprotein (digoxin,
// dabigatran), reduced renal clearance (lithium, methotrexate, dofetilide) and xanthine oxidase
// (the thiopurines). Digoxin with cyclosporine is left to the HL7 PDDI-CDS logic
// (pddi-digoxin-cyclosporine.ts), which reads the digoxin level and electrolytes.

const THIOPURINES = drugs('azathioprine or mercaptopurine', 'azathioprine', 'mercaptopurine');
// RxNorm files lithium carbonate products under the precise ingredient "lithium carbonate".
const LITHIUM = drugs('lithium', 'lithium', 'lithium carbonate');
const THIAZIDES = ['hydrochlorothiazide', 'chlorthalidone', 'chlorothiazide', 'indapamide', 'metolazone', 'bendroflumethiazide'];

export const TRANSPORT_RENAL_XANTHINE_OXIDASE_ROWS: readonly MechanismRow[] = [
  // P-glycoprotein.
  {
    id: 'mech:p-gp:digoxin-inhibitor',
    group: 'p-gp',
    // The digoxin label's "measure the level, reduce the dose by 30–50%" drugs (cyclosporine: PDDI-CDS).
    precipitant: drugs(
      'P-gp inhibitors',
      'amiodarone', 'dronedarone', 'propafenone', 'quinidine', 'verapamil', 'clarithromycin', 'erythromycin', 'itraconazole', 'ritonavir', 'ranolazine',
    ),
    object: drugs('digoxin', 'digoxin'),
    severity: 'warning',
    effect: 'digoxin levels rise: bradycardia, arrhythmia, nausea',
    mechanism: 'these drugs inhibit P-glycoprotein, the pump that clears digoxin through the kidney and gut',
    management: 'Check a digoxin level; cut the dose 30–50%. Halve it with dronedarone; recheck the level after a week or two and watch the heart rate.',
    monitoring: { label: 'Order a digoxin level', loinc: '10535-3', display: 'Digoxin [Mass/volume] in Serum or Plasma' },
    source: DIGOXIN_LABEL,
  },
  {
    id: 'mech:p-gp:dabigatran-dronedarone-ketoconazole',
    group: 'p-gp',
    precipitant: drugs('dronedarone or systemic ketoconazole', 'dronedarone', 'ketoconazole'),
    object: drugs('dabigatran', 'dabigatran'),
    severity: 'warning',
    effect: 'dabigatran levels more than double: bleeding',
    mechanism: 'dronedarone and ketoconazole strongly inhibit P-glycoprotein, the pump that limits dabigatran absorption',
    management: 'Avoid the combination. If it is needed with CrCl 30–50 mL/min, the label reduces dabigatran to 75 mg twice daily; avoid it below 30 mL/min.',
    source: DABIGATRAN_LABEL,
  },
  {
    id: 'mech:p-gp:dabigatran-other-inhibitor',
    group: 'p-gp',
    precipitant: drugs('P-gp inhibitors', 'verapamil', 'amiodarone', 'quinidine', 'clarithromycin', 'ticagrelor'),
    object: drugs('dabigatran', 'dabigatran'),
    severity: 'info',
    raisedBy: [{ when: 'egfr-below-30', severity: 'warning' }],
    effect: 'dabigatran levels rise: bleeding',
    mechanism: 'these drugs inhibit P-glycoprotein, the pump that limits dabigatran absorption',
    management: 'Avoid if CrCl is below 30 mL/min. No dose change is needed with normal kidney function.',
    source: DABIGATRAN_LABEL,
  },
  {
    id: 'mech:p-gp:dabigatran-rifampin',
    group: 'p-gp',
    precipitant: drugs('P-gp inducers', 'rifampin'),
    object: drugs('dabigatran', 'dabigatran'),
    severity: 'warning',
    effect: 'dabigatran levels fall about two thirds: clot risk',
    mechanism: 'rifampin induces P-glycoprotein, which limits dabigatran absorption',
    management: 'Avoid the combination. Choose another anticoagulant with the treating team for the rifampin course.',
    source: DABIGATRAN_LABEL,
  },
  // Reduced renal clearance.
  {
    id: 'mech:renal-clearance:lithium',
    group: 'renal-clearance',
    precipitant: { label: 'NSAIDs, ACE inhibitors, ARBs or thiazide diuretics', classes: ['nsaid', 'ace-inhibitor', 'arb'], ingredients: THIAZIDES },
    object: LITHIUM,
    severity: 'warning',
    effect: 'lithium levels rise: tremor, confusion, toxicity',
    mechanism: 'these drugs lower renal lithium clearance (the kidney reabsorbs lithium along with sodium)',
    management: 'Check a lithium level in 5–7 days. Lower the lithium dose if needed; for pain prefer acetaminophen to an NSAID.',
    monitoring: { label: 'Order a lithium level', loinc: '14334-7', display: 'Lithium [Moles/volume] in Serum or Plasma' },
    source: LITHIUM_LABEL,
  },
  {
    id: 'mech:renal-clearance:methotrexate-trimethoprim',
    group: 'renal-clearance',
    precipitant: drugs('trimethoprim or sulfamethoxazole', 'trimethoprim', 'sulfamethoxazole'),
    object: drugs('methotrexate', 'methotrexate'),
    severity: 'warning',
    raisedBy: [{ when: 'egfr-below-60', severity: 'critical' }],
    effect: 'marrow toxicity: pancytopenia, fatal in reported cases',
    mechanism: 'trimethoprim adds antifolate effect and, with sulfamethoxazole, slows the renal secretion of methotrexate',
    management: 'Avoid; choose another antibiotic. If it cannot be avoided, check a CBC within a week and watch for mouth ulcers, fever and bleeding.',
    monitoring: CBC_ORDER,
    source: METHOTREXATE_LABEL,
  },
  {
    id: 'mech:renal-clearance:methotrexate-nsaid',
    group: 'renal-clearance',
    precipitant: { label: 'NSAIDs', classes: ['nsaid'] },
    object: drugs('methotrexate', 'methotrexate'),
    severity: 'info',
    raisedBy: [{ when: 'egfr-below-60', severity: 'warning' }],
    effect: 'methotrexate levels rise: marrow and gut toxicity',
    mechanism: 'NSAIDs reduce the renal clearance of methotrexate',
    management: 'Monitor the CBC and creatinine. At low weekly doses with normal kidney function the pair is usually tolerated; avoid NSAIDs with high-dose methotrexate or kidney impairment.',
    source: METHOTREXATE_LABEL,
  },
  {
    id: 'mech:renal-clearance:dofetilide',
    group: 'renal-clearance',
    precipitant: drugs(
      'drugs the dofetilide label contraindicates',
      'cimetidine', 'trimethoprim', 'ketoconazole', 'prochlorperazine', 'megestrol', 'dolutegravir', 'verapamil', 'hydrochlorothiazide',
    ),
    object: drugs('dofetilide', 'dofetilide'),
    severity: 'critical',
    effect: 'dofetilide levels rise: QT prolongation, torsades',
    mechanism: 'these drugs block the renal cation secretion of dofetilide, or (verapamil, hydrochlorothiazide) raise its levels and QT effect otherwise',
    management: 'Contraindicated; change one of the two drugs. Another antiarrhythmic, or an alternative to the interacting drug.',
    source: DOFETILIDE_LABEL,
  },
  // Xanthine oxidase.
  {
    id: 'mech:xanthine-oxidase:thiopurine-febuxostat',
    group: 'xanthine-oxidase',
    precipitant: drugs('febuxostat', 'febuxostat'),
    object: THIOPURINES,
    severity: 'critical',
    effect: 'thiopurine levels rise: severe marrow suppression',
    mechanism: 'febuxostat blocks xanthine oxidase, which inactivates mercaptopurine (the active form of azathioprine)',
    management: 'Contraindicated; stop febuxostat. Plan urate lowering with the thiopurine prescriber.',
    source: FEBUXOSTAT_LABEL,
  },
  {
    id: 'mech:xanthine-oxidase:thiopurine-allopurinol',
    group: 'xanthine-oxidase',
    precipitant: drugs('allopurinol', 'allopurinol'),
    object: THIOPURINES,
    severity: 'warning',
    effect: 'thiopurine levels rise: severe marrow suppression',
    mechanism: 'allopurinol blocks xanthine oxidase, which inactivates mercaptopurine (the active form of azathioprine)',
    management: 'Cut the thiopurine dose to 1/3–1/4. Give azathioprine or mercaptopurine at one third to one quarter of the usual dose and check the CBC weekly at first.',
    monitoring: CBC_ORDER,
    source: AZATHIOPRINE_LABEL,
  },
];
