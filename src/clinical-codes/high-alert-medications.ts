/**
 * Medications worth naming in a one-line headline ("AF on warfarin"): drugs whose errors cause
 * the most harm. Source: ISMP List of High-Alert Medications in Community/Ambulatory Care
 * Settings (2021, https://www.ismp.org/recommendations/high-alert-medications-community-ambulatory-list)
 * and in Acute Care Settings (2018). Matched by ingredient name in the drug's name or codings'
 * displays (RxNorm names carry the ingredient: "Warfarin Sodium 5 MG Oral Tablet").
 */
export interface HighAlertMedication {
  key: string;
  /** How the headline names it. */
  label: string;
  /** Whole-word, case-insensitive ingredient names. */
  ingredients: readonly string[];
  /** Problem keys (see problem-importance.ts) the drug is usually for: "AF on warfarin". */
  indications: readonly string[];
}

const ANTICOAGULATION = ['atrial-fibrillation', 'dvt', 'pulmonary-embolism'];

export const HIGH_ALERT_MEDICATIONS: readonly HighAlertMedication[] = [
  { key: 'warfarin', label: 'warfarin', ingredients: ['warfarin'], indications: ANTICOAGULATION },
  { key: 'apixaban', label: 'apixaban', ingredients: ['apixaban'], indications: ANTICOAGULATION },
  { key: 'rivaroxaban', label: 'rivaroxaban', ingredients: ['rivaroxaban'], indications: ANTICOAGULATION },
  { key: 'dabigatran', label: 'dabigatran', ingredients: ['dabigatran'], indications: ANTICOAGULATION },
  { key: 'edoxaban', label: 'edoxaban', ingredients: ['edoxaban'], indications: ANTICOAGULATION },
  { key: 'heparin', label: 'heparin', ingredients: ['heparin', 'enoxaparin', 'dalteparin', 'fondaparinux'], indications: ANTICOAGULATION },
  { key: 'insulin', label: 'insulin', ingredients: ['insulin'], indications: ['t1dm', 't2dm'] },
  { key: 'sulfonylurea', label: 'sulfonylurea', ingredients: ['glipizide', 'glyburide', 'glimepiride', 'gliclazide'], indications: ['t2dm'] },
  { key: 'methotrexate', label: 'methotrexate', ingredients: ['methotrexate'], indications: [] },
  {
    key: 'opioid',
    label: 'opioid',
    ingredients: ['fentanyl', 'hydrocodone', 'hydromorphone', 'methadone', 'morphine', 'oxycodone', 'oxymorphone', 'tapentadol', 'tramadol', 'buprenorphine'],
    indications: ['chronic-pain'],
  },
  { key: 'immunosuppressant', label: 'immunosuppressant', ingredients: ['tacrolimus', 'cyclosporine', 'ciclosporin', 'azathioprine', 'mycophenolate', 'sirolimus'], indications: [] },
];
