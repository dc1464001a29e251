import type { KnowledgeSource } from '../knowledge-source';
import type { CrossSensitivityGroup } from './cross-sensitivity-group';

// Opioids by chemical structure. A true (immune) allergy to one opioid is more likely to recur
// with an opioid of the same structural class; an opioid of another class is the usual
// alternative. Most recorded opioid "allergies" are side effects (nausea, constipation,
// drowsiness) or histamine release, not allergy: the rule reads the reaction before it warns.
// Tramadol and tapentadol share no class with the others (no row); the mixed agonist-antagonist
// buprenorphine is a phenanthrene. Sufentanil, alfentanil, remifentanil and levorphanol are left
// out: the drug tables have no RxNorm ingredient code for them.

const OPIOID_CLASSES: KnowledgeSource = {
  label: 'US Pharmacist 2006: Opioids, allergy vs pseudoallergy (opioid chemical classes)',
  url: 'https://www.uspharmacist.com/article/opioids-allergy-vs-pseudoallergy',
};

const NON_OPIOID = 'a non-opioid analgesic (acetaminophen, an NSAID)';

export const OPIOID_STRUCTURAL_CLASSES: readonly CrossSensitivityGroup[] = [
  {
    id: 'opioid-phenanthrenes',
    members: ['morphine', 'codeine', 'hydrocodone', 'hydromorphone', 'oxycodone', 'oxymorphone', 'buprenorphine'],
    strength: 'shared-structure',
    label: 'same opioid class (phenanthrenes)',
    shared: 'Morphine, codeine, hydrocodone, hydromorphone, oxycodone, oxymorphone and buprenorphine are phenanthrene opioids (the morphine ring structure)',
    instead: `an opioid of another structural class (fentanyl, a phenylpiperidine; methadone, a diphenylheptane) or ${NON_OPIOID}`,
    source: OPIOID_CLASSES,
  },
  {
    id: 'opioid-phenylpiperidines',
    members: ['fentanyl', 'meperidine'],
    strength: 'shared-structure',
    label: 'same opioid class (phenylpiperidines)',
    shared: 'Fentanyl and meperidine are phenylpiperidine opioids',
    instead: `an opioid of another structural class (morphine or hydromorphone, phenanthrenes; methadone) or ${NON_OPIOID}`,
    source: OPIOID_CLASSES,
  },
  {
    // Propoxyphene, the other diphenylheptane, left the US market in 2010: methadone stands alone.
    id: 'opioid-diphenylheptanes',
    members: ['methadone'],
    strength: 'shared-structure',
    label: 'same opioid class (diphenylheptanes)',
    shared: 'Methadone is a diphenylheptane opioid',
    instead: `an opioid of another structural class or ${NON_OPIOID}`,
    source: OPIOID_CLASSES,
  },
];
