import { fdaLabelSection } from '../../drugs/drug-sources';
import type { KnowledgeSource } from '../../knowledge-source';

// The sources the pharmacokinetic interaction rows cite. US labels link to their DailyMed search,
// which always lists the current label; the label's section is named in the citation.

const label = fdaLabelSection;

/** FDA's table of CYP and transporter substrates, inhibitors and inducers (the strength of each precipitant). */
export const FDA_DDI_TABLE: KnowledgeSource = {
  label: "FDA Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers",
  url: 'https://www.fda.gov/drugs/drug-interactions-labeling/healthcare-professionals-fdas-examples-drugs-interact-cyp-enzymes-and-transporter-systems',
};

// CYP3A4 objects.
export const SIMVASTATIN_LABEL = label('Simvastatin (Zocor)', 'Contraindications; Drug Interactions (myopathy table)', 'simvastatin');
export const LOVASTATIN_LABEL = label('Lovastatin (Mevacor)', 'Contraindications; Dosage with interacting drugs', 'lovastatin');
export const COLCHICINE_LABEL = label('Colchicine (Colcrys)', 'Contraindications; Dosage with CYP3A4 and P-gp inhibitors', 'colchicine');
export const TACROLIMUS_LABEL = label('Tacrolimus (Prograf)', 'Drug Interactions (CYP3A inhibitors and inducers)', 'tacrolimus');
export const CYCLOSPORINE_LABEL = label('Cyclosporine (Neoral)', 'Drug Interactions (drugs that alter cyclosporine concentrations)', 'cyclosporine');
export const SIROLIMUS_LABEL = label('Sirolimus (Rapamune)', 'Drug Interactions (strong CYP3A4/P-gp inhibitors)', 'sirolimus');
export const VORICONAZOLE_LABEL = label('Voriconazole (Vfend)', 'Contraindications (sirolimus)', 'voriconazole');
export const APIXABAN_LABEL = label('Apixaban (Eliquis)', 'Drug Interactions (combined P-gp and strong CYP3A4 inhibitors and inducers)', 'apixaban');
export const TICAGRELOR_LABEL = label('Ticagrelor (Brilinta)', 'Drug Interactions (strong CYP3A inhibitors and inducers)', 'ticagrelor');
export const TRIAZOLAM_LABEL = label('Triazolam (Halcion)', 'Contraindications (strong CYP3A inhibitors)', 'triazolam');
export const ALPRAZOLAM_LABEL = label('Alprazolam (Xanax)', 'Contraindications (ketoconazole, itraconazole)', 'alprazolam');
export const OXYCODONE_LABEL = label('Oxycodone, fentanyl, hydrocodone', 'Boxed Warning (cytochrome P450 3A4 interaction)', 'oxycodone');
export const PIMOZIDE_LABEL = label('Pimozide (Orap)', 'Contraindications (CYP3A4 inhibitors)', 'pimozide');
export const DRONEDARONE_LABEL = label('Dronedarone (Multaq)', 'Contraindications; Drug Interactions (digoxin, dabigatran)', 'dronedarone');
export const RANOLAZINE_LABEL = label('Ranolazine (Ranexa)', 'Contraindications (strong CYP3A inhibitors)', 'ranolazine');
export const EPLERENONE_LABEL = label('Eplerenone (Inspra)', 'Contraindications (strong CYP3A inhibitors)', 'eplerenone');

// CYP2C9, CYP2C19, CYP2D6, CYP1A2 objects.
export const WARFARIN_LABEL = label('Warfarin (Coumadin)', 'Drug Interactions (CYP450 inhibitors and inducers; INR monitoring)', 'warfarin+sodium');
export const PHENYTOIN_LABEL = label('Phenytoin (Dilantin)', 'Drug Interactions (drugs that increase phenytoin concentrations)', 'phenytoin');
export const CLOPIDOGREL_LABEL = label('Clopidogrel (Plavix)', 'Warnings (CYP2C19 inhibitors); Drug Interactions', 'clopidogrel');
export const CITALOPRAM_LABEL = label('Citalopram (Celexa)', 'Dosage (CYP2C19 inhibitors: 20 mg/day maximum); QT prolongation', 'citalopram');
export const TRAMADOL_LABEL = label('Tramadol (Ultram) and codeine', 'Boxed Warning and Drug Interactions (CYP2D6 inhibitors)', 'tramadol');
export const THIORIDAZINE_LABEL = label('Thioridazine', 'Contraindications (CYP2D6 inhibitors, fluvoxamine, propranolol, pindolol)', 'thioridazine');
export const TIZANIDINE_LABEL = label('Tizanidine (Zanaflex)', 'Contraindications; Drug Interactions (CYP1A2 inhibitors)', 'tizanidine');
export const THEOPHYLLINE_LABEL = label('Theophylline', 'Drug Interactions (ciprofloxacin, fluvoxamine, zileuton)', 'theophylline');
export const CLOZAPINE_LABEL = label('Clozapine (Clozaril)', 'Dosage and Drug Interactions (strong CYP1A2 inhibitors: one third of the dose)', 'clozapine');
export const CIPROFLOXACIN_LABEL = label('Ciprofloxacin (Cipro)', 'Drug Interactions (warfarin: monitor INR)', 'ciprofloxacin');
export const DULOXETINE_LABEL = label('Duloxetine (Cymbalta)', 'Drug Interactions (potent CYP1A2 inhibitors: avoid)', 'duloxetine');

/** CPIC guideline for CYP2D6 and tamoxifen (Goetz et al., Clin Pharmacol Ther 2018;103:770): avoid strong and moderate CYP2D6 inhibitors. */
export const CPIC_TAMOXIFEN: KnowledgeSource = { label: 'CPIC guideline for CYP2D6 and tamoxifen therapy (2018)', url: 'https://doi.org/10.1002/cpt.1007' };

// Transporters, renal clearance, xanthine oxidase.
export const DIGOXIN_LABEL = label('Digoxin (Lanoxin)', 'Drug Interactions (P-gp inhibitors: measure the level, reduce the dose 30–50%)', 'digoxin');
export const DABIGATRAN_LABEL = label('Dabigatran (Pradaxa)', 'Dosage and Drug Interactions (P-gp inhibitors and inducers)', 'dabigatran');
export const LITHIUM_LABEL = label('Lithium carbonate', 'Drug Interactions (drugs that increase lithium concentrations)', 'lithium+carbonate');
export const METHOTREXATE_LABEL = label('Methotrexate', 'Drug Interactions (drugs that increase methotrexate exposure; NSAIDs; sulfonamides)', 'methotrexate');
export const DOFETILIDE_LABEL = label('Dofetilide (Tikosyn)', 'Contraindications (drugs that inhibit its renal cation transport)', 'dofetilide');
export const FEBUXOSTAT_LABEL = label('Febuxostat (Uloric)', 'Contraindications (azathioprine, mercaptopurine)', 'febuxostat');
export const AZATHIOPRINE_LABEL = label('Azathioprine (Imuran) and mercaptopurine', 'Drug Interactions (allopurinol: one third to one quarter of the dose)', 'azathioprine');
