import type { KnowledgeSource } from '../knowledge-source';

// The sources the renal tables cite. US labels link to their DailyMed search, which always lists
// the current label (the label's section is named in the row).

function dailyMed(drug: string, query: string): KnowledgeSource {
  return { label: `${drug} US prescribing information (FDA label)`, url: `https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=${query}` };
}

/** CKD-EPI 2021 creatinine equation without race (Inker et al., N Engl J Med 2021;385:1737–49). */
export const CKD_EPI_2021: KnowledgeSource = { label: 'CKD-EPI 2021 creatinine equation (Inker, NEJM 2021)', url: 'https://doi.org/10.1056/NEJMoa2102953' };

/** Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16:31–41. */
export const COCKCROFT_GAULT: KnowledgeSource = { label: 'Cockcroft–Gault creatinine clearance (Nephron 1976)', url: 'https://doi.org/10.1159/000180580' };

/** FDA Drug Safety Communication, 8 April 2016: metformin labelling by eGFR. */
export const FDA_METFORMIN_2016: KnowledgeSource = {
  label: 'FDA Drug Safety Communication: metformin and kidney function (2016)',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-revises-warnings-regarding-use-diabetes-medicine-metformin-certain',
};

/** KDIGO 2012 CKD guideline §4.4, Table 35: cautionary notes for prescribing in CKD (NSAIDs). */
export const KDIGO_2012_CKD: KnowledgeSource = { label: 'KDIGO 2012 CKD guideline (§4.4 prescribing in CKD)', url: 'https://kdigo.org/guidelines/ckd-evaluation-and-management/' };

/** AGS Beers Criteria 2023, Table 6: drugs to avoid or dose-reduce by kidney function (CrCl). */
export const BEERS_2023_KIDNEY: KnowledgeSource = { label: 'AGS Beers Criteria 2023, Table 6 (kidney function)', url: 'https://doi.org/10.1111/jgs.18372' };

/** 2022 AHA/ACC/HFSA heart failure guideline §7.3.4: MRAs only with eGFR > 30 and potassium < 5.0. */
export const AHA_HF_2022: KnowledgeSource = { label: '2022 AHA/ACC/HFSA heart failure guideline (MRAs)', url: 'https://doi.org/10.1161/CIR.0000000000001063' };

export const APIXABAN_LABEL = dailyMed('Apixaban (Eliquis)', 'apixaban');
export const RIVAROXABAN_LABEL = dailyMed('Rivaroxaban (Xarelto)', 'rivaroxaban');
export const DABIGATRAN_LABEL = dailyMed('Dabigatran (Pradaxa)', 'dabigatran');
export const EDOXABAN_LABEL = dailyMed('Edoxaban (Savaysa)', 'edoxaban');
export const ENOXAPARIN_LABEL = dailyMed('Enoxaparin (Lovenox)', 'enoxaparin');
export const GABAPENTIN_LABEL = dailyMed('Gabapentin (Neurontin)', 'gabapentin');
export const PREGABALIN_LABEL = dailyMed('Pregabalin (Lyrica)', 'pregabalin');
export const SPIRONOLACTONE_LABEL = dailyMed('Spironolactone (Aldactone)', 'spironolactone');
export const POTASSIUM_CHLORIDE_LABEL = dailyMed('Potassium chloride extended-release', 'potassium+chloride+extended-release');
