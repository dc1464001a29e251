import type { KnowledgeSource } from '../knowledge-source';
import { PDDI_WARFARIN_NSAIDS } from './pddi-sources';

// The HL7 PDDI-CDS warfarin + NSAID logic (WarfarinNSAIDsCDSLogic.cql), as data. The base card is
// a warning (info for topical diclofenac); a history of upper GI bleed, age, systemic
// corticosteroids, aldosterone antagonists or another NSAID raise the risk; a PPI or misoprostol
// lowers it.

export interface WarfarinNsaidKnowledge {
  /** Object drug (PDDI "Warfarins" value set: rule-based, warfarin only). */
  warfarin: readonly string[];
  /** Precipitants: systemic NSAIDs (drug class `nsaid`, local forms excluded as the value sets do). */
  nsaidClass: 'nsaid';
  /** Gastroprotection that lowers the risk: PPIs (class) and misoprostol. */
  protectiveClass: 'proton-pump-inhibitor';
  protectiveIngredients: readonly string[];
  /**
   * Co-medication that raises the risk (Masclee 2014: RR 12.8 with corticosteroids, 11 with
   * aldosterone antagonists, vs 4.3 with an NSAID alone); a second NSAID raises it too.
   */
  corticosteroidClass: 'corticosteroid';
  aldosteroneAntagonists: readonly string[];
  /** "Age > 65 years or Hx UGIB": the IG card says "65 y/o"; ChartBrief uses age >= 65 (the brief). */
  ageAtLeast: number;
  /** PDDI value set Hx-UGIB-snomed: a recorded upper GI bleed (any time: it is a history). */
  giBleedSnomed: readonly { code: string; display: string }[];
  /** The alternative the IG names: "Substitute NSAID with APAP (Acetaminophen 325 MG)", with the label's adult directions. */
  alternative: { rxnorm: string; display: string; ingredient: string; directions: AlternativeDirections };
  source: KnowledgeSource;
}

/** How the alternative is taken, from its label: what the replacement order says. */
export interface AlternativeDirections {
  text: string;
  doseValue: number;
  doseUnit: string;
  /** The shortest interval between doses ("every 4 to 6 hours" → 4). */
  everyHours: number;
  /** Most doses (in `doseUnit`s) in 24 hours. */
  maxPerDay: number;
}

export const WARFARIN_NSAIDS: WarfarinNsaidKnowledge = {
  warfarin: ['warfarin'],
  nsaidClass: 'nsaid',
  protectiveClass: 'proton-pump-inhibitor',
  protectiveIngredients: ['misoprostol'],
  corticosteroidClass: 'corticosteroid',
  // PDDI valueset-AAS (aldosterone antagonists, RxClass MoA).
  aldosteroneAntagonists: ['spironolactone', 'eplerenone'],
  ageAtLeast: 65,
  giBleedSnomed: [
    { code: '12847006', display: 'Acute duodenal ulcer with hemorrhage' },
    { code: '86895006', display: 'Acute duodenal ulcer with hemorrhage AND perforation' },
    { code: '89748001', display: 'Acute gastric ulcer with hemorrhage' },
    { code: '48974009', display: 'Acute gastric ulcer with hemorrhage AND perforation' },
    { code: '63954007', display: 'Acute gastrojejunal ulcer with hemorrhage' },
    { code: '81387001', display: 'Acute gastrojejunal ulcer with hemorrhage AND perforation' },
    { code: '2367005', display: 'Acute hemorrhagic gastritis' },
    { code: '12274003', display: 'Acute peptic ulcer with hemorrhage' },
    { code: '47064007', display: 'Acute peptic ulcer with hemorrhage AND with perforation but without obstruction' },
    { code: '235853006', display: 'Angiodysplasia of intestine' },
    { code: '84568007', display: 'Atrophic gastritis' },
    { code: '81142005', display: 'Chronic duodenal ulcer with hemorrhage AND with perforation but without obstruction' },
    { code: '62341002', display: 'Chronic duodenal ulcer with hemorrhage but without obstruction' },
    { code: '74341002', display: 'Chronic gastric ulcer with hemorrhage AND with perforation but without obstruction' },
    { code: '76078009', display: 'Chronic gastric ulcer with hemorrhage but without obstruction' },
    { code: '62838000', display: 'Chronic gastrojejunal ulcer with hemorrhage' },
    { code: '46523000', display: 'Chronic gastrojejunal ulcer with hemorrhage AND with perforation but without obstruction' },
    { code: '55746001', display: 'Chronic peptic ulcer with hemorrhage AND with perforation but without obstruction' },
    { code: '81518000', display: 'Chronic peptic ulcer with hemorrhage but without obstruction' },
    { code: '109558001', display: 'Dieulafoy vascular malformation' },
    { code: '61401005', display: 'Gastric hemorrhage' },
    { code: '196731005', display: 'Gastroduodenitis' },
    { code: '74474003', display: 'Gastrointestinal hemorrhage' },
    { code: '95531001', display: 'Hemorrhagic duodenitis' },
  ],
  alternative: {
    rxnorm: '313782',
    display: 'Acetaminophen 325 MG Oral Tablet',
    ingredient: 'acetaminophen',
    // FDA OTC Drug Facts, acetaminophen 325 mg (regular strength), adults: 2 tablets every 4 to 6
    // hours while symptoms last; not more than 10 tablets in 24 hours. Indication-independent.
    directions: { text: 'Take 2 tablets (650 mg) by mouth every 4 to 6 hours as needed for pain; no more than 10 tablets (3,250 mg) in 24 hours.', doseValue: 2, doseUnit: 'tablet', everyHours: 4, maxPerDay: 10 },
  },
  source: PDDI_WARFARIN_NSAIDS,
};
