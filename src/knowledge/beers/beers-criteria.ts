import type { KnowledgeSource } from '../knowledge-source';
import type { DrugClassName, DrugSelector } from '../../rules/clinical-state/drug-selector';

/**
 * A focused subset of the 2023 AGS Beers Criteria® (Table 2: potentially inappropriate medications
 * for older adults), for patients aged 65 or more. Recommendation and rationale are the panel's,
 * shortened; quality of evidence and strength of recommendation as graded there (quality is left
 * out where the 2023 grading was split and we could not quote it exactly). Renal rows (Table 6)
 * live in the renal dosing table. Local products (creams, eye drops, inhalers) are not in scope.
 *
 * Source: 2023 American Geriatrics Society Beers Criteria® Update Expert Panel. J Am Geriatr Soc
 * 2023;71(7):2052–2081. https://doi.org/10.1111/jgs.18372
 */
export const BEERS_2023: KnowledgeSource = { label: 'AGS Beers Criteria® 2023', url: 'https://doi.org/10.1111/jgs.18372' };

/** The Beers 2023 age threshold. */
export const BEERS_MINIMUM_AGE = 65;

export type BeersCondition =
  /** Applies as written. */
  | { kind: 'always' }
  /** Only without a gastroprotective drug (PPI or misoprostol) active or ordered alongside. */
  | { kind: 'without-gastroprotection'; classes: readonly DrugClassName[]; ingredients: readonly string[] }
  /** Only an active order started more than `days` ago, unless an exempting drug or condition is present. */
  | { kind: 'longer-than'; days: number; exemptClasses: readonly DrugClassName[]; exemptSnomed: readonly string[] };

export interface BeersRow {
  id: string;
  /** How the card names the group: "First-generation antihistamine". */
  group: string;
  selector: DrugSelector;
  /** For the summary: "avoid (strongly anticholinergic)". */
  brief: string;
  /** The panel's recommendation: "Avoid". */
  recommendation: string;
  rationale: string;
  quality?: 'High' | 'Moderate' | 'Low';
  strength: 'Strong' | 'Weak';
  condition: BeersCondition;
  source: KnowledgeSource;
}

const ALWAYS = { kind: 'always' } as const;

