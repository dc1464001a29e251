import type { KnowledgeSource } from '../knowledge-source';
import { UNIT_CONVERSIONS } from './lab-sources';

/**
 * The analytes the clinical-state rules read, by LOINC code, each with the one unit the rules
 * reason in and how every unit EHRs send converts to it (canonical = value × factor + offset).
 * Units are matched case-insensitively against the quantity's UCUM `code`, then its `unit` text.
 * A value in a unit not listed here is not used: the rules never guess a unit.
 *
 * LOINC codes: https://loinc.org (long names beside each row). One row per analyte: the HL7
 * PDDI-CDS logic and the lab alerts read the same row (the PDDI value sets' codes are included).
 */
export interface UnitConversion {
  units: readonly string[];
  factor: number;
  offset?: number;
}

export interface LabDefinition {
  key: LabKey;
  /** As on a lab report: "Potassium". */
  label: string;
  /** Codes in preference order (the first wins when two results share a time). */
  loinc: readonly string[];
  /** The canonical unit, UCUM. */
  unit: string;
  conversions: readonly UnitConversion[];
  /** Decimal places shown. */
  decimals: number;
  /** Unitless results (INR) may come without a unit. */
  unitless?: boolean;
  source: KnowledgeSource;
}

export type LabKey = 'potassium' | 'sodium' | 'glucose' | 'hemoglobin' | 'platelets' | 'inr' | 'hba1c' | 'creatinine' | 'egfr' | 'weight' | 'magnesium' | 'qtc' | 'calcium' | 'digoxin';

const LOINC_SOURCE: KnowledgeSource = { label: 'LOINC', url: 'https://loinc.org' };

const MMOL = ['mmol/L', 'mEq/L'];

export const POTASSIUM: LabDefinition = {
  key: 'potassium',
  label: 'Potassium',
  // [Moles/volume]: 2823-3 Serum/Plasma; 6298-4 Blood; 39789-3 Venous blood; 32713-0 Arterial blood;
  // 39790-1 Capillary blood; 41656-0 Mixed venous blood; 51618-7 Serum/Plasma pre dialysis; 29349-8
  // post dialysis; 12812-4 / 12813-2 Serum/Plasma 2nd / 3rd specimen. [Mass/volume]: 22760-3
  // Serum/Plasma; 75940-7 Blood (HL7 PDDI-CDS valueset-potassium-LOINC; its red-cell code is left out).
  loinc: ['2823-3', '6298-4', '39789-3', '32713-0', '39790-1', '41656-0', '51618-7', '29349-8', '12812-4', '12813-2', '22760-3', '75940-7'],
  unit: 'mmol/L',
  // Potassium 39.10 g/mol: 1 mmol/L = 3.91 mg/dL.
  conversions: [{ units: MMOL, factor: 1 }, { units: ['mg/dL'], factor: 1 / 3.91 }],
  decimals: 1,
  source: UNIT_CONVERSIONS,
};

export const SODIUM: LabDefinition = {
  key: 'sodium',
  label: 'Sodium',
  // 2951-2 Serum/Plasma; 2947-0 Blood; 39791-9 Venous blood; 32717-1 Arterial blood.
  loinc: ['2951-2', '2947-0', '39791-9', '32717-1'],
  unit: 'mmol/L',
  conversions: [{ units: MMOL, factor: 1 }],
  decimals: 0,
  source: LOINC_SOURCE,
};

export const GLUCOSE: LabDefinition = {
  key: 'glucose',
  label: 'Glucose',
  // 2345-7 Glucose [Mass/volume] in Serum/Plasma; 2339-0 in Blood; 14749-6 [Moles/volume] in Serum/Plasma; 15074-8 [Moles/volume] in Blood.
  loinc: ['2345-7', '2339-0', '14749-6', '15074-8'],
  unit: 'mg/dL',
  // Glucose 180.16 g/mol: 1 mmol/L = 18.016 mg/dL.
  conversions: [{ units: ['mg/dL'], factor: 1 }, { units: ['mmol/L'], factor: 18.016 }],
  decimals: 0,
  source: UNIT_CONVERSIONS,
};

