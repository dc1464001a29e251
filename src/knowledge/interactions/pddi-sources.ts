import type { KnowledgeSource } from '../knowledge-source';

export const PDDI_WARFARIN_NSAIDS: KnowledgeSource = {
  label: 'HL7 PDDI-CDS IG: warfarin + NSAIDs',
  url: 'https://build.fhir.org/ig/HL7/PDDI-CDS/documentation.html#warfarin--nsaids',
};

export const PDDI_DIGOXIN_CYCLOSPORINE: KnowledgeSource = {
  label: 'HL7 PDDI-CDS IG: digoxin + cyclosporine',
  url: 'https://build.fhir.org/ig/HL7/PDDI-CDS/documentation.html#digoxin--cyclosporin',
};