export const BEERS_CRITERIA: readonly BeersRow[] = [
  {
    id: 'beers/first-generation-antihistamine',
    group: 'First-generation antihistamine',
    brief: 'avoid (strongly anticholinergic)',
    selector: { ingredients: ['brompheniramine', 'carbinoxamine', 'chlorpheniramine', 'clemastine', 'cyproheptadine', 'dexchlorpheniramine', 'dimenhydrinate', 'diphenhydramine', 'doxylamine', 'hydroxyzine', 'meclizine', 'promethazine', 'pyrilamine', 'triprolidine'] },
    recommendation: 'Avoid',
    rationale: 'Highly anticholinergic; clearance falls with age and tolerance develops when used as a hypnotic: confusion, dry mouth, constipation and other anticholinergic effects. Diphenhydramine for acute treatment of a severe allergic reaction may be appropriate.',
    quality: 'Moderate',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/antispasmodic',
    group: 'Antispasmodic',
    brief: 'avoid (strongly anticholinergic)',
    selector: { ingredients: ['atropine', 'belladonna alkaloids', 'clidinium', 'dicyclomine', 'hyoscyamine', 'methscopolamine', 'propantheline', 'scopolamine'] },
    recommendation: 'Avoid',
    rationale: 'Highly anticholinergic; effectiveness uncertain.',
    quality: 'Moderate',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/anticholinergic-antidepressant',
    group: 'Strongly anticholinergic antidepressant',
    brief: 'avoid (strongly anticholinergic)',
    // Doxepin is left out: only doses above 6 mg/day are listed, and the rules do not read doses.
    selector: { ingredients: ['amitriptyline', 'amoxapine', 'clomipramine', 'desipramine', 'imipramine', 'nortriptyline', 'paroxetine', 'protriptyline', 'trimipramine'] },
    recommendation: 'Avoid',
    rationale: 'Highly anticholinergic, sedating, and cause orthostatic hypotension.',
    quality: 'High',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/benzodiazepine',
    group: 'Benzodiazepine',
    brief: 'avoid (falls, fractures, delirium)',
    selector: { classes: ['benzodiazepine'] },
    recommendation: 'Avoid',
    rationale: 'Older adults are more sensitive to benzodiazepines and metabolise long-acting ones slowly: more cognitive impairment, delirium, falls, fractures and motor vehicle crashes. May be appropriate for seizures, REM sleep behaviour disorder, benzodiazepine or ethanol withdrawal, severe generalised anxiety and periprocedural anaesthesia.',
    quality: 'Moderate',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/z-drug',
    group: 'Z-drug hypnotic',
    brief: 'avoid (falls, fractures, delirium)',
    selector: { ingredients: ['eszopiclone', 'zaleplon', 'zolpidem'] },
    recommendation: 'Avoid',
    rationale: 'Adverse events like those of benzodiazepines (delirium, falls, fractures), more emergency visits and hospitalisations, motor vehicle crashes; minimal improvement in sleep latency and duration.',
    quality: 'Moderate',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/long-acting-sulfonylurea',
    group: 'Long-acting sulfonylurea',
    brief: 'avoid; prefer glipizide if a sulfonylurea is needed',
    selector: { ingredients: ['glyburide', 'glimepiride', 'chlorpropamide'] },
    recommendation: 'Avoid as first- or second-line therapy unless metformin, GLP-1 RAs or SGLT2 inhibitors cannot be used; if a sulfonylurea is needed, prefer short-acting glipizide',
    rationale: 'Higher risk of cardiovascular events, all-cause mortality and hypoglycaemia than alternative agents; long-acting sulfonylureas carry a higher risk of prolonged hypoglycaemia than glipizide.',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/skeletal-muscle-relaxant',
    group: 'Skeletal muscle relaxant',
    brief: 'avoid (sedation, anticholinergic effects)',
    selector: { ingredients: ['carisoprodol', 'chlorzoxazone', 'cyclobenzaprine', 'metaxalone', 'methocarbamol', 'orphenadrine'] },
    recommendation: 'Avoid',
    rationale: 'Poorly tolerated: anticholinergic effects, sedation, more fractures; effectiveness at tolerated doses is questionable.',
    quality: 'Moderate',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/indomethacin-ketorolac',
    group: 'Indomethacin or ketorolac',
    brief: 'avoid (GI bleeding, kidney injury)',
    selector: { ingredients: ['indomethacin', 'ketorolac'] },
    recommendation: 'Avoid',
    rationale: 'Indomethacin has the most adverse effects of the NSAIDs, including CNS effects; ketorolac raises the risk of GI bleeding, peptic ulcer and acute kidney injury.',
    quality: 'Moderate',
    strength: 'Strong',
    condition: ALWAYS,
    source: BEERS_2023,
  },
  {
    id: 'beers/nsaid-without-gastroprotection',
    group: 'Non-selective NSAID',
    brief: 'avoid chronic use without a PPI',
    // Celecoxib is COX-2 selective; indomethacin and ketorolac have their own row.
    selector: { classes: ['nsaid'], exceptIngredients: ['celecoxib', 'indomethacin', 'ketorolac'] },
    recommendation: 'Avoid chronic use unless alternatives are not effective and the patient can take a gastroprotective agent (PPI or misoprostol)',
    rationale: 'GI bleeding and peptic ulcer in high-risk groups (over 75, or with corticosteroids, anticoagulants or antiplatelets); about 1% of patients treated 3–6 months and 2–4% treated a year have ulcers, bleeding or perforation. Also raises blood pressure and can injure the kidneys.',
    quality: 'Moderate',
    strength: 'Strong',
    condition: { kind: 'without-gastroprotection', classes: ['proton-pump-inhibitor'], ingredients: ['misoprostol'] },
    source: BEERS_2023,
  },
  {
    id: 'beers/ppi-over-8-weeks',
    group: 'Proton-pump inhibitor',
    brief: 'avoid beyond 8 weeks without a clear indication',
    selector: { classes: ['proton-pump-inhibitor'] },
    recommendation: 'Avoid scheduled use beyond 8 weeks unless high risk (oral corticosteroids, chronic NSAID use), erosive or Barrett oesophagitis, a hypersecretory condition, or a demonstrated need for maintenance',
    rationale: 'Risk of C. difficile infection, pneumonia, GI malignancy, bone loss and fractures.',
    quality: 'High',
    strength: 'Strong',
    // 302914006 Barrett's esophagus (SNOMED CT).
    condition: { kind: 'longer-than', days: 56, exemptClasses: ['nsaid', 'corticosteroid'], exemptSnomed: ['302914006'] },
    source: BEERS_2023,
  },
];