export const HEMOGLOBIN: LabDefinition = {
  key: 'hemoglobin',
  label: 'Hemoglobin',
  // 718-7 Hemoglobin [Mass/volume] in Blood; 20509-6 by calculation; 30313-1 in Arterial blood.
  loinc: ['718-7', '20509-6', '30313-1'],
  unit: 'g/dL',
  conversions: [{ units: ['g/dL'], factor: 1 }, { units: ['g/L'], factor: 0.1 }],
  decimals: 1,
  source: UNIT_CONVERSIONS,
};

export const PLATELETS: LabDefinition = {
  key: 'platelets',
  label: 'Platelets',
  // 777-3 Platelets [#/volume] in Blood by Automated count; 26515-7 Platelets [#/volume] in Blood.
  loinc: ['777-3', '26515-7'],
  unit: '10*3/uL',
  // 10³/µL = 10⁹/L = /nL.
  conversions: [{ units: ['10*3/uL', '10^3/uL', 'K/uL', '10*9/L', '10^9/L', 'x10E3/uL', '/nL'], factor: 1 }, { units: ['/uL', '/mm3'], factor: 0.001 }],
  decimals: 0,
  source: UNIT_CONVERSIONS,
};

export const INR: LabDefinition = {
  key: 'inr',
  label: 'INR',
  // 6301-6 INR in Platelet poor plasma by Coagulation assay; 34714-6 INR in Blood by Coagulation assay; 46418-0 INR in Capillary blood.
  loinc: ['6301-6', '34714-6', '46418-0'],
  unit: '{INR}',
  conversions: [{ units: ['{INR}', 'INR', '{ratio}', 'ratio', '1'], factor: 1 }],
  decimals: 1,
  unitless: true,
  source: LOINC_SOURCE,
};

export const HBA1C: LabDefinition = {
  key: 'hba1c',
  label: 'HbA1c',
  // 4548-4 Hemoglobin A1c/Hemoglobin.total in Blood; 17856-6 … by HPLC; 59261-8 … by IFCC protocol (mmol/mol).
  loinc: ['4548-4', '17856-6', '59261-8'],
  unit: '%',
  // NGSP % = 0.09148 × IFCC mmol/mol + 2.152 (the IFCC–NGSP master equation).
  conversions: [{ units: ['%', '%{HbA1c}', '%{total}'], factor: 1 }, { units: ['mmol/mol'], factor: 0.09148, offset: 2.152 }],
  decimals: 1,
  source: UNIT_CONVERSIONS,
};

export const CREATININE: LabDefinition = {
  key: 'creatinine',
  label: 'Creatinine',
  // 2160-0 [Mass/volume] in Serum/Plasma; 38483-4 [Mass/volume] in Blood (Synthea); 14682-9
  // [Moles/volume] in Serum/Plasma; 59826-8 [Moles/volume] in Blood.
  loinc: ['2160-0', '38483-4', '14682-9', '59826-8'],
  unit: 'mg/dL',
  // Creatinine 113.12 g/mol: 1 mg/dL = 88.4 µmol/L (the factor KDIGO uses).
  conversions: [{ units: ['mg/dL'], factor: 1 }, { units: ['umol/L', 'µmol/L', 'μmol/L'], factor: 1 / 88.4 }, { units: ['mmol/L'], factor: 1000 / 88.4 }],
  decimals: 2,
  source: UNIT_CONVERSIONS,
};

