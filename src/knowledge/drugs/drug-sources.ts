import type { KnowledgeSource } from '../knowledge-source';

// The sources the drug tables cite. One constant per source so every row can name its own
// without repeating the text, and so a card's `source.label` reads the same everywhere.

/** RxNorm product → ingredient maps (NLM RxNorm, as snapshotted by the CDS Hooks sandbox, c. 2017). */
export const RXNORM_SNAPSHOT: KnowledgeSource = {
  label: 'RxNorm (NLM), CDS Hooks sandbox snapshot',
  url: 'https://github.com/cds-hooks/sandbox-cds-services/blob/master/lib/rxnorm-prices.json',
};

/** RxNorm ingredient codes entered by hand where the 2017 snapshot lacks the drug (parenteral and newer drugs). */
export const RXNORM_HAND: KnowledgeSource = {
  label: 'RxNorm (NLM) ingredient, entered by hand',
  url: 'https://mor.nlm.nih.gov/RxNav/',
};

/** Fixture codings whose code the snapshot lacks: ingredients read from the RxNorm name the fixture carries. */
export const RXNORM_FIXTURE_NAME: KnowledgeSource = {
  label: 'RxNorm name carried by the coding (Synthea / HL7 PDDI-CDS fixtures)',
  url: 'https://www.nlm.nih.gov/research/umls/rxnorm/docs/appendix5.html',
};

/** HL7 PDDI-CDS IG value sets (warfarin + NSAIDs, digoxin + cyclosporine). */
export const PDDI_VALUE_SETS: KnowledgeSource = {
  label: 'HL7 PDDI-CDS IG value sets',
  url: 'https://build.fhir.org/ig/HL7/PDDI-CDS/',
};

/** WHO ATC classification: the class a drug belongs to. */
export function atc(code: string, name: string): KnowledgeSource {
  return { label: `WHO ATC ${code} (${name})`, url: `https://atcddd.fhi.no/atc_ddd_index/?code=${code}` };
}

export const ONC_HIGH_PRIORITY: KnowledgeSource = {
  label: 'ONC high-priority DDI list (Phansalkar 2012)',
  url: 'https://doi.org/10.1136/amiajnl-2011-000612',
};

export const ONC_NON_INTERRUPTIVE: KnowledgeSource = {
  label: 'ONC non-interruptive DDI list (Phansalkar 2013)',
  url: 'https://doi.org/10.1136/amiajnl-2012-001089',
};

export const FDA_CYP_TABLE: KnowledgeSource = {
  label: 'FDA drug interaction table: strong CYP3A inhibitors',
  url: 'https://www.fda.gov/drugs/drug-interactions-labeling/healthcare-professionals-fdas-examples-drugs-interact-cyp-enzymes-and-transporter-systems',
};

export const BEERS_2023_ANTICHOLINERGIC: KnowledgeSource = {
  label: 'AGS Beers Criteria 2023, Table 7 (strong anticholinergic drugs)',
  url: 'https://doi.org/10.1111/jgs.18372',
};

/** One section of FDA's table of drugs that interact with CYP enzymes and transporters (Table 1). */
export function fdaInteractionTable(section: string): KnowledgeSource {
  return { label: `FDA drug interaction table: ${section}`, url: FDA_CYP_TABLE.url };
}

/** A drug's US prescribing information (FDA label), found on DailyMed. */
export function fdaLabel(drug: string, query: string): KnowledgeSource {
  return { label: `${drug} US prescribing information (FDA label)`, url: `https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=${query}` };
}

/** A section of a drug's US label, cited by name ("Contraindications (nitrates)"). */
export function fdaLabelSection(drug: string, section: string, query: string): KnowledgeSource {
  const base = fdaLabel(drug, query);
  return { ...base, label: `${base.label}: ${section}` };
}

/** FDA Established Pharmacologic Class (EPC) the drugs' labels carry. */
export function fdaPharmacologicClass(epc: string): KnowledgeSource {
  return { label: `FDA Established Pharmacologic Class "${epc} [EPC]"`, url: 'https://www.fda.gov/industry/structured-product-labeling-resources/pharmacologic-class' };
}

/** A VSAC value set by title and OID (its RxNorm members, or the class it defines). */
export function vsacValueSet(title: string, oid: string): KnowledgeSource {
  return { label: `VSAC value set "${title}" (OID ${oid})`, url: `https://vsac.nlm.nih.gov/valueset/${oid}/expansion` };
}

/** A FHIR value set published in an implementation guide, by title and canonical URL. */
export function igValueSet(title: string, url: string): KnowledgeSource {
  return { label: `FHIR value set "${title}"`, url: url.replace(/^http:/, 'https:') };
}
