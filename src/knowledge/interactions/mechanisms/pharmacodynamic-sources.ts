import { fdaLabelSection } from '../../drugs/drug-sources';
import type { KnowledgeSource } from '../../knowledge-source';

// The sources the pharmacodynamic interaction rows cite: FDA labels (DailyMed search, which always
// lists the current label, with the section named), FDA Drug Safety Communications, guidelines and
// the studies that set a severity where the labels are silent or vague.

const label = fdaLabelSection;

// Serotonergic.
export const PHENELZINE_LABEL = label('Phenelzine (Nardil)', 'Contraindications (serotonergic and sympathomimetic drugs; 14-day washout)', 'phenelzine');
export const SUMATRIPTAN_LABEL = label('Sumatriptan (Imitrex)', 'Contraindications (MAO-A inhibitors; ergotamine within 24 hours)', 'sumatriptan');
export const RASAGILINE_LABEL = label('Rasagiline (Azilect)', 'Contraindications (meperidine, tramadol, methadone, dextromethorphan, cyclobenzaprine)', 'rasagiline');
export const TRAMADOL_SEROTONIN_LABEL = label('Tramadol (Ultram)', 'Warnings (serotonin syndrome; seizures with SSRIs, SNRIs, tricyclics)', 'tramadol');
export const FDA_LINEZOLID_2011: KnowledgeSource = {
  label: 'FDA Drug Safety Communication 2011 (updated): linezolid with serotonergic psychiatric drugs',
  url: 'https://www.fda.gov/Drugs/DrugSafety/ucm276251.htm',
};
export const FDA_METHYLENE_BLUE_2011: KnowledgeSource = {
  label: 'FDA Drug Safety Communication 2011 (updated): methylene blue with serotonergic psychiatric drugs',
  url: 'https://www.fda.gov/Drugs/DrugSafety/ucm276119.htm',
};
export const MAOB_SSRI_REVIEW: KnowledgeSource = {
  label: 'Aboukarr A, Giudice M. Interaction between MAO-B inhibitors and SSRIs. Can J Hosp Pharm 2018;71:196',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6019085',
};
export const TRIPTAN_SSRI_COHORT: KnowledgeSource = {
  label: 'Orlova Y et al. Serotonin syndrome with triptans and SSRIs/SNRIs. JAMA Neurol 2018;75:566 (FDA 2006 alert)',
  url: 'https://doi.org/10.1001/jamaneurol.2017.5144',
};

// QT prolongation.
export const AHA_QT_2010: KnowledgeSource = {
  label: 'AHA/ACCF 2010 scientific statement: prevention of torsade de pointes in hospital settings',
  url: 'https://doi.org/10.1161/CIRCULATIONAHA.109.192704',
};
export const PIMOZIDE_QT_LABEL = label('Pimozide (Orap)', 'Contraindications (drugs that prolong the QT interval)', 'pimozide');
export const THIORIDAZINE_QT_LABEL = label('Thioridazine', 'Boxed Warning and Contraindications (drugs that prolong the QTc interval)', 'thioridazine');
export const ZIPRASIDONE_LABEL = label('Ziprasidone (Geodon)', 'Contraindications (drugs that prolong the QT interval)', 'ziprasidone');
export const DRONEDARONE_QT_LABEL = label('Dronedarone (Multaq)', 'Contraindications (drugs that prolong the QT interval and increase the risk of torsade de pointes)', 'dronedarone');

// CNS and respiratory depression.
export const FDA_OPIOID_BENZO_2016: KnowledgeSource = {
  label: 'FDA Drug Safety Communication 2016: opioids with benzodiazepines (boxed warning)',
  url: 'https://www.fda.gov/Drugs/DrugSafety/ucm518473.htm',
};
export const CDC_OPIOIDS_2022: KnowledgeSource = {
  label: 'CDC Clinical Practice Guideline for Prescribing Opioids for Pain 2022, recommendation 11',
  url: 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm',
};
export const GABAPENTINOID_LABEL = label('Gabapentin (Neurontin), pregabalin (Lyrica)', 'Warnings (respiratory depression with opioids and CNS depressants; FDA 2019)', 'gabapentin');
export const BEERS_2023_TABLE_5: KnowledgeSource = {
  label: 'AGS Beers Criteria 2023, Table 5 (drug–drug interactions to avoid in older adults)',
  url: 'https://doi.org/10.1111/jgs.18372',
};