export const EGFR: LabDefinition = {
  key: 'egfr',
  label: 'eGFR',
  // Race-free first: 98979-8 CKD-EPI 2021; 62238-1 CKD-EPI; 88294-4 CKD-EPI among non-blacks;
  // 33914-3 MDRD; 48642-3 MDRD among non-blacks; 50044-7 MDRD among females; then the race-based
  // 88293-6 CKD-EPI among blacks and 48643-1 MDRD among blacks, used only when nothing else is sent.
  loinc: ['98979-8', '62238-1', '88294-4', '33914-3', '48642-3', '50044-7', '88293-6', '48643-1'],
  unit: 'mL/min/{1.73_m2}',
  // Every code above is normalised to 1.73 m²; Synthea sends some 33914-3 results as plain "mL/min".
  conversions: [{ units: ['mL/min/{1.73_m2}', 'mL/min/1.73m2', 'mL/min/1.73 m2', 'mL/min/1.73_m2', 'mL/min'], factor: 1 }],
  decimals: 0,
  source: LOINC_SOURCE,
};

export const WEIGHT: LabDefinition = {
  key: 'weight',
  label: 'Weight',
  // 29463-7 Body weight; 3141-9 Body weight Measured.
  loinc: ['29463-7', '3141-9'],
  unit: 'kg',
  conversions: [{ units: ['kg'], factor: 1 }, { units: ['[lb_av]', 'lb', 'lbs'], factor: 0.45359237 }, { units: ['g'], factor: 0.001 }],
  decimals: 1,
  source: UNIT_CONVERSIONS,
};

export const MAGNESIUM: LabDefinition = {
  key: 'magnesium',
  label: 'Magnesium',
  // HL7 PDDI-CDS valueset-magnesium-LOINC, serum/plasma: 19123-9 [Mass/volume]; 2601-3 [Moles/volume]
  // (the red-cell code 2597-3 measures something else). 1 mmol/L = 2.43 mg/dL = 2 mEq/L.
  loinc: ['19123-9', '2601-3'],
  unit: 'mg/dL',
  conversions: [{ units: ['mg/dL'], factor: 1 }, { units: ['mmol/L'], factor: 2.43 }, { units: ['meq/L', 'mEq/L'], factor: 1.215 }],
  decimals: 1,
  source: UNIT_CONVERSIONS,
};

export const QTC: LabDefinition = {
  key: 'qtc',
  label: 'QTc',
  // 8636-3 Q-T interval corrected (ECG); the ECG reports it in milliseconds.
  loinc: ['8636-3'],
  unit: 'ms',
  conversions: [{ units: ['ms', 'msec'], factor: 1 }, { units: ['s'], factor: 1000 }],
  decimals: 0,
  source: LOINC_SOURCE,
};

export const CALCIUM: LabDefinition = {
  key: 'calcium',
  label: 'Calcium',
  // HL7 PDDI-CDS valueset-calcium-LOINC, total and albumin-corrected: 17861-6 Calcium [Mass/volume] in
  // Serum or Plasma; 29265-6 Calcium [Moles/volume] corrected for albumin. Ionized calcium is another scale.
  loinc: ['17861-6', '29265-6'],
  unit: 'mg/dL',
  // Calcium 40.08 g/mol: 1 mmol/L = 4.008 mg/dL.
  conversions: [{ units: ['mg/dL'], factor: 1 }, { units: ['mmol/L'], factor: 4.008 }],
  decimals: 1,
  source: UNIT_CONVERSIONS,
};

export const DIGOXIN: LabDefinition = {
  key: 'digoxin',
  label: 'Digoxin level',
  // HL7 PDDI-CDS valueset-digoxin-LOINC: 10535-3 Digoxin [Mass/volume] in Serum or Plasma; 3563-4 … > 12 hours post dose.
  loinc: ['10535-3', '3563-4'],
  unit: 'ng/mL',
  // Digoxin 780.9 g/mol: 1 ng/mL = 1.28 nmol/L.
  conversions: [{ units: ['ng/mL', 'ug/L', 'µg/L'], factor: 1 }, { units: ['nmol/L'], factor: 1 / 1.28 }],
  decimals: 2,
  source: UNIT_CONVERSIONS,
};
