import type { KnowledgeSource } from '../knowledge/knowledge-source';

/**
 * Social and administrative findings that EHRs, and Synthea, record as Conditions but that are
 * not problems: employment, education, social contact, stress, criminal record, housing,
 * transport, migration. They never enter the problem list or the headline. The few that change
 * care (intimate partner violence, homelessness, alcohol or drug misuse) are `social-risk`: the
 * brief states them on its own Social line. Matched by SNOMED CT code, never by the "(finding)"
 * semantic tag, which also marks real problems (obesity, chronic pain).
 *
 * Codes and displays as Synthea writes them (SNOMED CT International Edition concepts); those of
 * fixtures/synthea-bulk (Full-time employment, Misuses drugs, Victim of intimate partner abuse…)
 * are among them. A Condition in the US Core `sdoh` category is social too, whatever its code.
 */
export type SocialFindingUse = 'social-risk' | 'administrative';

export interface SocialFindingRow {
  snomed: string;
  /** The SNOMED CT fully specified name, as Synthea sends it. */
  display: string;
  /** `social-risk`: stated on the brief's Social line; `administrative`: not stated in the brief. */
  use: SocialFindingUse;
  source: KnowledgeSource;
}

// The Synthea modules that record these Conditions (SNOMED CT codes and displays in their states).
const SYNTHEA_SDOH: KnowledgeSource = {
  label: 'Synthea SDoH HRSN module (PRAPARE screening)',
  url: 'https://github.com/synthetichealth/synthea/blob/033fe019a65158f6eb3d636db0f91841c58420f3/src/main/resources/modules/encounter/sdoh_hrsn.json',
};
const SYNTHEA_SUBSTANCE_USE: KnowledgeSource = {
  label: 'Synthea substance use screening module (AUDIT-C, DAST-10, CRAFFT)',
  url: 'https://github.com/synthetichealth/synthea/blob/1e329d6c55c410b90b34bbc5a4bdb83dc3b0ff26/src/main/resources/modules/encounter/substance_use_screening.json',
};

const risk = (snomed: string, display: string, source: KnowledgeSource): SocialFindingRow => ({ snomed, display, use: 'social-risk', source });
const administrative = (snomed: string, display: string, source: KnowledgeSource = SYNTHEA_SDOH): SocialFindingRow => ({ snomed, display, use: 'administrative', source });

export const SOCIAL_FINDINGS: readonly SocialFindingRow[] = [
  risk('706893006', 'Victim of intimate partner abuse (finding)', SYNTHEA_SDOH),
  risk('32911000', 'Homeless (finding)', SYNTHEA_SDOH),
  risk('361055000', 'Misuses drugs (finding)', SYNTHEA_SUBSTANCE_USE),
  // Synthea's module writes this code as a JSON number that loses its last digit (…104); the concept is …105.
  risk('10939881000119105', 'Unhealthy alcohol drinking behavior (finding)', SYNTHEA_SUBSTANCE_USE),
  // Employment
  administrative('160903007', 'Full-time employment (finding)'),
  administrative('160904001', 'Part-time employment (finding)'),
  administrative('73438004', 'Unemployed (finding)'),
  administrative('741062008', 'Not in labor force (finding)'),
  // Education
  administrative('224295006', 'Only received primary school education (finding)'),
  administrative('473461003', 'Educated to high school level (finding)'),
  administrative('224299000', 'Received higher education (finding)'),
  // Social contact, stress, safety, legal
  administrative('423315002', 'Limited social contact (finding)'),
  administrative('422650009', 'Social isolation (finding)'),
  administrative('73595000', 'Stress (finding)'),
  administrative('424393004', 'Reports of violence in the environment (finding)'),
  administrative('266948004', 'Has a criminal record (finding)'),
  // Housing, transport
  administrative('105531004', 'Housing unsatisfactory (finding)'),
  administrative('266934004', 'Transport problem (finding)'),
  administrative('713458007', 'Lack of access to transportation (finding)'),
  // Migration, military service, risk behaviour screening
  administrative('446654005', 'Refugee (person)'),
  administrative('160701002', 'Social migrant (finding)'),
  administrative('1187604002', 'Serving in military service (finding)'),
  administrative('160968000', 'Risk activity involvement (finding)', SYNTHEA_SUBSTANCE_USE),
];

/** US Core Condition category code system: `sdoh` marks a social determinants of health concern. https://hl7.org/fhir/us/core/CodeSystem-us-core-category.html */
export const US_CORE_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category';
export const SDOH_CATEGORY = 'sdoh';
