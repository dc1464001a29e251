/**
 * The labs and vital signs a brief shows, by LOINC code, in the order a clinician scans them.
 *
 * Source: LOINC (https://loinc.org; each code's long name is beside its row); the vital-sign codes
 * are those of the FHIR R4 vital signs profile (https://hl7.org/fhir/R4/observation-vitalsigns.html).
 * Several codes per row because EHRs differ in specimen and method: Synthea, for instance, sends
 * creatinine as 38483-4 (blood) where most hospital labs send 2160-0 (serum/plasma).
 */
export type ObservationKind = 'lab' | 'vital';

/** `quantity`: one `valueQuantity`. `blood-pressure`: systolic and diastolic components. */
export type ObservationShape = 'quantity' | 'blood-pressure';

export interface KeyObservation {
  key: string;
  /** How the brief names it: short, as on a lab report. */
  label: string;
  kind: ObservationKind;
  shape: ObservationShape;
  loinc: readonly string[];
  /** Decimal places shown; values are rounded half away from zero, never padded. */
  decimals: number;
}

export const KEY_LABS: readonly KeyObservation[] = [
  // 2160-0 Creatinine [Mass/volume] in Serum or Plasma; 38483-4 Creatinine [Mass/volume] in Blood
  { key: 'creatinine', label: 'Creatinine', kind: 'lab', shape: 'quantity', loinc: ['2160-0', '38483-4'], decimals: 2 },
  // 33914-3 eGFR (MDRD); 62238-1 eGFR (CKD-EPI); 48642-3/48643-1 eGFR among non-blacks/blacks;
  // 98979-8 eGFR (CKD-EPI 2021, race-free)
  { key: 'egfr', label: 'eGFR', kind: 'lab', shape: 'quantity', loinc: ['98979-8', '62238-1', '33914-3', '48642-3', '48643-1'], decimals: 0 },
  // 6298-4 Potassium in Blood; 2823-3 Potassium in Serum or Plasma
  { key: 'potassium', label: 'Potassium', kind: 'lab', shape: 'quantity', loinc: ['2823-3', '6298-4'], decimals: 1 },
  // 2951-2 Sodium in Serum or Plasma; 2947-0 Sodium in Blood
  { key: 'sodium', label: 'Sodium', kind: 'lab', shape: 'quantity', loinc: ['2951-2', '2947-0'], decimals: 0 },
  // 2345-7 Glucose in Serum or Plasma; 2339-0 Glucose in Blood
  { key: 'glucose', label: 'Glucose', kind: 'lab', shape: 'quantity', loinc: ['2345-7', '2339-0'], decimals: 0 },
  // 4548-4 Hemoglobin A1c/Hemoglobin.total in Blood; 17856-6 ... by HPLC
  { key: 'hba1c', label: 'HbA1c', kind: 'lab', shape: 'quantity', loinc: ['4548-4', '17856-6'], decimals: 1 },
  // 718-7 Hemoglobin [Mass/volume] in Blood
  { key: 'hemoglobin', label: 'Hemoglobin', kind: 'lab', shape: 'quantity', loinc: ['718-7'], decimals: 1 },
  // 777-3 Platelets [#/volume] in Blood by Automated count
  { key: 'platelets', label: 'Platelets', kind: 'lab', shape: 'quantity', loinc: ['777-3'], decimals: 0 },
  // 6301-6 INR in Platelet poor plasma by Coagulation assay; 34714-6 INR in Blood by Coagulation assay
  { key: 'inr', label: 'INR', kind: 'lab', shape: 'quantity', loinc: ['6301-6', '34714-6'], decimals: 1 },
  // 18262-6 LDL Cholesterol (direct); 13457-7 LDL Cholesterol (calculated)
  { key: 'ldl', label: 'LDL', kind: 'lab', shape: 'quantity', loinc: ['18262-6', '13457-7'], decimals: 0 },
  // 9318-7 Albumin/Creatinine [Mass Ratio] in Urine; 14959-1 Microalbumin/Creatinine [Mass Ratio] in Urine
  { key: 'uacr', label: 'Urine albumin/creatinine', kind: 'lab', shape: 'quantity', loinc: ['9318-7', '14959-1'], decimals: 0 },
  // 1742-6 Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  { key: 'alt', label: 'ALT', kind: 'lab', shape: 'quantity', loinc: ['1742-6'], decimals: 0 },
  // 3016-3 Thyrotropin [Units/volume] in Serum or Plasma
  { key: 'tsh', label: 'TSH', kind: 'lab', shape: 'quantity', loinc: ['3016-3'], decimals: 2 },
  // 33762-6 NT-proBNP in Serum or Plasma; 30934-4 BNP in Serum or Plasma
  { key: 'natriuretic-peptide', label: 'NT-proBNP', kind: 'lab', shape: 'quantity', loinc: ['33762-6'], decimals: 0 },
  { key: 'bnp', label: 'BNP', kind: 'lab', shape: 'quantity', loinc: ['30934-4'], decimals: 0 },
  // 6690-2 Leukocytes [#/volume] in Blood by Automated count
  { key: 'wbc', label: 'WBC', kind: 'lab', shape: 'quantity', loinc: ['6690-2'], decimals: 1 },
];

export const KEY_VITALS: readonly KeyObservation[] = [
  // 85354-9 Blood pressure panel with all children optional; 55284-4 Blood pressure systolic and
  // diastolic (Synthea). Components: 8480-6 systolic, 8462-4 diastolic.
  { key: 'blood-pressure', label: 'BP', kind: 'vital', shape: 'blood-pressure', loinc: ['85354-9', '55284-4'], decimals: 0 },
  // 8867-4 Heart rate
  { key: 'heart-rate', label: 'Heart rate', kind: 'vital', shape: 'quantity', loinc: ['8867-4'], decimals: 0 },
  // 2708-6 Oxygen saturation in Arterial blood; 59408-5 ... by Pulse oximetry
  { key: 'spo2', label: 'SpO2', kind: 'vital', shape: 'quantity', loinc: ['59408-5', '2708-6'], decimals: 0 },
  // 9279-1 Respiratory rate
  { key: 'respiratory-rate', label: 'Respiratory rate', kind: 'vital', shape: 'quantity', loinc: ['9279-1'], decimals: 0 },
  // 8310-5 Body temperature; 8331-1 Oral temperature (Synthea)
  { key: 'temperature', label: 'Temperature', kind: 'vital', shape: 'quantity', loinc: ['8310-5', '8331-1'], decimals: 1 },
  // 29463-7 Body weight
  { key: 'weight', label: 'Weight', kind: 'vital', shape: 'quantity', loinc: ['29463-7'], decimals: 1 },
  // 39156-5 Body mass index (BMI) [Ratio]
  { key: 'bmi', label: 'BMI', kind: 'vital', shape: 'quantity', loinc: ['39156-5'], decimals: 1 },
];

/** LOINC 8480-6 Systolic blood pressure; 8462-4 Diastolic blood pressure. */
export const SYSTOLIC_BP = '8480-6';
export const DIASTOLIC_BP = '8462-4';
