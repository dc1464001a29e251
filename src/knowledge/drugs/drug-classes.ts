import type { KnowledgeSource } from '../knowledge-source';
import type { DrugClass } from './drug-class';
import { atc, BEERS_2023_ANTICHOLINERGIC, FDA_CYP_TABLE, ONC_HIGH_PRIORITY, PDDI_VALUE_SETS } from './drug-sources';
import { CYP_TRANSPORTER_CLASS_ROWS } from './cyp-transporter-classes';
import { PHARMACOLOGIC_CLASS_ROWS } from './pharmacologic-classes';

// Class membership by ingredient (lower-case RxNorm ingredient names, resolved to RxCUIs through
// the ingredient table; a test checks every name resolves). Classes describe systemic effects:
// identifyDrug gives none to products applied locally (topical, ophthalmic, inhaled…).

export interface ClassMembershipRow {
  drugClass: DrugClass;
  ingredients: readonly string[];
  source: KnowledgeSource;
}

export const CLASS_MEMBERSHIP: readonly ClassMembershipRow[] = [
  // PDDI-CDS NSAIDS value set (RxClass ATC M01A), one value set per ingredient.
  {
    drugClass: 'nsaid',
    ingredients: ['celecoxib', 'diclofenac', 'diflunisal', 'etodolac', 'fenoprofen', 'flurbiprofen', 'ibuprofen', 'indomethacin', 'ketoprofen', 'ketorolac', 'mefenamate', 'meloxicam', 'nabumetone', 'naproxen', 'oxaprozin', 'piroxicam', 'sulindac', 'tolmetin'],
    source: { ...PDDI_VALUE_SETS, label: 'HL7 PDDI-CDS NSAIDs value set' },
  },
  { drugClass: 'nsaid', ingredients: ['meclofenamate', 'salsalate'], source: atc('M01A', 'anti-inflammatory products, non-steroids') },
  {
    drugClass: 'anticoagulant',
    ingredients: ['warfarin', 'heparin', 'enoxaparin', 'dalteparin', 'fondaparinux', 'argatroban', 'bivalirudin', 'apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban'],
    source: atc('B01A', 'antithrombotic agents: B01AA, AB, AE, AF, AX'),
  },
  {
    drugClass: 'doac',
    ingredients: ['apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban'],
    source: atc('B01AE', 'direct thrombin inhibitors; B01AF direct factor Xa inhibitors'),
  },
  { drugClass: 'low-molecular-weight-heparin', ingredients: ['enoxaparin', 'dalteparin'], source: atc('B01AB', 'heparin group') },
  {
    drugClass: 'antiplatelet',
    ingredients: ['aspirin', 'clopidogrel', 'prasugrel', 'ticagrelor', 'ticlopidine', 'dipyridamole', 'cilostazol'],
    source: atc('B01AC', 'platelet aggregation inhibitors'),
  },
  {
    drugClass: 'penicillin',
    ingredients: ['penicillin g', 'penicillin v', 'amoxicillin', 'ampicillin', 'dicloxacillin', 'nafcillin', 'oxacillin', 'piperacillin', 'ticarcillin'],
    source: atc('J01C', 'beta-lactam antibacterials, penicillins'),
  },
  {
    drugClass: 'cephalosporin',
    ingredients: ['cephalexin', 'cefadroxil', 'cefazolin', 'cefuroxime', 'cefprozil', 'cefaclor', 'cefdinir', 'cefpodoxime', 'cefixime', 'ceftriaxone', 'cefotaxime', 'ceftazidime', 'cefepime', 'cefoxitin', 'cefditoren'],
    source: atc('J01DB-DE', 'cephalosporins'),
  },
  {
    drugClass: 'statin',
    ingredients: ['atorvastatin', 'simvastatin', 'lovastatin', 'pravastatin', 'rosuvastatin', 'fluvastatin', 'pitavastatin'],
    source: atc('C10AA', 'HMG CoA reductase inhibitors'),
  },
  {
    drugClass: 'ace-inhibitor',
    ingredients: ['lisinopril', 'enalapril', 'captopril', 'ramipril', 'benazepril', 'quinapril', 'fosinopril', 'perindopril', 'trandolapril', 'moexipril'],
    source: atc('C09A', 'ACE inhibitors, plain'),
  },
  {
    drugClass: 'arb',
    ingredients: ['losartan', 'valsartan', 'irbesartan', 'candesartan', 'olmesartan', 'telmisartan', 'azilsartan', 'eprosartan'],
    source: atc('C09C', 'angiotensin II receptor blockers, plain'),
  },
  {
    drugClass: 'potassium-sparing-diuretic',
    ingredients: ['spironolactone', 'eplerenone', 'amiloride', 'triamterene'],
    source: atc('C03D', 'aldosterone antagonists and other potassium-sparing agents'),
  },
  { drugClass: 'potassium-supplement', ingredients: ['potassium chloride', 'potassium citrate'], source: atc('A12BA', 'potassium') },
  {
    drugClass: 'ssri',
    ingredients: ['citalopram', 'escitalopram', 'fluoxetine', 'fluvoxamine', 'paroxetine', 'sertraline'],
    source: atc('N06AB', 'selective serotonin reuptake inhibitors'),
  },
  // The ONC list's MAO inhibitor group (procarbazine and selegiline inhibit MAO too); the ONC
  // interaction rows read their MAOIs from this row (onc-high-priority.ts).
  { drugClass: 'maoi', ingredients: ['isocarboxazid', 'phenelzine', 'procarbazine', 'selegiline', 'tranylcypromine'], source: ONC_HIGH_PRIORITY },
  { drugClass: 'maoi', ingredients: ['rasagiline'], source: atc('N04BD', 'monoamine oxidase B inhibitors') },
  {
    drugClass: 'opioid',
    ingredients: ['morphine', 'oxycodone', 'hydrocodone', 'hydromorphone', 'fentanyl', 'methadone', 'codeine', 'tramadol', 'tapentadol', 'meperidine', 'oxymorphone', 'buprenorphine'],
    source: atc('N02A', 'opioids'),
  },
  {
    drugClass: 'benzodiazepine',
    ingredients: ['alprazolam', 'lorazepam', 'diazepam', 'clonazepam', 'temazepam', 'midazolam', 'chlordiazepoxide', 'triazolam', 'oxazepam', 'clorazepate'],
    source: atc('N05BA', 'benzodiazepine derivatives; N05CD'),
  },
  // The ONC list's "QT prolonging agents" group, as the mapped list expands it (every pair of two
  // members is listed); the ONC QT row reads its members from here (onc-high-priority.ts).
  {
    drugClass: 'qt-prolonging',
    ingredients: [
      'amiodarone', 'anagrelide', 'astemizole', 'azithromycin', 'bepridil', 'chloroquine', 'chlorpromazine', 'cisapride', 'citalopram', 'clarithromycin', 'cocaine',
      'disopyramide', 'dofetilide', 'domperidone', 'dronedarone', 'droperidol', 'erythromycin', 'escitalopram', 'flecainide', 'halofantrine', 'haloperidol', 'mesoridazine',
      'methadone', 'moxifloxacin', 'ondansetron', 'pentamidine', 'pimozide', 'probucol', 'procainamide', 'quinidine', 'sotalol', 'sparfloxacin', 'terfenadine', 'thioridazine', 'vandetanib',
    ],
    source: ONC_HIGH_PRIORITY,
  },
  {
    drugClass: 'strong-cyp3a4-inhibitor',
    ingredients: ['clarithromycin', 'ketoconazole', 'itraconazole', 'voriconazole', 'posaconazole', 'ritonavir', 'indinavir', 'nelfinavir', 'saquinavir', 'telithromycin', 'nefazodone', 'cobicistat'],
    source: FDA_CYP_TABLE,
  },
  {
    drugClass: 'proton-pump-inhibitor',
    ingredients: ['omeprazole', 'esomeprazole', 'lansoprazole', 'dexlansoprazole', 'pantoprazole', 'rabeprazole'],
    source: { ...PDDI_VALUE_SETS, label: 'HL7 PDDI-CDS PPIs value set' },
  },
  {
    drugClass: 'corticosteroid',
    ingredients: ['betamethasone', 'cortisone', 'dexamethasone', 'fludrocortisone', 'hydrocortisone', 'methylprednisolone', 'prednisolone', 'prednisone', 'triamcinolone'],
    source: { ...PDDI_VALUE_SETS, label: 'HL7 PDDI-CDS systemic corticosteroids value set' },
  },
  {
    drugClass: 'loop-diuretic',
    ingredients: ['furosemide', 'bumetanide', 'torsemide', 'ethacrynate'],
    source: { ...PDDI_VALUE_SETS, label: 'HL7 PDDI-CDS loop diuretics value set' },
  },
  { drugClass: 'sulfonylurea', ingredients: ['glipizide', 'glyburide', 'glimepiride', 'tolbutamide', 'chlorpropamide'], source: atc('A10BB', 'sulfonylureas') },
  { drugClass: 'biguanide', ingredients: ['metformin'], source: atc('A10BA', 'biguanides') },
  { drugClass: 'gabapentinoid', ingredients: ['gabapentin', 'pregabalin'], source: atc('N02BF', 'gabapentinoids') },
  {
    drugClass: 'anticholinergic',
    ingredients: ['diphenhydramine', 'hydroxyzine', 'chlorpheniramine', 'promethazine', 'doxylamine', 'oxybutynin', 'tolterodine', 'amitriptyline', 'imipramine', 'doxepin', 'nortriptyline', 'paroxetine', 'benztropine', 'meclizine', 'cyclobenzaprine'],
    source: BEERS_2023_ANTICHOLINERGIC,
  },
  ...PHARMACOLOGIC_CLASS_ROWS,
  ...CYP_TRANSPORTER_CLASS_ROWS,
];
