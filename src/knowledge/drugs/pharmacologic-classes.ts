import type { ClassMembershipRow } from './drug-classes';
import { atc, fdaPharmacologicClass, igValueSet, vsacValueSet } from './drug-sources';

// Pharmacological classes the interaction, allergy and pregnancy rows name, by ingredient (lower-case
// RxNorm ingredient names; a test checks each resolves). Where a public value set defines the
// class, its members are the value set's ingredients; otherwise the WHO ATC group or the FDA
// Established Pharmacologic Class the labels carry.

export const PHARMACOLOGIC_CLASS_ROWS: readonly ClassMembershipRow[] = [
  {
    drugClass: 'snri',
    ingredients: ['venlafaxine', 'desvenlafaxine', 'duloxetine', 'levomilnacipran', 'milnacipran'],
    source: fdaPharmacologicClass('Serotonin and Norepinephrine Reuptake Inhibitor'),
  },
  {
    drugClass: 'tricyclic-antidepressant',
    ingredients: ['amitriptyline', 'amoxapine', 'clomipramine', 'desipramine', 'doxepin', 'imipramine', 'maprotiline', 'nortriptyline', 'protriptyline', 'trimipramine'],
    source: atc('N06AA', 'non-selective monoamine reuptake inhibitors'),
  },
  {
    drugClass: 'triptan',
    ingredients: ['almotriptan', 'eletriptan', 'frovatriptan', 'naratriptan', 'rizatriptan', 'sumatriptan', 'zolmitriptan'],
    source: atc('N02CC', 'selective serotonin (5HT1) agonists'),
  },
  {
    drugClass: 'z-drug',
    ingredients: ['eszopiclone', 'zaleplon', 'zolpidem'],
    source: vsacValueSet('Potentially Harmful Nonbenzodiazepine Hypnotics for Older Adults', '2.16.840.1.113883.3.464.1003.196.11.1481'),
  },
  {
    drugClass: 'barbiturate',
    ingredients: ['amobarbital', 'butabarbital', 'butalbital', 'mephobarbital', 'pentobarbital', 'phenobarbital', 'primidone', 'secobarbital', 'thiopental'],
    source: igValueSet('Barbiturate Medications (CDC Opioid Prescribing Support IG)', 'http://fhir.org/guides/cdc/opioid-cds/ValueSet/barbiturate-medications'),
  },
  {
    drugClass: 'antipsychotic',
    ingredients: [
      'aripiprazole', 'asenapine', 'chlorpromazine', 'clozapine', 'fluphenazine', 'haloperidol', 'iloperidone', 'loxapine', 'lurasidone', 'molindone', 'olanzapine',
      'paliperidone', 'perphenazine', 'pimozide', 'quetiapine', 'risperidone', 'thioridazine', 'thiothixene', 'trifluoperazine', 'ziprasidone',
    ],
    source: vsacValueSet('Potentially Harmful Antipsychotics for Older Adults', '2.16.840.1.113883.3.464.1003.196.11.1532'),
  },
  {
    drugClass: 'skeletal-muscle-relaxant',
    ingredients: ['carisoprodol', 'chlorzoxazone', 'cyclobenzaprine', 'metaxalone', 'methocarbamol', 'orphenadrine'],
    source: vsacValueSet('Potentially Harmful Skeletal Muscle Relaxants for Older Adults', '2.16.840.1.113883.3.464.1003.1256'),
  },
  { drugClass: 'skeletal-muscle-relaxant', ingredients: ['baclofen', 'tizanidine'], source: atc('M03BX', 'other centrally acting agents: baclofen, tizanidine') },
  // RxNorm files isosorbide mononitrate products under the ingredient "isosorbide" (6057).
  { drugClass: 'nitrate', ingredients: ['nitroglycerin', 'isosorbide dinitrate', 'isosorbide'], source: atc('C01DA', 'organic nitrates') },
  {
    drugClass: 'pde5-inhibitor',
    ingredients: ['sildenafil', 'tadalafil', 'vardenafil', 'avanafil'],
    source: atc('G04BE', 'drugs used in erectile dysfunction: sildenafil, tadalafil, vardenafil, avanafil'),
  },
  { drugClass: 'arni', ingredients: ['sacubitril'], source: atc('C09DX04', 'valsartan and sacubitril') },
  { drugClass: 'aldosterone-antagonist', ingredients: ['spironolactone', 'eplerenone'], source: atc('C03DA', 'aldosterone antagonists') },
  {
    drugClass: 'thiazide-diuretic',
    ingredients: ['bendroflumethiazide', 'chlorothiazide', 'hydrochlorothiazide', 'methyclothiazide'],
    source: atc('C03AA', 'thiazides, plain'),
  },
  { drugClass: 'thiazide-diuretic', ingredients: ['chlorthalidone', 'indapamide', 'metolazone'], source: atc('C03BA', 'sulfonamides, plain (thiazide-like)') },
  {
    drugClass: 'fluoroquinolone',
    ingredients: ['ciprofloxacin', 'gemifloxacin', 'levofloxacin', 'moxifloxacin', 'norfloxacin', 'ofloxacin'],
    source: atc('J01MA', 'fluoroquinolones'),
  },
  { drugClass: 'macrolide', ingredients: ['azithromycin', 'clarithromycin', 'erythromycin', 'telithromycin'], source: atc('J01FA', 'macrolides') },
  { drugClass: 'azole-antifungal', ingredients: ['fluconazole', 'itraconazole', 'posaconazole', 'voriconazole'], source: atc('J02AC', 'triazole derivatives') },
  { drugClass: 'azole-antifungal', ingredients: ['ketoconazole'], source: atc('J02AB', 'imidazole derivatives') },
  {
    drugClass: 'insulin',
    ingredients: [
      'insulin degludec', 'insulin detemir', 'insulin glargine', 'insulin glargine-yfgn', 'insulin glulisine, human', 'insulin isophane', 'insulin isophane, human',
      'insulin lispro', 'insulin lispro-aabc', 'insulin lispro protamine, human', 'insulin, regular, human',
    ],
    source: vsacValueSet('Diabetes Medications', '2.16.840.1.113762.1.4.1190.58'),
  },
  { drugClass: 'carbapenem', ingredients: ['ertapenem', 'meropenem'], source: atc('J01DH', 'carbapenems') },
  { drugClass: 'xanthine-oxidase-inhibitor', ingredients: ['allopurinol', 'febuxostat'], source: atc('M04AA', 'preparations inhibiting uric acid production') },
  { drugClass: 'thiopurine', ingredients: ['azathioprine'], source: atc('L04AX01', 'azathioprine') },
  { drugClass: 'thiopurine', ingredients: ['mercaptopurine', 'thioguanine'], source: atc('L01BB', 'purine analogues: mercaptopurine, tioguanine') },
  { drugClass: 'non-dihydropyridine-ccb', ingredients: ['verapamil', 'diltiazem'], source: atc('C08D', 'selective calcium channel blockers with direct cardiac effects') },
  {
    drugClass: 'beta-blocker',
    ingredients: [
      'acebutolol', 'atenolol', 'betaxolol', 'bisoprolol', 'carteolol', 'carvedilol', 'esmolol', 'labetalol', 'levobunolol', 'metipranolol', 'metoprolol', 'nadolol',
      'nebivolol', 'pindolol', 'propranolol', 'sotalol', 'timolol',
    ],
    source: vsacValueSet('Beta Blocker Therapy Ingredient', '2.16.840.1.113883.3.526.3.1493'),
  },
];
