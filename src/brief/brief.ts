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
  statements: Statement[];
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
