import type { KnowledgeSource, Severity } from '../../../rules/rule';
import type { DrugClass } from '../../drugs/drug-class';

// Drug–drug interactions described by mechanism (FDA CYP/transporter table, labels' boxed warnings
// and contraindications, Beers 2023 Table 5, CDC 2022): who raises whose exposure or adds to whose
// effect, how loud the card is by default, and which patient facts make it louder. The FDA table
// names candidate pairs; each row's severity is what the object drug's (or precipitant's) label
// says: contraindicated → critical, avoid → warning, adjust dose or monitor → warning or info.

/** The mechanism groups the eval reports on (one per row). */
export type MechanismGroup =
  | 'cyp3a4'
  | 'cyp2c9'
  | 'cyp2c19'
  | 'cyp2d6'
  | 'cyp1a2'
  | 'p-gp'
  | 'renal-clearance'
  | 'xanthine-oxidase'
  | 'reduced-exposure'
  | 'serotonergic'
  | 'qt'
  | 'cns-depression'
  | 'bleeding'
  | 'hyperkalaemia'
  | 'hypotension'
  | 'marrow-suppression'
  | 'triple-whammy'
  | 'hypoglycaemia'
  | 'anticholinergic'
  | 'contraindicated';

/** A set of drugs: members of the classes, plus the named ingredients (lower-case RxNorm names). */
export interface DrugSet {
  /** How the card names the set when no single drug is meant: "strong CYP3A4 inhibitors". */
  label: string;
  classes?: readonly DrugClass[];
  ingredients?: readonly string[];
  /** Ingredients of the classes that do NOT belong (e.g. azithromycin among macrolides for CYP3A4). */
  except?: readonly string[];
}

/**
 * A patient fact that changes an interaction's severity, by key. The facts themselves are read
 * from the chart in one place (src/rules/drug-safety/interaction-risk.ts); rows only name them.
 * Lab facts use the latest final result in the key's window; condition facts any asserted Condition.
 */
export type PatientRiskKey =
  | 'inr-above-4' // latest INR > 4.0 (warfarin potentiators)
  | 'potassium-5-or-more' // latest K ≥ 5.0 mmol/L
  | 'potassium-6-or-more' // latest K ≥ 6.0 mmol/L
  | 'potassium-below-3.5' // hypokalaemia (QT)
  | 'magnesium-below-1.7' // hypomagnesaemia, mg/dL (QT)
  | 'egfr-below-30'
  | 'egfr-below-60'
  | 'qtc-500-or-more' // latest QTc ≥ 500 ms
  | 'qtc-prolonged' // latest QTc > 470 ms (female) / > 450 ms (male)
  | 'female'
  | 'age-65-or-more'
  | 'sleep-apnoea'
  | 'copd'
  | 'heart-failure'
  | 'ckd'
  | 'diabetes'; // any asserted diabetes mellitus (aliskiren + ACE inhibitor/ARB is contraindicated in diabetes)

/** How a patient fact moves the row's severity. */
export interface SeverityModifier {
  when: PatientRiskKey;
  /** The severity the card takes when the fact holds (never lower than the row's own). */
  severity: Severity;
}

/** A draft ServiceRequest the card offers (a monitoring test), coded as the source names it. */
export interface MonitoringOrder {
  /** Button label: "Order INR in 3–5 days". */
  label: string;
  loinc: string;
  display: string;
}

export interface MechanismRow {
  /** Stable id, for audit and the eval table: `mech:<group>:<short-name>`. */
  id: string;
  group: MechanismGroup;
  /** The drug that changes the other (inhibitor, inducer, second depressant…). */
  precipitant: DrugSet;
  /** The drug whose exposure or effect changes. For symmetric effects (two QT drugs) the same set as `precipitant`. */
  object: DrugSet;
  /** For three-drug interactions ("triple whammy"): a third drug that must also be taken. */
  also?: DrugSet;
  /** Default severity of a new order of the pair, from the label or guideline. */
  severity: Severity;
  /** The row applies only when every listed fact holds (e.g. anticholinergic burden: age ≥ 65). */
  requires?: readonly PatientRiskKey[];
  /** Patient facts that raise the severity. */
  raisedBy?: readonly SeverityModifier[];
  /** Consequence, for the summary (plain words): "simvastatin levels rise: myopathy, rhabdomyolysis". */
  effect: string;
  /** The mechanism in plain words: "clarithromycin strongly inhibits CYP3A4, which clears simvastatin". */
  mechanism: string;
  /** What to do instead, one or two sentences (from the source). */
  management: string;
  monitoring?: MonitoringOrder;
  source: KnowledgeSource;
}
