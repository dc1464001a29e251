import type { KnowledgeSource } from '../knowledge-source';

// The sources the lab tables cite, one constant each so every row names its own and a card's
// `source.label` reads the same everywhere.

/** Mean adult critical limits reported by US medical centres (the classic critical-value survey). */
export const KOST_1990: KnowledgeSource = {
  label: 'Critical limits, US medical centers (Kost, JAMA 1990)',
  url: 'https://pubmed.ncbi.nlm.nih.gov/2296126/',
};

/** Hyperkalaemia and hypokalaemia grades: mild 5.5–5.9, moderate 6.0–6.4, severe ≥ 6.5; severe hypokalaemia < 2.5 mmol/L. */
export const ERC_2021_POTASSIUM: KnowledgeSource = {
  label: 'ERC Guidelines 2021: potassium disorders (Lott, Resuscitation 2021)',
  url: 'https://doi.org/10.1016/j.resuscitation.2021.02.011',
};

/** Hyponatraemia grades: mild 130–135, moderate 125–129, profound < 125 mmol/L. */
export const HYPONATRAEMIA_2014: KnowledgeSource = {
  label: 'ESE/ESICM/ERBP hyponatraemia guideline 2014 (Spasovski)',
  url: 'https://doi.org/10.1530/EJE-13-1020',
};

/** ADA Standards of Care 2024: §6 glycaemic goals and hypoglycaemia levels, §9 when to start insulin. */
export const ADA_2024: KnowledgeSource = {
  label: 'ADA Standards of Care in Diabetes 2024',
  url: 'https://diabetesjournals.org/care/issue/47/Supplement_1',
};

/** AABB 2023 red cell transfusion guideline: restrictive threshold 7 g/dL for hospitalised adults. */
export const AABB_2023: KnowledgeSource = {
  label: 'AABB red blood cell transfusion guideline 2023 (Carson, JAMA 2023)',
  url: 'https://doi.org/10.1001/jama.2023.12914',
};

/** Warfarin (Coumadin) US label, §2.1: INR above 4.0 adds no benefit and raises bleeding risk. */
export const WARFARIN_LABEL: KnowledgeSource = {
  label: 'Warfarin (Coumadin) US prescribing information',
  url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=warfarin+sodium',
};

/** ARUP Laboratories critical values list: INR ≥ 5.0 is called to the clinician. */
export const ARUP_CRITICAL_VALUES: KnowledgeSource = {
  label: 'ARUP Laboratories critical values list (INR)',
  url: 'https://www.aruplab.com/',
};

/** KDIGO 2012 AKI guideline, §2.1.1: creatinine up ≥ 0.3 mg/dL in 48 h or ≥ 1.5× baseline within 7 days. */
export const KDIGO_2012_AKI: KnowledgeSource = {
  label: 'KDIGO 2012 Acute Kidney Injury guideline',
  url: 'https://kdigo.org/guidelines/acute-kidney-injury/',
};

/** Unit conversion factors (molar masses) and the IFCC–NGSP HbA1c master equation. */
export const UNIT_CONVERSIONS: KnowledgeSource = {
  label: 'SI unit conversion (molar masses); IFCC–NGSP HbA1c master equation (Hoelzel, Clin Chem 2004)',
  url: 'https://ngsp.org/ifccngsp.asp',
};

/** KDIGO 2020 Controversies Conference on potassium (Clase, Kidney Int 2020): CKD, RAAS inhibitors, MRAs, supplements and trimethoprim raise potassium. */
export const KDIGO_2020_POTASSIUM: KnowledgeSource = {
  label: 'KDIGO 2020 Controversies Conference: potassium in kidney disease (Clase, Kidney Int 2020)',
  url: 'https://doi.org/10.1016/j.kint.2019.09.018',
};
