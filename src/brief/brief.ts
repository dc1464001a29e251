/** One sentence of a brief and the FHIR resources (`Type/id`) it rests on. */
export interface Statement {
  text: string;
  evidence: string[];
}

export type BriefSectionName =
  | 'problems'
  | 'medications'
  | 'allergies'
  | 'labs'
  | 'vitals'
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
}

/** Who wrote a brief, so the card and the app can say so. */
export interface BriefProvenance {
  provider: 'embedded' | 'azure-openai' | 'openai-compatible';
  model?: string;
  promptVersion?: string;
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