// Bleeding.
export const ACC_ANTITHROMBOTIC_2020: KnowledgeSource = {
  label: 'ACC 2020 Expert Consensus Decision Pathway: anticoagulant and antiplatelet therapy in AF or VTE with PCI or ASCVD',
  url: 'https://doi.org/10.1016/j.jacc.2020.09.011',
};
export const APIXABAN_BLEEDING_LABEL = label('Apixaban (Eliquis)', 'Drug Interactions (anticoagulants, antiplatelets, NSAIDs, SSRIs, SNRIs)', 'apixaban');
export const SERTRALINE_BLEEDING_LABEL = label('SSRIs and SNRIs (e.g. sertraline)', 'Warnings (increased risk of bleeding with anticoagulants)', 'sertraline');
export const WARFARIN_ANTIBIOTIC_COHORT: KnowledgeSource = {
  label: 'Lane MA et al. Serious bleeding events due to warfarin and antibiotic co-prescription. Am J Med 2014;127:657',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4116816',
};

// Hyperkalaemia.
export const SPIRONOLACTONE_LABEL = label('Spironolactone (Aldactone)', 'Warnings (hyperkalaemia with ACE inhibitors, ARBs, potassium supplements)', 'spironolactone');
export const LISINOPRIL_POTASSIUM_LABEL = label('Lisinopril (Zestril)', 'Drug Interactions (potassium supplements, potassium-sparing diuretics, salt substitutes: hyperkalaemia)', 'lisinopril');
export const AMILORIDE_LABEL = label('Amiloride (Midamor), triamterene (Dyrenium)', 'Boxed Warning and Contraindications (potassium supplements, other potassium-conserving drugs)', 'amiloride');
export const TMP_SMX_HYPERKALAEMIA: KnowledgeSource = {
  label: 'Antoniou T et al. Trimethoprim-sulfamethoxazole-induced hyperkalemia in patients receiving RAS inhibitors. Arch Intern Med 2010;170:1045',
  url: 'https://doi.org/10.1001/archinternmed.2010.142',
};
export const TMP_SPIRONOLACTONE_STUDY: KnowledgeSource = {
  label: 'Antoniou T et al. Trimethoprim-sulfamethoxazole induced hyperkalaemia in elderly patients receiving spironolactone. BMJ 2011;343:d5228',
  url: 'https://doi.org/10.1136/bmj.d5228',
};

// Hypotension.
export const SILDENAFIL_LABEL = label('Sildenafil (Viagra, Revatio)', 'Contraindications (nitrates; guanylate cyclase stimulators)', 'sildenafil');
export const RIOCIGUAT_LABEL = label('Riociguat (Adempas)', 'Contraindications (nitrates, nitric oxide donors, PDE5 inhibitors)', 'riociguat');
export const VERAPAMIL_LABEL = label('Verapamil (Calan), diltiazem (Cardizem)', 'Warnings and Drug Interactions (beta-blockers: bradycardia, AV block, heart failure)', 'verapamil');

// Marrow suppression.
export const CLOZAPINE_MARROW_LABEL = label('Clozapine (Clozaril)', 'Warnings (severe neutropenia; avoid with other drugs that suppress the marrow, e.g. carbamazepine)', 'clozapine');

// Kidney injury.
export const TRIPLE_WHAMMY_COHORT: KnowledgeSource = {
  label: 'Lapi F et al. Diuretics, ACE inhibitors or ARBs with NSAIDs and acute kidney injury. BMJ 2013;346:e8525',
  url: 'https://doi.org/10.1136/bmj.e8525',
};

// Hypoglycaemia.
export const FDA_FLUOROQUINOLONE_2018: KnowledgeSource = {
  label: 'FDA Drug Safety Communication 2018: fluoroquinolones and serious low blood sugar',
  url: 'https://www.fda.gov/Safety/MedWatch/SafetyInformation/SafetyAlertsforHumanMedicalProducts/ucm612979.htm',
};
export const SULFONYLUREA_ANTIMICROBIAL_COHORT: KnowledgeSource = {
  label: 'Parekh TM et al. Hypoglycemia after antimicrobial prescription for older patients using sulfonylureas. JAMA Intern Med 2014;174:1605',
  url: 'https://doi.org/10.1001/jamainternmed.2014.3293',
};

// Contraindicated combinations.
export const SACUBITRIL_VALSARTAN_LABEL = label('Sacubitril/valsartan (Entresto)', 'Contraindications (ACE inhibitors within 36 hours; aliskiren in diabetes)', 'sacubitril');
export const ALISKIREN_LABEL = label('Aliskiren (Tekturna)', 'Contraindications (ARBs or ACE inhibitors in diabetes); Warnings (dual RAS blockade)', 'aliskiren');
