/**
 * Why a short view must keep a statement before any unmarked one, of any section: `critical` — a
 * critical result (HH, LL, AA) or a severe allergy (anaphylaxis, angioedema, SJS/TEN, or high
 * criticality); `high` — an abnormal result, a high-alert or interacting drug, a clinically
 * relevant social fact.
 */
export type StatementPriority = 'critical' | 'high';

/** One sentence of a brief and the FHIR resources (`Type/id`) it rests on. */
export interface Statement {
  text: string;
  evidence: string[];
  /** Absent: an ordinary statement, kept as lines allow. */
  priority?: StatementPriority;
}

export type BriefSectionName =
  | 'problems'
  | 'medications'
  | 'allergies'
  | 'labs'
  | 'vitals'
  | 'social'
  | 'immunizations'
  | 'procedures'
  | 'encounters'
  | 'care-gaps'
  | 'unavailable';

export interface BriefSection {
  name: BriefSectionName;
  title: string;
  /** Most important first: a shorter view keeps a prefix. */
  statements: Statement[];
  /**
   * How many statements were left out of this section for brevity (the full brief, or the chart,
   * has them). Absent or 0: the section is whole. The card shows it beside the title ("+3 more").
   */
  omitted?: number;
  /** How many of the `omitted` statements had a priority (the card says "+2 more abnormal"). */
  omittedPriority?: number;
}

/** Who wrote a brief, so the card and the app can say so. */
export interface BriefProvenance {
  provider: 'embedded' | 'azure-openai' | 'openai-compatible';
  model?: string;
  promptVersion?: string;
  /** SHA-256 (base64url) of the prompt's fixed parts (version, system text, answer schema): which prompt text wrote it, for the audit trail. */
  promptHash?: string;
  verified?: number;
  dropped?: number;
  generatedAt?: string;
}

/** The chart summary: a headline and sections of cited statements. */
export interface Brief {
  headline: Statement;
  sections: BriefSection[];
  provenance: BriefProvenance;
}
